import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError, NotFoundError } from '../../../platform/errors.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import { snapshotShape } from '../../../platform/db/snapshots.js';
import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import type { Scope } from '../../../platform/scope.js';
import { applyAcceptReputation } from '../../reputation/ledger.js';
import '../community.events.js';
import { readablePost, readableThread } from '../visibility.js';
import { Thread } from '../thread.entity.js';

/**
 * Marks a reply as the thread's solution (replacing any earlier one); the thread becomes
 * ANSWERED. The permission is checked again on the rows as locked, so a thread closed or
 * locked meanwhile, or an answer deleted meanwhile, is refused.
 */
export async function acceptAnswer(scope: Scope, postId: number): Promise<Thread> {
  const viewer = scope.guardian.requireViewer();
  const { post, thread } = await readablePost(scope.em, viewer, postId);
  if (post.isQuestion) throw new NotFoundError('Answer');
  scope.guardian.ensureCan('thread.accept', thread);
  if (thread.acceptedPostId === post.id) throw new ConflictError('This answer is already accepted.');

  return transact(scope.em, async (tx) => {
    await lockSolutions(tx, thread.id, post.id);
    const locked = await readableThread(tx, viewer, thread.id, { lock: true });
    await readablePost(tx, viewer, post.id); // deleted meanwhile: NOT_FOUND
    scope.guardian.ensureCan('thread.accept', locked.thread);
    const [updated] = await sql<Record<string, unknown>>(
      tx,
      `update threads set accepted_post_id = ?, status = case when status = 'OPEN' then 'ANSWERED' else status end
        where id = ? and deleted_at is null and accepted_post_id is distinct from ?
        returning *`,
      [post.id, thread.id, post.id],
    );
    if (!updated) throw new ConflictError('This answer is already accepted.');
    await applyAcceptReputation(tx, scope.settings.reputation, {
      threadId: thread.id,
      askerId: thread.authorId,
      accepterId: viewer.id,
      answer: { id: post.id, authorId: post.authorId },
    });
    const previousPostId = locked.thread.acceptedPostId;
    await recordEvent(tx, scope.guardian.requireActor(), {
      name: 'answer.accepted',
      subject: ref('thread', thread.id),
      related: [
        ref('post', post.id),
        ref('member', post.authorId),
        ...(previousPostId ? [ref('post', previousPostId)] : []),
      ],
      data: {
        threadId: thread.id,
        postId: post.id,
        answerAuthorId: post.authorId,
        askerId: thread.authorId,
        previousPostId,
      },
    });
    return snapshotShape(tx, Thread).map(updated);
  });
}

/** Removes the accepted solution; an ANSWERED thread is OPEN again. */
export async function unacceptAnswer(scope: Scope, threadId: number): Promise<Thread> {
  const viewer = scope.guardian.requireViewer();
  const { thread } = await readableThread(scope.em, viewer, threadId);
  scope.guardian.ensureCan('thread.accept', thread);
  return transact(scope.em, async (tx) => {
    await lockSolutions(tx, thread.id);
    const locked = await readableThread(tx, viewer, thread.id, { lock: true });
    scope.guardian.ensureCan('thread.accept', locked.thread);
    const [updated] = await sql<Record<string, unknown>>(
      tx,
      `update threads set accepted_post_id = null, status = case when status = 'ANSWERED' then 'OPEN' else status end
        where id = ? and accepted_post_id is not null
        returning *, (select author_id from posts where id = ?) as answer_author_id`,
      [thread.id, locked.thread.acceptedPostId],
    );
    if (!updated) throw new ConflictError('This thread has no accepted answer.');
    await applyAcceptReputation(tx, scope.settings.reputation, {
      threadId: thread.id,
      askerId: thread.authorId,
      accepterId: viewer.id,
      answer: null,
    });
    const postId = locked.thread.acceptedPostId!;
    await recordEvent(tx, scope.guardian.requireActor(), {
      name: 'answer.unaccepted',
      subject: ref('thread', thread.id),
      related: [ref('post', postId), ref('member', updated.answer_author_id as number)],
      data: { threadId: thread.id, postId, answerAuthorId: updated.answer_author_id as number },
    });
    return snapshotShape(tx, Thread).map(updated);
  });
}

/**
 * Locks the thread's current solution (and the answer about to become it) before the thread:
 * changing accepted_post_id makes a trigger write both posts' accepted_at, and deleting a post
 * locks the post, then its thread. Taking posts first keeps one lock order, so an accept and a
 * deletion of either answer never deadlock. NO KEY UPDATE is the lock the trigger's update
 * takes anyway; a plain FOR UPDATE would also block the foreign-key checks of every insert
 * that references these posts (votes, ledger events).
 */
async function lockSolutions(tx: EntityManager, threadId: number, nextSolutionId?: number): Promise<void> {
  await sql(
    tx,
    `select id from posts
      where id = (select accepted_post_id from threads where id = ?) or id = ?
      order by id for no key update`,
    [threadId, nextSolutionId ?? null],
  );
}
