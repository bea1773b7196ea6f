import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import { NotFoundError, ValidationError } from '../../../platform/errors.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import type { Scope } from '../../../platform/scope.js';
import '../customers.events.js';

/**
 * An administrator lets a moderator read customer records (administrators hold it already;
 * members cannot be granted it). Granting twice changes nothing. Returns whether it changed.
 */
export async function grantCustomerAccess(scope: Scope, memberId: number): Promise<boolean> {
  scope.guardian.ensureCan('customer.grantAccess', null);
  const viewer = scope.guardian.requireViewer();
  return transact(scope.em, async (tx) => {
    const [member] = await sql<{ role: string }>(tx, `select role from members where id = ? for share`, [memberId]);
    if (!member) throw new NotFoundError('Member');
    if (member.role !== 'MODERATOR') {
      throw new ValidationError({
        memberId:
          member.role === 'ADMIN'
            ? 'Administrators have customer access already.'
            : 'Only moderators can be granted customer access: make them a moderator first.',
      });
    }
    const [granted] = await sql(
      tx,
      `insert into customer_access_grants (member_id, granted_by) values (?, ?)
       on conflict (member_id) do nothing returning member_id`,
      [memberId, viewer.id],
    );
    if (!granted) return false;
    await recordEvent(tx, scope.guardian.requireActor(), {
      name: 'customer.access_granted',
      subject: ref('member', memberId),
      data: { memberId, byId: viewer.id },
    });
    return true;
  });
}

/** An administrator takes a moderator's customer access back; false when they had none. */
export async function revokeCustomerAccess(scope: Scope, memberId: number): Promise<boolean> {
  scope.guardian.ensureCan('customer.grantAccess', null);
  const viewer = scope.guardian.requireViewer();
  return transact(scope.em, async (tx) => {
    const [revoked] = await sql(tx, `delete from customer_access_grants where member_id = ? returning member_id`, [
      memberId,
    ]);
    if (!revoked) return false;
    await recordEvent(tx, scope.guardian.requireActor(), {
      name: 'customer.access_revoked',
      subject: ref('member', memberId),
      data: { memberId, byId: viewer.id },
    });
    return true;
  });
}
