import { transact } from '../../../platform/db/transact.js';
import { ConflictError, NotFoundError } from '../../../platform/errors.js';
import { snapshotShape } from '../../../platform/db/snapshots.js';
import { sql } from '../../../platform/db/sql.js';
import type { Scope } from '../../../platform/scope.js';
import { applyRestoreReputation } from '../../reputation/ledger.js';
import type { Loaders } from '../../loaders.js';
import { canSeeCategory } from '../community.queries.js';
import { Post } from '../post.entity.js';
import { shiftThreadCounters } from './delete-post.js';

/**
 * A moderator brings back a deleted or removed post: counters return and a removal penalty is
 * reversed. A solution stays un-accepted (the asker may accept it again); a reply waits for
 * its question to be restored first.
 */
export async function restorePost(scope: Scope & { loaders: Loaders }, postId: number): Promise<Post> {
  const viewer = scope.guardian.requireViewer();
  const post = await scope.loaders.postById.load(postId);
  const thread = post && (await scope.loaders.threadById.load(post.threadId));
  const category = thread && (await scope.loaders.categoryById.load(thread.categoryId));
  if (!post || !thread || !category || !canSeeCategory(viewer, category)) throw new NotFoundError('Post');
  scope.guardian.ensureCan('post.restore', { post, thread });
  if (!post.deletedAt) throw new ConflictError('This post is not deleted.');
  if (!post.isQuestion && thread.deletedAt) {
    throw new ConflictError('This reply’s thread is deleted: restore its question first.');
  }

  const row = await transact(scope.em, async (tx) => {
    const [restored] = await sql<Record<string, unknown>>(
      tx,
      `update posts set deleted_at = null, deleted_by = null, removal_reason = null
        where id = ? and deleted_at is not null returning *`,
      [post.id],
    );
    if (!restored) throw new ConflictError('This post is not deleted.'); // restored concurrently
    await shiftThreadCounters(tx, post, thread, 1);
    await applyRestoreReputation(tx, post.id);
    return restored;
  });
  const fresh = snapshotShape(scope.em, Post).map(row);
  scope.loaders.postById.clear(post.id).prime(post.id, fresh);
  scope.loaders.threadById.clear(thread.id);
  return fresh;
}
