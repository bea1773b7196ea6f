import { snapshotShape } from '../../../platform/db/snapshots.js';
import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import { assertValid, ForbiddenError, NotFoundError, type FieldErrors } from '../../../platform/errors.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import type { Scope } from '../../../platform/scope.js';
import '../accounts.events.js';
import '../member-admin.policy.js';
import { Member, Role } from '../member.entity.js';

/** pg_advisory_xact_lock(class, 0): every role change, one at a time (see setMemberRole). */
const ROLE_CHANGES_LOCK = 0x48524f4c; // "HROL"

export interface SetMemberRoleInput {
  memberId: number;
  role: Role;
  reason: string;
}

/**
 * An administrator makes a member a moderator or an administrator, or a member again, saying
 * why. The last administrator cannot be demoted: only another administrator may change their
 * role (nobody changes their own), and role changes are serialized by one advisory lock under
 * which the actor's role is read afresh, so of two administrators demoting each other at once
 * the second is no longer one (FORBIDDEN). The member's sessions read the role on each
 * request, so the change applies from their next one. The same role again records nothing.
 */
export async function setMemberRole(scope: Scope, input: SetMemberRoleInput): Promise<Member> {
  const errors: FieldErrors = {};
  const reason = input.reason.trim();
  if (reason.length < 3 || reason.length > 500) errors.reason = 'Say why in 3–500 characters.';
  const target = await scope.em.findOne(Member, input.memberId);
  if (!target) throw new NotFoundError('Member');
  scope.guardian.ensureCan('member.setRole', { member: target, role: input.role });
  assertValid(errors);
  const actor = scope.guardian.requireActor();
  const viewer = scope.guardian.requireViewer();

  return transact(scope.em, async (tx) => {
    await sql(tx, 'select pg_advisory_xact_lock(?::int, 0)', [ROLE_CHANGES_LOCK]);
    const [actorNow] = await sql<{ role: string }>(tx, 'select role from members where id = ?', [viewer.id]);
    if (actorNow?.role !== Role.ADMIN) throw new ForbiddenError('Only administrators can change roles.');
    const shape = snapshotShape(tx, Member);
    const [before] = await sql<Record<string, unknown>>(
      tx,
      `select ${shape.columns('m')} from members m where m.id = ? for no key update`,
      [input.memberId],
    );
    const member = shape.map(before!);
    if (member.role === input.role) return member;
    const [after] = await sql<Record<string, unknown>>(
      tx,
      `update members m set role = ?, updated_at = now() where m.id = ? returning ${shape.columns('m')}`,
      [input.role, member.id],
    );
    await recordEvent(tx, actor, {
      name: 'member.role_changed',
      subject: ref('member', member.id),
      data: {
        memberId: member.id,
        handle: member.handle,
        reason,
        before: { role: member.role },
        after: { role: input.role },
      },
    });
    return shape.map(after!);
  });
}
