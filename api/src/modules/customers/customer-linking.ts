import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../platform/authz/actor.js';
import { sql } from '../../platform/db/sql.js';
import { recordEvents, ref } from '../../platform/events/events.js';
import './customers.events.js';

/**
 * Links members to customers by verified email, in `tx`: a member whose verified address
 * (members.email with email_verified_at; read here, the accounts module has no query for it)
 * is an email of exactly one customer, who is linked to no customer yet and whom staff did not
 * unlink from it. An address two customers share links nobody (staff see it in
 * ambiguousCustomerMatches). Limited to `customerIds` (after an upsert) or `memberIds` (after a
 * verification). Set-based: concurrent callers link each member once (the link's key is the
 * member), and only the caller whose insert made the link records `customer.linked`.
 */
export async function linkByVerifiedEmail(
  tx: EntityManager,
  actor: Actor,
  only: { customerIds: number[] } | { memberIds: number[] },
): Promise<{ memberId: number; customerId: number }[]> {
  const [column, ids] = 'customerIds' in only ? ['ce.customer_id', only.customerIds] : ['m.id', only.memberIds];
  if (ids.length === 0) return [];
  const linked = await sql<{ member_id: number; customer_id: number }>(
    tx,
    `with candidates as (
       select m.id as member_id, ce.customer_id
         from members m join customer_emails ce on ce.email = lower(m.email)
        where ${column} = any(?::int[])
          and m.email_verified_at is not null
          and (select count(*) from customer_emails other where other.email = ce.email) = 1
          and not exists (select 1 from customer_links l where l.member_id = m.id)
          and not exists (select 1 from customer_link_blocks b
                           where b.member_id = m.id and b.customer_id = ce.customer_id))
     insert into customer_links (member_id, customer_id, how)
     select member_id, customer_id, 'email' from candidates order by member_id
     on conflict (member_id) do nothing
     returning member_id, customer_id`,
    [`{${ids.join(',')}}`],
  );
  await recordEvents(
    tx,
    actor,
    linked.map((l) => ({
      name: 'customer.linked' as const,
      subject: ref('customer', l.customer_id),
      related: [ref('member', l.member_id)],
      data: { customerId: l.customer_id, memberId: l.member_id, how: 'email' as const, byId: null },
    })),
  );
  return linked.map((l) => ({ memberId: l.member_id, customerId: l.customer_id }));
}
