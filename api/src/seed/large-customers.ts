import { openOrm } from '../platform/db/orm.js';
import { sql } from '../platform/db/sql.js';
import { transact } from '../platform/db/transact.js';
import { assembly } from '../modules.js';

/** The customer whose 360 view the bench measures: linked members with this many timeline entries between them. */
export const ENTERPRISE_EXTERNAL_ID = 'bench-enterprise';
export const ENTERPRISE_EVENTS = 5_000;
/** Other customers, one member each (about 1 member in 5 outside the enterprise account). */
const SMALL_CUSTOMERS = 10_000;

/**
 * Customer records for the bench on the large seed, idempotent (does nothing when the
 * enterprise customer exists): one enterprise customer linked by verified email to members
 * whose community history holds at least 5,000 timeline entries between them (questions,
 * answers, accepted solutions, badges; picked in one query), and 10,000 small customers of
 * one member each, with emails, products and their `customer.created` / `customer.linked`
 * events.
 *
 * The large seed wrote rows, not the events the commands record, and the 360 view's timeline
 * reads events: the enterprise members' history is written as the commands would have written
 * it (thread.created, post.created, answer.accepted, badge.awarded, and post.voted for every
 * vote on their posts, which names them in `related` as in a live community), in time order.
 * Subscribers' positions move past all of it: it is history, not work.
 */
