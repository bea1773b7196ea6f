import { ConflictError, NotFoundError } from '../../../platform/errors.js';
import { snapshotShape } from '../../../platform/db/snapshots.js';
import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import type { Scope } from '../../../platform/scope.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import { applyStaffPickReputation } from '../../reputation/ledger.js';
import '../community.events.js';
import { readablePost } from '../visibility.js';
import { Post } from '../post.entity.js';

/**
 * Staff pick an answer as exemplary (`picked`) or withdraw the pick. The conditional update
 * makes concurrent picks of one answer count once; the pick credits the author and records
 * `post.staff_picked` (the Staff Pick badge follows it) in the same transaction.
 */
export async function setStaffPick(scope: Scope, input: { postId: number; picked: boolean }): Promise<Post> {
  const viewer = scope.guardian.requireViewer();
  const { post, thread } = await readablePost(scope.em, viewer, input.postId);
  if (post.isQuestion) throw new NotFoundError('Answer');
  scope.guardian.ensureCan('post.staffPick', { post, thread });

  return transact(scope.em, async (tx) => {
    const [updated] = await sql<Record<string, unknown>>(
      tx,
      input.picked
        ? `update posts set staff_picked_at = now(), staff_picked_by = ?
            where id = ? and deleted_at is null and staff_picked_at is null returning *`
        : `update posts set staff_picked_at = null, staff_picked_by = null
            where id = ? and staff_picked_at is not null returning *`,
      input.picked ? [viewer.id, post.id] : [post.id],
    );
    if (!updated) {
      throw new ConflictError(
        input.picked ? 'This answer is already a staff pick.' : 'This answer is not a staff pick.',
      );
    }
    await applyStaffPickReputation(tx, scope.settings.reputation, {
      post,
      actorId: viewer.id,
      picked: input.picked,
    });
    await recordEvent(tx, scope.guardian.requireActor(), {
      name: input.picked ? 'post.staff_picked' : 'post.staff_pick_withdrawn',
      subject: ref('post', post.id),
      related: [ref('thread', thread.id), ref('member', post.authorId)],
      data: { postId: post.id, threadId: thread.id, authorId: post.authorId },
    });
    return snapshotShape(tx, Post).map(updated);
  });
}
