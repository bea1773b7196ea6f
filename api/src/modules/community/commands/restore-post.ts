import { transact } from '../../../platform/db/transact.js';
import { ConflictError, NotFoundError } from '../../../platform/errors.js';
import { snapshotShape } from '../../../platform/db/snapshots.js';
import { sql } from '../../../platform/db/sql.js';
import type { Scope } from '../../../platform/scope.js';
import { applyRestoreReputation } from '../../reputation/ledger.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import '../community.events.js';
import { loadPost, mayReadCategory } from '../visibility.js';
import { Post } from '../post.entity.js';
import { shiftThreadCounters } from './delete-post.js';

/**
 * A moderator brings back a deleted or removed post: counters return and a removal penalty is
 * reversed. A solution stays un-accepted (the asker may accept it again); a reply waits for
 * its question to be restored first.
 */
export async function restorePost(scope: Scope, postId: number): Promise<Post> {
  const viewer = scope.guardian.requireViewer();
  const found = await loadPost(scope.em, postId);
  if (!found || !mayReadCategory(viewer, found.category)) throw new NotFoundError('Post');
  const { post, thread } = found;
  scope.guardian.ensureCan('post.restore', { post, thread });
  if (!post.deletedAt) throw new ConflictError('This post is not deleted.');

  return transact(scope.em, async (tx) => {
    // Under the lock: a question deleted since we looked keeps its replies deleted.
    const locked = (await loadPost(tx, postId, { lock: true }))!;
    if (!post.isQuestion && locked.thread.deletedAt) {
      throw new ConflictError('This reply’s thread is deleted: restore its question first.');
    }
    const [restored] = await sql<Record<string, unknown>>(
      tx,
      `update posts set deleted_at = null, deleted_by = null, removal_reason = null
        where id = ? and deleted_at is not null returning *`,
      [post.id],
    );
    if (!restored) throw new ConflictError('This post is not deleted.'); // restored concurrently
    await shiftThreadCounters(tx, locked.post, thread, 1);
    await applyRestoreReputation(tx, post.id);
    await recordEvent(tx, scope.guardian.requireActor(), {
      name: 'post.restored',
      subject: ref('post', post.id),
      related: [ref('thread', thread.id), ref('member', post.authorId)],
      data: { postId: post.id, threadId: thread.id, authorId: post.authorId, isQuestion: post.isQuestion },
    });
    return snapshotShape(tx, Post).map(restored);
  });
}
