import { ValidationError } from '../../../platform/errors.js';
import { snapshotShape } from '../../../platform/db/snapshots.js';
import { sql } from '../../../platform/db/sql.js';
import type { Scope } from '../../../platform/scope.js';
import type { Loaders } from '../../loaders.js';
import { visibleThread } from '../community.queries.js';
import { Thread, ThreadStatus } from '../thread.entity.js';

/**
 * Staff lock a thread; staff and members with the close/reopen privilege close or re-open it.
 * Re-opening restores ANSWERED when a solution is
 * accepted, so the status always agrees with `accepted_post_id`.
 */
export async function setThreadStatus(
  scope: Scope & { loaders: Loaders },
  input: { threadId: number; status: ThreadStatus },
): Promise<Thread> {
  scope.guardian.requireViewer();
  const thread = await visibleThread(scope.loaders, scope.guardian.viewer, input.threadId);
  // Locking (and anything on a locked thread) is staff work; closing and reopening is a privilege.
  const locking = input.status === ThreadStatus.LOCKED || thread.status === ThreadStatus.LOCKED;
  scope.guardian.ensureCan(locking ? 'thread.moderate' : 'thread.close', thread);
  if (input.status === ThreadStatus.ANSWERED) {
    throw new ValidationError({ status: 'A thread becomes ANSWERED by accepting a reply; use OPEN to re-open it.' });
  }
  const [row] = await sql<Record<string, unknown>>(
    scope.em,
    `update threads set status = case when ? = 'OPEN' and accepted_post_id is not null then 'ANSWERED' else ? end
      where id = ? returning *`,
    [input.status, input.status, thread.id],
  );
  const fresh = snapshotShape(scope.em, Thread).map(row!);
  scope.loaders.threadById.clear(thread.id).prime(thread.id, fresh);
  return fresh;
}
