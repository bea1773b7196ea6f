import { ValidationError } from '../../../platform/errors.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import { snapshotShape } from '../../../platform/db/snapshots.js';
import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import type { Scope } from '../../../platform/scope.js';
import '../community.events.js';
import { readableThread } from '../visibility.js';
import { Thread, ThreadStatus } from '../thread.entity.js';

/**
 * Staff lock a thread; staff and members with the close/reopen privilege close or re-open it.
 * Re-opening restores ANSWERED when a solution is accepted, so the status always agrees with
 * `accepted_post_id`. The permission is decided on the locked row (a thread locked meanwhile
 * needs a moderator), and `thread.status_changed` records the change with before and after.
 */
export async function setThreadStatus(
  scope: Scope,
  input: { threadId: number; status: ThreadStatus },
): Promise<Thread> {
  const viewer = scope.guardian.requireViewer();
  if (input.status === ThreadStatus.ANSWERED) {
    await readableThread(scope.em, viewer, input.threadId);
    throw new ValidationError({ status: 'A thread becomes ANSWERED by accepting a reply; use OPEN to re-open it.' });
  }
  return transact(scope.em, async (tx) => {
    const { thread } = await readableThread(tx, viewer, input.threadId, { lock: true });
    // Locking (and anything on a locked thread) is staff work; closing and reopening is a privilege.
    const locking = input.status === ThreadStatus.LOCKED || thread.status === ThreadStatus.LOCKED;
    scope.guardian.ensureCan(locking ? 'thread.moderate' : 'thread.close', thread);
    const [row] = await sql<Record<string, unknown>>(
      tx,
      `update threads set status = case when ? = 'OPEN' and accepted_post_id is not null then 'ANSWERED' else ? end
        where id = ? returning *`,
      [input.status, input.status, thread.id],
    );
    const fresh = snapshotShape(tx, Thread).map(row!);
    if (fresh.status !== thread.status) {
      await recordEvent(tx, scope.guardian.requireActor(), {
        name: 'thread.status_changed',
        subject: ref('thread', thread.id),
        data: { threadId: thread.id, from: thread.status, to: fresh.status },
      });
    }
    return fresh;
  });
}
