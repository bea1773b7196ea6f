import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../platform/authz/guardian.js';
import { placeholders, sql } from '../../platform/db/sql.js';
import type { CustomerAccess } from './customers.policy.js';

declare module '../../platform/module.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Loaders extends ReturnType<typeof customerLoaders> {}
}

export interface CustomerRow {
  id: number;
  external_id: string;
  name: string;
  company: string | null;
  segment: string | null;
  /** bigint: the driver returns a string. */
  lifetime_value_cents: string | null;
  currency: string | null;
  social_handles: Record<string, string>;
  consent_email: boolean;
  consent_analytics: boolean;
  crm_updated_at: Date;
  created_at: Date;
  updated_at: Date;
}

export interface CustomerProductRow {
  customer_id: number;
  sku: string;
  name: string;
  version: string | null;
}

export interface CustomerLinkRow {
  member_id: number;
  customer_id: number;
  how: 'email' | 'staff';
  linked_by: number | null;
  linked_at: Date;
}

/** Whether an administrator granted `viewer` access to customer records (the customer rules' resource). */
export async function customerAccessOf(em: EntityManager, viewer: Viewer | null): Promise<CustomerAccess> {
  if (!viewer || viewer.role !== 'MODERATOR') return { granted: false };
  const [row] = await sql(em, `select 1 from customer_access_grants where member_id = ?`, [viewer.id]);
  return { granted: Boolean(row) };
}

export async function customerById(em: EntityManager, id: number): Promise<CustomerRow | null> {
  const [row] = await sql<CustomerRow>(em, `select * from customers where id = ?`, [id]);
  return row ?? null;
}

export async function customerByExternalId(em: EntityManager, externalId: string): Promise<CustomerRow | null> {
  const [row] = await sql<CustomerRow>(em, `select * from customers where external_id = ?`, [externalId]);
  return row ?? null;
}

/** The customer `memberId` is linked to, or null (escalations read the asker's customer here). */
export async function customerOfMember(em: EntityManager, memberId: number): Promise<CustomerRow | null> {
  const [row] = await sql<CustomerRow>(
    em,
    `select c.* from customers c join customer_links l on l.customer_id = c.id where l.member_id = ?`,
    [memberId],
  );
  return row ?? null;
}

/**
 * Per-request loaders: the viewer's customer access (read once per request), customers by id,
 * each member's customer, each customer's emails, products and linked members.
 */
export function customerLoaders(em: EntityManager, viewer: Viewer | null) {
  let access: Promise<CustomerAccess> | null = null;
  const groupBy = async <T extends { customer_id: number }>(ids: readonly number[], text: string): Promise<T[][]> => {
    const rows = await sql<T>(em, text.replace('$ids', placeholders(ids)), [...ids]);
    return ids.map((id) => rows.filter((r) => r.customer_id === id));
  };
  return {
    /** The viewer's grant, loaded with the first customer field a request reads. */
    customerAccess: () => (access ??= customerAccessOf(em, viewer)),
    customerById: new DataLoader<number, CustomerRow | null>(async (ids) => {
      const rows = await sql<CustomerRow>(em, `select * from customers where id in (${placeholders(ids)})`, [...ids]);
      return ids.map((id) => rows.find((r) => r.id === id) ?? null);
    }),
    customerLinkByMember: new DataLoader<number, CustomerLinkRow | null>(async (ids) => {
      const rows = await sql<CustomerLinkRow>(
        em,
        `select * from customer_links where member_id in (${placeholders(ids)})`,
        [...ids],
      );
      return ids.map((id) => rows.find((r) => r.member_id === id) ?? null);
    }),
    customerEmails: new DataLoader<number, string[]>(async (ids) =>
      (
        await groupBy<{ customer_id: number; email: string }>(
          ids,
          `select customer_id, email from customer_emails where customer_id in ($ids) order by email`,
        )
      ).map((rows) => rows.map((r) => r.email)),
    ),
    customerProducts: new DataLoader<number, CustomerProductRow[]>((ids) =>
      groupBy<CustomerProductRow>(
        ids,
        `select customer_id, sku, name, version from customer_products where customer_id in ($ids) order by sku`,
      ),
    ),
    customerLinks: new DataLoader<number, CustomerLinkRow[]>((ids) =>
      groupBy<CustomerLinkRow>(
        ids,
        `select * from customer_links where customer_id in ($ids) order by linked_at, member_id`,
      ),
    ),
  };
}

