import {
  assertValid,
  ConflictError,
  NotFoundError,
  ValidationError,
  type FieldErrors,
} from '../../../platform/errors.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import { snapshotShape } from '../../../platform/db/snapshots.js';
import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import type { Scope } from '../../../platform/scope.js';
import { reattributeMovedPosts } from '../../reputation/rollups.js';
import '../community.events.js';
import { validateReason } from '../thread-moderation.rules.js';
import { readableThread } from '../visibility.js';
import { Thread } from '../thread.entity.js';

/**
 * Staff merge a duplicate thread into another, as Stack Overflow merges questions: the
 * duplicate's replies (deleted ones too, so a restore brings them back in the target) move
 * into the target with their authors, votes, revisions and reputation; the duplicate's
 * question stays where it is, and the duplicate becomes a pointer: closed as a DUPLICATE of
 * the target, `mergedInto` it (clients send its URL on to the target), out of the lists, no
 * replies. The duplicate's solution stays the solution in the target only if the target has
 * none; otherwise it is an ordinary reply there, and the reputation its accept earned stands.
 * Both threads' counters are recomputed from their rows in the same transaction.
 */
export async function mergeThread(
  scope: Scope,
  input: { threadId: number; intoThreadId: number; reason: string },
): Promise<{ thread: Thread; into: Thread }> {
  const viewer = scope.guardian.requireViewer();
  const errors: FieldErrors = {};
  const reason = validateReason(input.reason, errors)!;
  const { thread } = await readableThread(scope.em, viewer, input.threadId);
  scope.guardian.ensureCan('thread.merge', thread);
  if (input.intoThreadId === input.threadId) errors.intoThreadId = 'A thread cannot be merged into itself.';
  assertValid(errors);
  await intoThread(scope, input.intoThreadId);

  return transact(scope.em, async (tx) => {
    // Posts before threads (the lock order of every command): the replies that move, then both
    // threads in id order, so two merges between the same threads never deadlock.
    await sql(tx, 'select id from posts where thread_id = ? and not is_question order by id for no key update', [
      thread.id,
    ]);
    await sql(tx, 'select id from threads where id in (?, ?) order by id for no key update', [
      thread.id,
      input.intoThreadId,
    ]);
    const { thread: dup } = await readableThread(tx, viewer, thread.id);
    scope.guardian.ensureCan('thread.merge', dup);
    if (dup.mergedIntoId) throw new ConflictError(`This thread was already merged into thread ${dup.mergedIntoId}.`);
    const { thread: into } = await intoThread({ ...scope, em: tx }, input.intoThreadId);

    const moved = await sql<{ id: number }>(
      tx,
      'update posts set thread_id = ? where thread_id = ? and not is_question returning id',
      [into.id, dup.id],
    );
    const movedPostIds = moved.map((p) => p.id).sort((a, b) => a - b);
    const keepsSolution = dup.acceptedPostId !== null && into.acceptedPostId === null;
    // The duplicate first: clearing its solution lets the accepted_at trigger see it leave.
    const [dupRow] = await sql<Record<string, unknown>>(
      tx,
      `update threads set reply_count = 0, accepted_post_id = null, status = 'CLOSED', locked_from = null,
              close_reason = 'DUPLICATE', close_note = null, duplicate_of_id = ?, merged_into_id = ?,
              pinned_scope = null, pinned_at = null, pinned_by = null
        where id = ? returning *`,
      [into.id, into.id, dup.id],
    );
    const [intoRow] = await sql<Record<string, unknown>>(
      tx,
      `update threads t set
              reply_count = (select count(*) from posts p where p.thread_id = t.id and not p.is_question
                               and p.deleted_at is null and p.hidden_at is null),
              last_activity_at = greatest(t.last_activity_at, ?::timestamptz),
              accepted_post_id = coalesce(t.accepted_post_id, ?::int),
              status = case when t.status = 'OPEN' and ?::int is not null then 'ANSWERED' else t.status end
        where t.id = ? returning *`,
      [
        dup.lastActivityAt,
        keepsSolution ? dup.acceptedPostId : null,
        keepsSolution ? dup.acceptedPostId : null,
        into.id,
      ],
    );
    await reattributeMovedPosts(tx, {
      postIds: movedPostIds,
      fromThreadId: dup.id,
      toThreadId: into.id,
      fromCategoryId: dup.categoryId,
      toCategoryId: into.categoryId,
      withAccepts: keepsSolution,
    });
    const fresh = snapshotShape(tx, Thread);
    const merged = fresh.map(dupRow!);
    const target = fresh.map(intoRow!);
    await recordEvent(tx, scope.guardian.requireActor(), {
      name: 'thread.merged',
      subject: ref('thread', dup.id),
      related: [
        ref('thread', into.id),
        ...[...new Set([dup.authorId, into.authorId])].map((id) => ref('member', id)),
        ...[...new Set([dup.categoryId, into.categoryId])].map((id) => ref('category', id)),
      ],
      data: {
        threadId: dup.id,
        intoThreadId: into.id,
        reason,
        movedPostIds,
        before: {
          replyCount: dup.replyCount,
          acceptedPostId: dup.acceptedPostId,
          intoReplyCount: into.replyCount,
          intoAcceptedPostId: into.acceptedPostId,
        },
        after: {
          replyCount: merged.replyCount,
          intoReplyCount: target.replyCount,
          intoAcceptedPostId: target.acceptedPostId,
        },
      },
    });
    return { thread: merged, into: target };
  });
}

/** The target of a merge: a thread the moderator may read, not deleted, not itself merged away. */
async function intoThread(scope: Scope, id: number): Promise<{ thread: Thread }> {
  try {
    const found = await readableThread(scope.em, scope.guardian.requireViewer(), id);
    if (found.thread.mergedIntoId) {
      throw new ValidationError({
        intoThreadId: `That thread was merged into thread ${found.thread.mergedIntoId}: merge into that one.`,
      });
    }
    return found;
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    throw new ValidationError({ intoThreadId: 'No thread with this id (or it was deleted).' });
  }
}
