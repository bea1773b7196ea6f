import type { Action } from '../../../platform/authz/guardian.js';
import { assertValid, ConflictError, ValidationError, type FieldErrors } from '../../../platform/errors.js';
import { recordEvent, ref, type SubjectRef } from '../../../platform/events/events.js';
import { snapshotShape } from '../../../platform/db/snapshots.js';
import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import type { Scope } from '../../../platform/scope.js';
import type { ThreadStatusState } from '../community.events.js';
import { readableThread } from '../visibility.js';
import { Thread, ThreadStatus, type CloseReason } from '../thread.entity.js';

/** What a thread's status becomes, with what goes with it (the SQL resolves OPEN to ANSWERED). */
export interface StatusPlan {
  status: ThreadStatus.OPEN | ThreadStatus.CLOSED | ThreadStatus.LOCKED;
  lockedFrom: ThreadStatus | null;
  closeReason: CloseReason | null;
  closeNote: string | null;
  duplicateOfId: number | null;
}

export interface StatusChange {
  /** The permission, decided on the locked row. */
  permission: (thread: Thread) => Extract<Action, 'thread.close' | 'thread.moderate'>;
  /** The new state of the locked thread; throws (CONFLICT) when the action does not apply to it. */
  plan: (thread: Thread) => StatusPlan;
  /** Moderator actions record what they did and why, with before and after; setThreadStatus does not. */
  audit?: { action: 'lock' | 'unlock' | 'close' | 'reopen'; reason: string | null };
  /** Input errors, raised after the permission (a member who may not act learns that first). */
  errors?: FieldErrors;
}

const stateOf = (t: Thread): ThreadStatusState => ({
  status: t.status,
  closeReason: t.closeReason,
  duplicateOfId: t.duplicateOfId,
  closeNote: t.closeNote,
});

/**
 * The one writer of a thread's status (lock, unlock, close, reopen and setThreadStatus). The
 * permission is decided on the locked row (a thread locked meanwhile needs a moderator), a
 * thread merged into another keeps its status (it is a pointer now), OPEN becomes ANSWERED
 * when a solution is accepted, so the status always agrees with `accepted_post_id`, and
 * `thread.status_changed` records from and to (and, for moderator actions, why, with the close
 * reason and duplicate before and after). Nothing changed: no event.
 */
export async function changeThreadStatus(scope: Scope, threadId: number, change: StatusChange): Promise<Thread> {
  const viewer = scope.guardian.requireViewer();
  return transact(scope.em, async (tx) => {
    const { thread } = await readableThread(tx, viewer, threadId, { lock: true });
    scope.guardian.ensureCan(change.permission(thread), thread);
    assertValid(change.errors ?? {});
    if (thread.mergedIntoId) {
      throw new ConflictError(`This thread was merged into thread ${thread.mergedIntoId}: act on that one.`);
    }
    const plan = change.plan(thread);
    const [row] = await sql<Record<string, unknown>>(
      tx,
      `update threads set status = case when ? = 'OPEN' and accepted_post_id is not null then 'ANSWERED' else ? end,
              locked_from = ?, close_reason = ?, close_note = ?, duplicate_of_id = ?
        where id = ? returning *`,
      [plan.status, plan.status, plan.lockedFrom, plan.closeReason, plan.closeNote, plan.duplicateOfId, thread.id],
    );
    const fresh = snapshotShape(tx, Thread).map(row!);
    const before = stateOf(thread);
    const after = stateOf(fresh);
    if (JSON.stringify(before) === JSON.stringify(after)) return fresh;
    const related: SubjectRef[] = change.audit
      ? [
          ref('member', thread.authorId),
          ref('category', thread.categoryId),
          ...[...new Set([before.duplicateOfId, after.duplicateOfId])].flatMap((id) => (id ? [ref('thread', id)] : [])),
        ]
      : [];
    await recordEvent(tx, scope.guardian.requireActor(), {
      name: 'thread.status_changed',
      subject: ref('thread', thread.id),
      related,
      data: {
        threadId: thread.id,
        from: thread.status,
        to: fresh.status,
        ...(change.audit ? { ...change.audit, before, after } : {}),
      },
    });
    return fresh;
  });
}

/**
 * Staff lock a thread; staff and members with the close/reopen privilege close or re-open it
 * (the mutations lockThread, closeThread… say why; this one predates them). Setting the status
 * a thread has changes nothing; LOCKED remembers the status it locks, OPEN clears a close.
 */
export async function setThreadStatus(
  scope: Scope,
  input: { threadId: number; status: ThreadStatus },
): Promise<Thread> {
  const viewer = scope.guardian.requireViewer();
  const status = input.status;
  if (status === ThreadStatus.ANSWERED) {
    await readableThread(scope.em, viewer, input.threadId);
    throw new ValidationError({ status: 'A thread becomes ANSWERED by accepting a reply; use OPEN to re-open it.' });
  }
  return changeThreadStatus(scope, input.threadId, {
    // Locking (and anything on a locked thread) is staff work; closing and reopening is a privilege.
    permission: (thread) =>
      status === ThreadStatus.LOCKED || thread.status === ThreadStatus.LOCKED ? 'thread.moderate' : 'thread.close',
    plan: (thread) => {
      const closed = {
        closeReason: thread.closeReason,
        closeNote: thread.closeNote,
        duplicateOfId: thread.duplicateOfId,
      };
      if (status === ThreadStatus.OPEN) {
        return { status, lockedFrom: null, closeReason: null, closeNote: null, duplicateOfId: null };
      }
      if (status === ThreadStatus.CLOSED) return { status, lockedFrom: null, ...closed };
      const lockedFrom = thread.status === ThreadStatus.LOCKED ? thread.lockedFrom : thread.status;
      return { status, lockedFrom, ...closed };
    },
  });
}