export type TimelineKind =
  | 'QUESTION_ASKED'
  | 'ANSWER_POSTED'
  | 'SOLUTION_ACCEPTED'
  | 'ARTICLE_CONTRIBUTED'
  | 'BADGE_AWARDED'
  | 'POST_FLAGGED'
  | 'SANCTIONED'
  | 'ESCALATED';

export interface TimelineRow {
  /** The domain event's id (bigint, as a string). */
  id: string;
  kind: TimelineKind;
  occurred_at: Date;
  member_id: number;
  thread_id: number | null;
  post_id: number | null;
  article_id: number | null;
  title: string | null;
  thread_status: string | null;
  /** The badge's key (BADGE_AWARDED), or the sanction's kind (SANCTIONED). */
  badge: string | null;
  detail: string | null;
}

/**
 * One kind of timeline entry: its events of the linked members after the cursor, joined to
 * what they are about so only what still exists is listed (a deleted post, thread or archived
 * article, a revoked badge drop out). Each is a keyset range of the events' subject or related
 * index; the union is cut to the page.
 */
const TIMELINE_PARTS: string[] = [
  `select e.id, 'QUESTION_ASKED' as kind, e.occurred_at, t.author_id as member_id, t.id as thread_id,
          t.question_post_id as post_id, null::int as article_id, t.title, t.status as thread_status,
          null as badge, null as detail
     from domain_events e join threads t on t.id = (e.data->>'threadId')::int and t.deleted_at is null
    where e.name = 'thread.created' and e.related && $refs and t.author_id = any($ids) and e.id < $after
    order by e.id desc limit $limit`,
  `select e.id, 'ANSWER_POSTED', e.occurred_at, p.author_id, t.id, p.id, null, t.title, t.status, null,
          case when t.accepted_post_id = p.id then 'The solution' end
     from domain_events e
     join posts p on p.id = (e.data->>'postId')::int and p.deleted_at is null and not p.is_question
     join threads t on t.id = p.thread_id and t.deleted_at is null
    where e.name = 'post.created' and e.related && $refs and p.author_id = any($ids) and e.id < $after
    order by e.id desc limit $limit`,
  `select e.id, 'SOLUTION_ACCEPTED', e.occurred_at, p.author_id, t.id, p.id, null, t.title, t.status, null,
          case when t.accepted_post_id is distinct from p.id then 'No longer the solution' end
     from domain_events e
     join posts p on p.id = (e.data->>'postId')::int and p.deleted_at is null
     join threads t on t.id = p.thread_id and t.deleted_at is null
    where e.name = 'answer.accepted' and e.related && $refs and p.author_id = any($ids) and e.id < $after
    order by e.id desc limit $limit`,
  `select e.id, 'ARTICLE_CONTRIBUTED', e.occurred_at, (e.data->>'answerAuthorId')::int, null, null, a.id,
          a.title, null, null, null
     from domain_events e join articles a on a.id = (e.data->>'articleId')::int and a.state = 'PUBLISHED'
    where e.name = 'article.published' and e.related && $refs and (e.data->>'firstPublication')::boolean
      and (e.data->>'answerAuthorId')::int = any($ids) and e.id < $after
    order by e.id desc limit $limit`,
  `select e.id, 'BADGE_AWARDED', e.occurred_at, b.member_id, b.thread_id, b.post_id, null, t.title, null,
          b.badge, b.reason
     from domain_events e join badge_awards b on b.id = (e.data->>'awardId')::bigint
     left join threads t on t.id = b.thread_id and t.deleted_at is null
    where e.name = 'badge.awarded' and e.subject = any($refs) and e.id < $after
    order by e.id desc limit $limit`,
  `select e.id, 'POST_FLAGGED', e.occurred_at, p.author_id, t.id, p.id, null, t.title, t.status, null,
          e.data->>'reason'
     from domain_events e
     join posts p on p.id = (e.data->>'postId')::int and p.deleted_at is null
     join threads t on t.id = p.thread_id and t.deleted_at is null
    where e.name = 'post.flagged' and e.related && $refs and p.author_id = any($ids) and e.id < $after
    order by e.id desc limit $limit`,
  `select e.id, 'SANCTIONED', e.occurred_at, (e.data->>'memberId')::int, null, null, null, null, null,
          e.data->>'kind', e.data->>'reason'
     from domain_events e
    where e.name in ('member.silenced', 'member.suspended') and e.subject = any($refs) and e.id < $after
    order by e.id desc limit $limit`,
  `select e.id, 'ESCALATED', e.occurred_at, t.author_id, t.id, null, null, t.title, t.status, null,
          x.reason || ' · ' || x.status
     from domain_events e
     join escalations x on x.id = (e.data->>'escalationId')::int
     join threads t on t.id = x.thread_id and t.deleted_at is null
    where e.name = 'escalation.created' and e.related && $refs and t.author_id = any($ids) and e.id < $after
    order by e.id desc limit $limit`,
];

