import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError, NotFoundError } from '../../../platform/errors.js';
import { snapshotShape } from '../../../platform/db/snapshots.js';
import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import { enqueueBadgeCheck } from '../../badges/badges.jobs.js';
import { applyAcceptReputation } from '../../reputation/ledger.js';
import type { Scope } from '../../../platform/scope.js';
import type { Loaders } from '../../loaders.js';
import { visiblePost, visibleThread } from '../community.queries.js';
import { Thread } from '../thread.entity.js';

type Ctx = Scope & { loaders: Loaders };

/** Marks a reply as the thread's solution (replacing any earlier one); the thread becomes ANSWERED. */
export async function acceptAnswer(scope: Ctx, postId: number): Promise<Thread> {
  const viewer = scope.guardian.requireViewer();
  const { post, thread } = await visiblePost(scope.loaders, viewer, postId);
  if (post.isQuestion) throw new NotFoundError('Answer');
  scope.guardian.ensureCan('thread.accept', thread);
  if (thread.acceptedPostId === post.id) throw new ConflictError('This answer is already accepted.');

  const row = await transact(scope.em, async (tx) => {
    await lockSolutions(tx, thread.id, post.id);
    const [updated] = await sql<Record<string, unknown>>(
      tx,
      `update threads set accepted_post_id = ?, status = case when status = 'OPEN' then 'ANSWERED' else status end
        where id = ? and deleted_at is null and accepted_post_id is distinct from ?
          and exists (select 1 from posts where id = ? and deleted_at is null)
        returning *`,
      [post.id, thread.id, post.id, post.id],
    );
    if (!updated) throw new ConflictError('The thread changed meanwhile; reload and try again.');
    await applyAcceptReputation(tx, scope.services.config.reputation, {
      threadId: thread.id,
      askerId: thread.authorId,
      accepterId: viewer.id,
      answer: { id: post.id, authorId: post.authorId },
    });
    await enqueueBadgeCheck(scope.services, tx, 'answer.accepted', [post.authorId]);
    return updated;
  });
  return fresh(scope, row);
}

/** Removes the accepted solution; an ANSWERED thread is OPEN again. */
export async function unacceptAnswer(scope: Ctx, threadId: number): Promise<Thread> {
  const viewer = scope.guardian.requireViewer();
  const thread = await visibleThread(scope.loaders, viewer, threadId);
  scope.guardian.ensureCan('thread.accept', thread);
  const row = await transact(scope.em, async (tx) => {
    await lockSolutions(tx, thread.id);
    const [updated] = await sql<Record<string, unknown>>(
      tx,
      `update threads set accepted_post_id = null, status = case when status = 'ANSWERED' then 'OPEN' else status end
        where id = ? and accepted_post_id is not null returning *`,
      [thread.id],
    );
    if (!updated) throw new ConflictError('This thread has no accepted answer.');
    await applyAcceptReputation(tx, scope.services.config.reputation, {
      threadId: thread.id,
      askerId: thread.authorId,
      accepterId: viewer.id,
      answer: null,
    });
    return updated;
  });
  return fresh(scope, row);
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

/** A detached Thread from a `returning *` row, primed into the loader for the response. */
function fresh(scope: Ctx, row: Record<string, unknown>): Thread {
  const thread = snapshotShape(scope.em, Thread).map(row);
  scope.loaders.threadById.clear(thread.id).prime(thread.id, thread);
  return thread;
}
