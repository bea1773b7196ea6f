import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import { ConflictError } from '../../../platform/errors.js';
import type { Scope } from '../../../platform/scope.js';
import { lockTarget } from '../sanction-target.js';
import { recordSanctionEvent, stateOf, type SanctionRow } from '../sanction-writes.js';

/**
 * Lifts every sanction in force on a member, at once: their next request is unrestricted
 * (a suspended member's existing sessions work again). Records `member.sanction_lifted` per
 * sanction; with none in force it is CONFLICT and nothing is written.
 */
export async function liftSanction(scope: Scope, memberId: number): Promise<SanctionRow[]> {
  const viewer = scope.guardian.requireViewer();
  return transact(scope.em, async (tx) => {
    const target = await lockTarget(tx, memberId);
    scope.guardian.ensureCan('member.liftSanction', target);
    const lifted = await sql<SanctionRow>(
      tx,
      `update member_sanctions set lifted_at = now(), lifted_by = ?
        where member_id = ? and lifted_at is null and (until is null or until > now())
        returning *`,
      [viewer.id, target.id],
    );
    if (lifted.length === 0) throw new ConflictError(`${target.handle} has no sanction in force.`);
    for (const row of lifted) {
      const after = stateOf(row);
      const before = { ...after, liftedAt: null };
      await recordSanctionEvent(tx, scope.guardian.requireActor(), 'member.sanction_lifted', row, before, after);
    }
    return lifted;
  });
}
