import { sql } from '../../../platform/db/sql.js';
import { snapshotShape } from '../../../platform/db/snapshots.js';
import { transact } from '../../../platform/db/transact.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../platform/errors.js';
import type { Scope } from '../../../platform/scope.js';
import { Member } from '../../accounts/member.entity.js';
import type { Loaders } from '../../loaders.js';
import { enqueueBadgeCheck } from '../../badges/badges.jobs.js';
import '../advocates.policy.js';

export interface SetAdvocateInput {
  memberId: number;
  reason: string;
}

/**
 * Staff grant (`granted: true`) or revoke advocate status, with a reason, recorded in
 * advocate_changes in the same transaction. The flag flips with a conditional update, so two
 * concurrent grants record one change and the second is CONFLICT.
 */
export async function setAdvocate(
  scope: Scope & { loaders: Loaders },
  input: SetAdvocateInput,
  granted: boolean,
): Promise<Member> {
  const actor = scope.guardian.requireViewer();
  scope.guardian.ensureCan('member.manageAdvocates', null);
  const reason = input.reason.trim();
  if (reason.length < 3 || reason.length > 500) {
    throw new ValidationError({ reason: 'Give a reason of 3 to 500 characters: it goes into the audit trail.' });
  }
  const member = await scope.loaders.memberById.load(input.memberId);
  if (!member) throw new NotFoundError('Member');

  const row = await transact(scope.em, async (tx) => {
    const [updated] = await sql<Record<string, unknown>>(
      tx,
      'update members set is_advocate = ?, updated_at = now() where id = ? and is_advocate <> ? returning *',
      [granted, member.id, granted],
    );
    if (!updated) {
      throw new ConflictError(`@${member.handle} is ${granted ? 'already' : 'not'} an advocate.`);
    }
    await sql(tx, 'insert into advocate_changes (member_id, granted, reason, actor_id) values (?, ?, ?, ?)', [
      member.id,
      granted,
      reason,
      actor.id,
    ]);
    if (granted) await enqueueBadgeCheck(scope.services, tx, 'advocate.granted', [member.id]);
    return updated;
  });
  const fresh = snapshotShape(scope.em, Member).map(row);
  scope.loaders.memberById.clear(member.id).prime(member.id, fresh);
  return fresh;
}