/** A page of a customer's timeline, newest first, keyed by event id (`limit` rows; fetch one more to know if there is more). */
export async function customerTimeline(
  em: EntityManager,
  customerId: number,
  limit: number,
  afterId: string | null,
): Promise<TimelineRow[]> {
  const members = await sql<{ member_id: number }>(em, `select member_id from customer_links where customer_id = ?`, [
    customerId,
  ]);
  if (members.length === 0) return [];
  const ids = `'{${members.map((m) => m.member_id).join(',')}}'::int[]`;
  const refs = `'{${members.map((m) => `member:${m.member_id}`).join(',')}}'::text[]`;
  const after = afterId ? `${BigInt(afterId)}::bigint` : `9223372036854775807::bigint`;
  const parts = TIMELINE_PARTS.map(
    (part) =>
      `(${part.replaceAll('$refs', refs).replaceAll('$ids', ids).replaceAll('$after', after).replaceAll('$limit', String(limit))})`,
  );
  const rows = await sql<TimelineRow>(
    em,
    `select * from (${parts.join(' union all ')}) as entries order by id desc limit ${limit}`,
  );
  return rows.map((r) => ({ ...r, id: String(r.id) }));
}

export interface OpenIssueRow {
  id: number;
  title: string;
  created_at: Date;
  reply_count: number;
  author_id: number;
}

/** The linked members' questions still waiting for a solution (open, none accepted), oldest first. */
export async function customerOpenIssues(
  em: EntityManager,
  customerId: number,
  limit = 50,
): Promise<{ count: number; oldest: Date | null; threads: OpenIssueRow[]; openEscalations: number }> {
  const where = `from threads t join customer_links l on l.member_id = t.author_id
    where l.customer_id = ? and t.deleted_at is null and t.status = 'OPEN' and t.accepted_post_id is null`;
  const [summary] = await sql<{ count: number; oldest: Date | null }>(
    em,
    `select count(*)::int as count, min(t.created_at) as oldest ${where}`,
    [customerId],
  );
  const threads = await sql<OpenIssueRow>(
    em,
    `select t.id, t.title, t.created_at, t.reply_count, t.author_id ${where} order by t.created_at, t.id limit ?`,
    [customerId, limit],
  );
  // Escalations of the linked members' threads still being worked (modules/escalations).
  const [escalations] = await sql<{ count: number }>(
    em,
    `select count(*)::int as count from escalations x join threads t on t.id = x.thread_id and t.deleted_at is null
       join customer_links l on l.member_id = t.author_id
      where l.customer_id = ? and x.status in ('OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER')`,
    [customerId],
  );
  return {
    count: summary?.count ?? 0,
    oldest: summary?.oldest ?? null,
    threads,
    openEscalations: escalations?.count ?? 0,
  };
}

export interface AmbiguousMatchRow {
  member_id: number;
  email: string;
  customer_ids: number[];
}

/**
 * Members whose verified email matches two or more customers and who are linked to none: the
 * linker leaves them to staff. By member id, after `afterMemberId`.
 */
export function ambiguousMatches(
  em: EntityManager,
  limit: number,
  afterMemberId: number | null,
): Promise<AmbiguousMatchRow[]> {
  return sql<AmbiguousMatchRow>(
    em,
    `select m.id as member_id, lower(m.email) as email, array_agg(ce.customer_id order by ce.customer_id) as customer_ids
       from members m join customer_emails ce on ce.email = lower(m.email)
      where m.email_verified_at is not null
        and not exists (select 1 from customer_links l where l.member_id = m.id)
        and (?::int is null or m.id > ?::int)
      group by m.id
     having count(*) >= 2
      order by m.id limit ?`,
    [afterMemberId, afterMemberId, limit],
  );
}
