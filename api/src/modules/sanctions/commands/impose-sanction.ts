import { transact } from '../../../platform/db/transact.js';
import { ConflictError } from '../../../platform/errors.js';
import type { Scope } from '../../../platform/scope.js';
import type { SanctionKind } from '../active-sanctions.js';
import { validateSanction } from '../sanction.rules.js';
import { lockTarget } from '../sanction-target.js';
import { insertSanction, activeSanctionRows, type SanctionRow } from '../sanction-writes.js';

const WORDS: Record<SanctionKind, string> = { SILENCE: 'silenced', SUSPEND: 'suspended' };

/**
 * Staff silence (may read, may not write) or suspend (may not log in) a member until a date,
 * for a reason the member is shown. Takes effect on the member's next request: the session
 * look-up reads the sanctions in force. One of a kind at a time: another is CONFLICT, saying
 * until when the current one runs (lift it first to change it).
 */
export async function imposeSanction(
  scope: Scope,
  input: { memberId: number; kind: SanctionKind; until: Date; reason: string },
): Promise<SanctionRow> {
  const viewer = scope.guardian.requireViewer();
  return transact(scope.em, async (tx) => {
    const target = await lockTarget(tx, input.memberId);
    scope.guardian.ensureCan('member.sanction', target);
    const { until, reason } = validateSanction(input);
    const row = await insertSanction(tx, scope.guardian.requireActor(), {
      memberId: target.id,
      kind: input.kind,
      until,
      reason,
      imposedBy: viewer.id,
    });
    if (row) return row;
    const current = (await activeSanctionRows(tx, target.id)).find((s) => s.kind === input.kind);
    const end = current?.until ? `until ${new Date(current.until).toISOString()}` : 'until a moderator lifts it';
    throw new ConflictError(
      `${target.handle} is already ${WORDS[input.kind]} ${end}. Lift that sanction first to change it.`,
    );
  });
}
