import type { EntityManager } from '@mikro-orm/postgresql';
import { transact } from '../../../platform/db/transact.js';
import { NotFoundError } from '../../../platform/errors.js';
import { sql } from '../../../platform/db/sql.js';
import type { Scope } from '../../../platform/scope.js';
import { applyRemovalReputation } from '../../reputation/ledger.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import '../community.events.js';
import { readablePost } from '../visibility.js';
import { PENALISED_REMOVALS, type Post, type RemovalReason } from '../post.entity.js';
import type { Thread } from '../thread.entity.js';

/** Its author (or a moderator, without a reason) deletes a post. */
export async function deletePost(scope: Scope, postId: number): Promise<boolean> {
  const viewer = scope.guardian.requireViewer();
  const { post, thread } = await readablePost(scope.em, viewer, postId);
  scope.guardian.ensureCan('post.delete', { post, thread });
  await softDelete(scope, post, null);
  return true;
}

/**
 * A moderator removes a post for a reason; removing it as spam or abuse costs the author
 * reputation (reversed if the post is restored).
 */
export async function removePost(scope: Scope, input: { postId: number; reason: RemovalReason }): Promise<boolean> {
  const viewer = scope.guardian.requireViewer();
  const { post, thread } = await readablePost(scope.em, viewer, input.postId);
  scope.guardian.ensureCan('post.remove', { post, thread });
  await softDelete(scope, post, input.reason);
  return true;
}

/**
 * Soft-deletes a post. Deleting the question deletes the thread; deleting a reply lowers the
 * reply count and, if it was the solution, re-opens the thread and takes back the accept's
 * reputation; a staff pick is withdrawn with its reputation. Rows stay for audit and restore.
 */
async function softDelete(scope: Scope, post: Post, reason: RemovalReason | null): Promise<void> {
  const viewer = scope.guardian.requireViewer();
  const actorId = viewer.id;
  await transact(scope.em, async (tx) => {
    // Checked again on the locked rows: a thread locked meanwhile stops an author's deletion.
    const { post: locked, thread } = await readablePost(tx, viewer, post.id, { lock: true });
    scope.guardian.ensureCan(reason === null ? 'post.delete' : 'post.remove', { post, thread });
    // A staff pick leaves with the post, as a solution does: a restore brings back neither.
    const [deleted] = await sql<{ was_picked: boolean }>(
      tx,
      `update posts p set deleted_at = now(), deleted_by = ?, removal_reason = ?,
              staff_picked_at = null, staff_picked_by = null
         from (select staff_picked_at from posts where id = ? for no key update) old
        where p.id = ? and p.deleted_at is null
        returning old.staff_picked_at is not null as was_picked`,
      [actorId, reason, post.id, post.id],
    );
    if (!deleted) throw new NotFoundError('Post'); // deleted concurrently
    const wasAccepted = await shiftThreadCounters(tx, locked, thread, -1);
    await applyRemovalReputation(tx, scope.settings.reputation, {
      post,
      actorId,
      wasAccepted,
      wasPicked: deleted.was_picked,
      penalised: reason !== null && PENALISED_REMOVALS.has(reason),
      reason: reason === null ? 'post deleted' : `post removed as ${reason.toLowerCase().replace('_', '-')}`,
    });
    const common = {
      postId: post.id,
      threadId: thread.id,
      authorId: post.authorId,
      isQuestion: post.isQuestion,
      wasAccepted,
    };
    await recordEvent(tx, scope.guardian.requireActor(), {
      ...(reason === null
        ? { name: 'post.deleted' as const, data: common }
        : { name: 'post.removed' as const, data: { ...common, reason } }),
      subject: ref('post', post.id),
      related: [ref('thread', thread.id), ref('member', post.authorId)],
    });
  });
}

/**
 * Moves the counters when a post leaves (`delta` -1) or comes back (+1): a question takes its
 * thread with it; a reply moves the reply count and, leaving, its thread's solution. A hidden
 * post is already out of the counts (a hidden reply of reply_count, a thread with a hidden
 * question or merged of its category's thread_count), so its removal or restoration leaves
 * them alone. Returns whether the post was the thread's solution.
 */
export async function shiftThreadCounters(
  tx: EntityManager,
  post: Post,
  thread: Thread,
  delta: 1 | -1,
): Promise<boolean> {
  if (post.isQuestion) {
    await sql(tx, `update threads set deleted_at = ${delta < 0 ? 'now()' : 'null'} where id = ?`, [thread.id]);
    await sql(
      tx,
      `update categories set thread_count = thread_count + ? where id = ?
          and exists (select 1 from threads where id = ? and not question_hidden and merged_into_id is null)`,
      [delta, thread.categoryId, thread.id],
    );
    return false;
  }
  const counted = post.hiddenAt ? 0 : 1;
  if (delta > 0) {
    await sql(tx, 'update threads set reply_count = reply_count + ? where id = ?', [counted, thread.id]);
    return false;
  }
  const [row] = await sql<{ was_accepted: boolean }>(
    tx,
    `update threads t set reply_count = t.reply_count - ?,
        accepted_post_id = case when t.accepted_post_id = ? then null else t.accepted_post_id end,
        status = case when t.accepted_post_id = ? and t.status = 'ANSWERED' then 'OPEN' else t.status end
       from (select accepted_post_id from threads where id = ? for no key update) old
      where t.id = ?
      returning old.accepted_post_id is not distinct from ?::int as was_accepted`,
    [counted, post.id, post.id, thread.id, thread.id, post.id],
  );
  return row?.was_accepted ?? false;
}