export async function seedLargeCustomers(
  url: string,
): Promise<{ customerId: number; members: number; events: number }> {
  const orm = await openOrm(url, 2, assembly.entities);
  const em = orm.em.fork();
  try {
    const [existing] = await sql<{ id: number }>(em, `select id from customers where external_id = ?`, [
      ENTERPRISE_EXTERNAL_ID,
    ]);
    if (existing) return { customerId: existing.id, ...(await enterpriseSize(em, existing.id)) };
    const started = Date.now();
    const customerId = await transact(em, async (tx) => {
      // A large seed built before verified emails has none: verified at sign-up, as large.ts now seeds them.
      await sql(
        tx,
        `update members set email_verified_at = created_at where email_verified_at is null and email like '%@bench.example'`,
      );
      // Timeline entries per member not linked yet: their posts (questions and answers), their
      // accepted answers and their badges. The enterprise account: members in a hash order up to
      // the first whose running total reaches 5,000.
      await sql(
        tx,
        `create temporary table enterprise_members on commit drop as
         with activity as (
           select author_id as id, count(*) as events from posts where deleted_at is null group by 1
           union all
           select author_id, count(*) from posts where accepted_at is not null and deleted_at is null group by 1
           union all
           select member_id, count(*) from badge_awards group by 1)
         select id from (
           select m.id, a.events, sum(a.events) over (order by hashint4(m.id * 13 + 5), m.id) as running
             from members m join (select id, sum(events) as events from activity group by id) a on a.id = m.id
            where m.role = 'MEMBER' and m.email_verified_at is not null
              and not exists (select 1 from customer_links l where l.member_id = m.id)) ranked
          where running - events < ?`,
        [ENTERPRISE_EVENTS],
      );
      const [enterprise] = await sql<{ id: number }>(
        tx,
        `insert into customers (external_id, name, company, segment, lifetime_value_cents, currency, social_handles,
                                consent_email, consent_analytics, crm_updated_at)
         values (?, 'Bench Enterprise', 'Bench Enterprise Ltd', 'Enterprise', 250000000, 'EUR', '{"x": "@benchent"}',
                 true, true, now() - interval '1 day')
         returning id`,
        [ENTERPRISE_EXTERNAL_ID],
      );
      await sql(
        tx,
        `insert into customers (external_id, name, company, segment, lifetime_value_cents, currency, consent_email,
                                consent_analytics, crm_updated_at, created_at)
         select 'bench-' || m.id, 'Customer ' || m.id, 'Company ' || (m.id % 997),
                (array['Starter', 'Pro', 'Business'])[1 + m.id % 3], (hashint4(m.id) & 1048575) * 100, 'EUR',
                m.id % 2 = 0, m.id % 3 = 0, now() - (m.id % 400) * interval '1 day', now() - (m.id % 400) * interval '1 day'
           from members m
          where m.role = 'MEMBER' and m.email_verified_at is not null
            and not exists (select 1 from enterprise_members e where e.id = m.id)
            and not exists (select 1 from customer_links l where l.member_id = m.id)
            and not exists (select 1 from customer_emails ce where ce.email = lower(m.email))
          order by hashint4(m.id * 17 + 1), m.id limit ?`,
        [SMALL_CUSTOMERS],
      );
      // Each small customer's email is its member's; the enterprise holds all of its members'.
      await sql(
        tx,
        `insert into customer_emails (customer_id, email)
         select c.id, lower(m.email) from customers c join members m on c.external_id = 'bench-' || m.id
         union all
         select ?, lower(m.email) from enterprise_members e join members m on m.id = e.id`,
        [enterprise!.id],
      );
      await sql(
        tx,
        `insert into customer_products (customer_id, sku, name, version)
         select c.id, p.sku, p.name, (1 + (c.id + k) % 4) || '.' || (c.id % 10)
           from customers c
          cross join lateral (select k from generate_series(0, c.id % 3) k) ks
          cross join lateral (select (array['HUB-1', 'SENSOR-M', 'LOCK-2', 'CAM-4'])[1 + (c.id + k) % 4] as sku,
                                     (array['Hub', 'Motion sensor', 'Smart lock', 'Camera'])[1 + (c.id + k) % 4] as name) p
          where c.external_id like 'bench-%'
         on conflict do nothing`,
      );
      await sql(
        tx,
        `insert into customer_links (member_id, customer_id, how, linked_at)
         select m.id, ce.customer_id, 'email', c.created_at
           from customer_emails ce join customers c on c.id = ce.customer_id and c.external_id like 'bench-%'
           join members m on lower(m.email) = ce.email
         on conflict (member_id) do nothing`,
      );
      // The history, in time order: what the commands record (same names, subjects, related and data).
      await sql(
        tx,
        `insert into domain_events (name, actor_type, actor_id, actor_label, subject, related, data, occurred_at)
         select name, actor_type, actor_id, actor_label, subject, related, data, occurred_at from (
           select 'thread.created' as name, 'member' as actor_type, t.author_id::bigint as actor_id, null as actor_label,
                  'thread:' || t.id as subject,
                  array['post:' || t.question_post_id, 'member:' || t.author_id, 'category:' || t.category_id] as related,
                  jsonb_build_object('threadId', t.id, 'postId', t.question_post_id, 'categoryId', t.category_id,
                                     'authorId', t.author_id, 'title', t.title, 'tags', to_jsonb(t.tags)) as data,
                  t.created_at as occurred_at
             from threads t join enterprise_members e on e.id = t.author_id
           union all
           select 'post.created', 'member', p.author_id, null, 'post:' || p.id,
                  array['thread:' || p.thread_id, 'member:' || p.author_id],
                  jsonb_build_object('postId', p.id, 'threadId', p.thread_id, 'categoryId', t.category_id,
                                     'authorId', p.author_id),
                  p.created_at
             from posts p join enterprise_members e on e.id = p.author_id join threads t on t.id = p.thread_id
            where not p.is_question
           union all
           select 'answer.accepted', 'member', t.author_id, null, 'thread:' || t.id,
                  array['post:' || p.id, 'member:' || p.author_id],
                  jsonb_build_object('threadId', t.id, 'postId', p.id, 'answerAuthorId', p.author_id,
                                     'askerId', t.author_id, 'previousPostId', null),
                  least(p.created_at + interval '3 hours', now())
             from threads t join posts p on p.id = t.accepted_post_id join enterprise_members e on e.id = p.author_id
           union all
           select 'badge.awarded', 'system', null, 'badges', 'member:' || b.member_id,
                  array_remove(array['badge_award:' || b.id, 'post:' || b.post_id, 'thread:' || b.thread_id], null),
                  jsonb_build_object('awardId', b.id::text, 'badge', b.badge, 'memberId', b.member_id,
                                     'postId', b.post_id, 'threadId', b.thread_id),
                  b.created_at
             from badge_awards b join enterprise_members e on e.id = b.member_id
           union all
           select 'post.voted', 'member', v.voter_id, null, 'post:' || p.id,
                  array['thread:' || p.thread_id, 'member:' || p.author_id],
                  jsonb_build_object('postId', p.id, 'threadId', p.thread_id, 'authorId', p.author_id,
                                     'value', v.value, 'previous', 0,
                                     'scoreBefore', sum(v.value) over w - v.value, 'score', sum(v.value) over w),
                  v.created_at
             from post_votes v join posts p on p.id = v.post_id join enterprise_members e on e.id = p.author_id
           window w as (partition by v.post_id order by v.created_at, v.voter_id)
         ) history order by occurred_at`,
      );
      await sql(
        tx,
        `insert into domain_events (name, actor_type, actor_label, subject, related, data, occurred_at)
         select name, 'system', 'crm sync', subject, related, data, occurred_at from (
           select 'customer.created' as name, 'customer:' || c.id as subject, '{}'::text[] as related,
                  jsonb_build_object('customerId', c.id, 'externalId', c.external_id,
                                     'crmUpdatedAt', to_char(c.crm_updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) as data,
                  c.created_at as occurred_at, 0 as ord
             from customers c where c.external_id like 'bench-%'
           union all
           select 'customer.linked', 'customer:' || l.customer_id, array['member:' || l.member_id],
                  jsonb_build_object('customerId', l.customer_id, 'memberId', l.member_id, 'how', 'email', 'byId', null),
                  l.linked_at, 1
             from customer_links l join customers c on c.id = l.customer_id and c.external_id like 'bench-%'
         ) e order by occurred_at, ord`,
      );
      // History, not work: every subscriber is past these events.
      await sql(
        tx,
        `update event_subscriptions set position_tx = pg_current_xact_id(), position_id = (select max(id) from domain_events)`,
      );
      return enterprise!.id;
    });
    for (const table of ['customers', 'customer_emails', 'customer_links', 'domain_events']) {
      await sql(em, `analyze ${table}`);
    }
    const size = await enterpriseSize(em, customerId);
    console.log(
      `${'customers'.padEnd(44)} ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s ` +
        `(enterprise customer ${customerId}: ${size.members} members, ${size.events} timeline events)`,
    );
    return { customerId, ...size };
  } finally {
    await orm.close(true);
  }
}

/** The enterprise customer's linked members and the timeline's events among theirs (the kinds it lists). */
async function enterpriseSize(em: Parameters<typeof sql>[0], customerId: number) {
  const [row] = await sql<{ members: number; events: number }>(
    em,
    `select (select count(*)::int from customer_links where customer_id = ?) as members,
            (select count(*)::int from domain_events e
              where e.related && (select array_agg('member:' || member_id) from customer_links where customer_id = ?)
                and e.name in ('thread.created', 'post.created', 'answer.accepted'))
          + (select count(*)::int from domain_events e
              where e.name = 'badge.awarded'
                and e.subject = any(select 'member:' || member_id from customer_links where customer_id = ?)) as events`,
    [customerId, customerId, customerId],
  );
  return row!;
}
