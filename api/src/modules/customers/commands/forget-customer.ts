import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import type { Scope } from '../../../platform/scope.js';
import '../customers.events.js';
import { customerAccessOf } from '../customers.queries.js';

/** The name a forgotten customer keeps (the row stays: the event log and links point at its id). */
export const FORGOTTEN_NAME = 'Deleted in the CRM';

/**
 * The CRM deleted a customer: its record is anonymised (name replaced, company, segment, value,
 * handles, consent, emails and products cleared) and every member is unlinked from it, in one
 * transaction with a `customer.deleted` event naming the members unlinked. The row and its
 * external id stay, so the event log still resolves and a later, newer CRM update recreates the
 * data (newest wins as for any update). Doing it twice changes nothing the second time.
 * Returns false when no customer has the external id. Same permission as upsertCustomers.
 */
export async function forgetCustomer(scope: Scope, externalId: string): Promise<boolean> {
  scope.guardian.ensureCan('customer.write', await customerAccessOf(scope.em, scope.guardian.viewer));
  const actor = scope.guardian.requireActor();
  return transact(scope.em, async (tx) => {
    const [customer] = await sql<{ id: number; name: string }>(
      tx,
      `select id, name from customers where external_id = ? for no key update`,
      [externalId],
    );
    if (!customer) return false;
    const unlinked = await sql<{ member_id: number }>(
      tx,
      `delete from customer_links where customer_id = ? returning member_id`,
      [customer.id],
    );
    const [emails] = await sql<{ n: number }>(
      tx,
      `with gone as (delete from customer_emails where customer_id = ? returning 1) select count(*)::int as n from gone`,
      [customer.id],
    );
    await sql(tx, `delete from customer_products where customer_id = ?`, [customer.id]);
    const changed = customer.name !== FORGOTTEN_NAME || unlinked.length > 0 || (emails?.n ?? 0) > 0;
    if (!changed) return true;
    await sql(
      tx,
      `update customers set name = ?, company = null, segment = null, lifetime_value_cents = null, currency = null,
              social_handles = '{}', consent_email = false, consent_analytics = false, updated_at = now()
        where id = ?`,
      [FORGOTTEN_NAME, customer.id],
    );
    const memberIds = unlinked.map((u) => u.member_id).sort((a, b) => a - b);
    await recordEvent(tx, actor, {
      name: 'customer.deleted',
      subject: ref('customer', customer.id),
      related: memberIds.map((id) => ref('member', id)),
      data: { customerId: customer.id, externalId, unlinkedMemberIds: memberIds },
    });
    return true;
  });
}
