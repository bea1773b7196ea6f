import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import { ConflictError, NotFoundError } from '../../../platform/errors.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import type { Scope } from '../../../platform/scope.js';
import type { LinkHow } from '../customers.events.js';
import { customerAccessOf } from '../customers.queries.js';

/**
 * Staff link a member to a customer by hand (the ambiguous matches, or a member whose CRM
 * address differs). A member has one customer: linking one already linked elsewhere is a
 * CONFLICT (unlink first); linking again to the same customer changes nothing. A staff link
 * lifts an earlier staff unlink of the pair.
 */
export async function linkCustomer(scope: Scope, input: { customerId: number; memberId: number }): Promise<void> {
  scope.guardian.ensureCan('customer.link', await customerAccessOf(scope.em, scope.guardian.viewer));
  const actor = scope.guardian.requireActor();
  const byId = actor.type === 'member' ? actor.id : null;
  await transact(scope.em, async (tx) => {
    const [customer] = await sql(tx, `select id from customers where id = ? for share`, [input.customerId]);
    if (!customer) throw new NotFoundError('Customer');
    const [member] = await sql(tx, `select id from members where id = ? for share`, [input.memberId]);
    if (!member) throw new NotFoundError('Member');
    const [inserted] = await sql<{ member_id: number }>(
      tx,
      `insert into customer_links (member_id, customer_id, how, linked_by) values (?, ?, 'staff', ?)
       on conflict (member_id) do nothing returning member_id`,
      [input.memberId, input.customerId, byId],
    );
    if (!inserted) {
      const [existing] = await sql<{ customer_id: number }>(
        tx,
        `select customer_id from customer_links where member_id = ?`,
        [input.memberId],
      );
      if (existing?.customer_id === input.customerId) return;
      throw new ConflictError('This member is linked to another customer: unlink them from it first.');
    }
    await sql(tx, `delete from customer_link_blocks where member_id = ? and customer_id = ?`, [
      input.memberId,
      input.customerId,
    ]);
    await recordEvent(tx, actor, {
      name: 'customer.linked',
      subject: ref('customer', input.customerId),
      related: [ref('member', input.memberId)],
      data: { customerId: input.customerId, memberId: input.memberId, how: 'staff', byId },
    });
  });
}

/**
 * Staff unlink a member from a customer. The pair is remembered, so the automatic linker never
 * links it again by email (a staff link undoes that). NOT_FOUND when they are not linked.
 */
export async function unlinkCustomer(scope: Scope, input: { customerId: number; memberId: number }): Promise<void> {
  scope.guardian.ensureCan('customer.link', await customerAccessOf(scope.em, scope.guardian.viewer));
  const actor = scope.guardian.requireActor();
  const byId = actor.type === 'member' ? actor.id : null;
  await transact(scope.em, async (tx) => {
    const [removed] = await sql<{ how: LinkHow }>(
      tx,
      `delete from customer_links where member_id = ? and customer_id = ? returning how`,
      [input.memberId, input.customerId],
    );
    if (!removed) throw new NotFoundError('The link between this member and customer');
    await sql(
      tx,
      `insert into customer_link_blocks (member_id, customer_id, blocked_by) values (?, ?, ?)
       on conflict (member_id, customer_id) do nothing`,
      [input.memberId, input.customerId, byId],
    );
    await recordEvent(tx, actor, {
      name: 'customer.unlinked',
      subject: ref('customer', input.customerId),
      related: [ref('member', input.memberId)],
      data: { customerId: input.customerId, memberId: input.memberId, how: 'staff', byId, wasHow: removed.how },
    });
  });
}
