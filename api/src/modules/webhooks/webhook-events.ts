import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { sql } from '../../platform/db/sql.js';
import { ref, type DomainEvent, type EventName, type SubjectRef } from '../../platform/events/events.js';
import '../badges/badges.events.js';
import '../community/community.events.js';
import '../escalations/escalations.events.js';
import '../knowledge/knowledge.events.js';

/**
 * The catalogue of webhook event kinds: what endpoints may subscribe to, and how each kind is
 * made from the domain events that exist. The one place to add kinds (escalations, customers):
 * a type, a label, the domain event it comes from and a builder of public-safe data (ids,
 * titles, URLs and handles; never an email or anything private). A builder reads what it needs
 * in one statement per batch and leaves out events whose subject is gone (a deleted thread).
 */
export interface WebhookMessage {
  eventId: string;
  type: string;
  /** Deliveries for one subject reach an endpoint in order. */
  subject: SubjectRef;
  data: Record<string, unknown>;
}

interface Builder {
  type: string;
  label: string;
  description: string;
  source: EventName;
  build(tx: EntityManager, events: DomainEvent[], origin: string): Promise<WebhookMessage[]>;
}

const ids = (events: DomainEvent[], key: string): string =>
  `{${events.map((e) => Number((e.data as Record<string, unknown>)[key])).join(',')}}`;

const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map((r) => [Number(r.id), r]));

interface ThreadRow {
  id: number;
  title: string;
  category_id: number;
  slug: string;
  tags: string[];
  author_id: number;
  handle: string;
}

const threadRows = (tx: EntityManager, events: DomainEvent[]) =>
  sql<ThreadRow>(
    tx,
    `select t.id, t.title, t.category_id, c.slug, t.tags, t.author_id, m.handle
       from threads t join categories c on c.id = t.category_id join members m on m.id = t.author_id
      where t.id = any(?::int[]) and t.deleted_at is null`,
    [ids(events, 'threadId')],
  ).then(byId);

const threadUrl = (origin: string, id: number) => `${origin}/t/${id}`;

interface EscalationWebhookRow {
  id: number;
  thread_id: number;
  title: string;
  reason: string;
  priority: number;
  status: string;
  case_id: string | null;
  sla_due_at: Date;
  external_id: string | null;
}

/**
 * `escalation.created` and `escalation.updated`: the escalation as it is when delivered is
 * queued (its id, thread, reason, priority, status, case id and SLA) and the customer's CRM id
 * when linked; never an email, the asker's note or the resolution text.
 */
function escalationKind(
  type: 'escalation.created' | 'escalation.updated',
  label: string,
  description: string,
): Builder {
  return {
    type,
    label,
    description,
    source: type,
    async build(tx, events, origin) {
      const rows = await sql<EscalationWebhookRow>(
        tx,
        `select e.id, e.thread_id, t.title, e.reason, e.priority, e.status, e.case_id, e.sla_due_at, c.external_id
           from escalations e join threads t on t.id = e.thread_id and t.deleted_at is null
           left join customers c on c.id = e.customer_id
          where e.id = any(?::int[])`,
        [ids(events, 'escalationId')],
      );
      const escalations = byId(rows);
      return events.flatMap((e) => {
        const d = e.data as DomainEvent<'escalation.created'>['data'] | DomainEvent<'escalation.updated'>['data'];
        const x = escalations.get(d.escalationId);
        if (!x) return [];
        const changes =
          'before' in d ? { previousStatus: d.before.status, status: d.after.status } : { status: x.status };
        return [
          {
            eventId: e.id,
            type,
            subject: ref('escalation', x.id),
            data: {
              escalationId: String(x.id),
              thread: { id: String(x.thread_id), title: x.title, url: threadUrl(origin, x.thread_id) },
              reason: x.reason,
              priority: x.priority,
              ...changes,
              caseId: x.case_id,
              customer: x.external_id === null ? null : { externalId: x.external_id },
              slaDueAt: new Date(x.sla_due_at).toISOString(),
            },
          },
        ];
      });
    },
  };
}

export const WEBHOOK_EVENT_KINDS: readonly Builder[] = [
  {
    type: 'thread.created',
    label: 'Thread created',
    description: 'A member started a thread (a question or a discussion).',
    source: 'thread.created',
    async build(tx, events, origin) {
      const threads = await threadRows(tx, events);
      return events.flatMap((e) => {
        const d = e.data as DomainEvent<'thread.created'>['data'];
        const t = threads.get(d.threadId);
        if (!t) return [];
        return [
          {
            eventId: e.id,
            type: 'thread.created',
            subject: ref('thread', t.id),
            data: {
              threadId: String(t.id),
              title: t.title,
              url: threadUrl(origin, t.id),
              category: { id: String(t.category_id), slug: t.slug },
              tags: t.tags,
              author: { id: String(t.author_id), handle: t.handle },
            },
          },
        ];
      });
    },
  },
  {
    type: 'thread.answered',
    label: 'Thread answered',
    description: 'A thread got its first answer.',
    source: 'post.created',
    async build(tx, events, origin) {
      // Only a thread's first reply (by id, deleted ones counted: a thread is answered once).
      const rows = await sql<{ id: number; thread_id: number; author_id: number; handle: string }>(
        tx,
        `select p.id, p.thread_id, p.author_id, m.handle from posts p join members m on m.id = p.author_id
          where p.id = any(?::int[]) and not p.is_question and p.deleted_at is null
            and not exists (select 1 from posts q where q.thread_id = p.thread_id and not q.is_question and q.id < p.id)`,
        [ids(events, 'postId')],
      );
      const posts = byId(rows);
      const threads = await threadRows(tx, events);
      return events.flatMap((e) => {
        const d = e.data as DomainEvent<'post.created'>['data'];
        const p = posts.get(d.postId);
        const t = threads.get(d.threadId);
        if (!p || !t) return [];
        return [
          {
            eventId: e.id,
            type: 'thread.answered',
            subject: ref('thread', t.id),
            data: {
              threadId: String(t.id),
              title: t.title,
              url: threadUrl(origin, t.id),
              answer: { id: String(p.id), url: `${threadUrl(origin, t.id)}#post-${p.id}` },
              answerer: { id: String(p.author_id), handle: p.handle },
              asker: { id: String(t.author_id), handle: t.handle },
            },
          },
        ];
      });
    },
  },
  {
    type: 'answer.accepted',
    label: 'Answer accepted',
    description: 'An answer was accepted as the solution of a question.',
    source: 'answer.accepted',
    async build(tx, events, origin) {
      const threads = await threadRows(tx, events);
      const rows = await sql<{ id: number; handle: string }>(
        tx,
        `select id, handle from members where id = any(?::int[])`,
        [ids(events, 'answerAuthorId')],
      );
      const members = byId(rows);
      return events.flatMap((e) => {
        const d = e.data as DomainEvent<'answer.accepted'>['data'];
        const t = threads.get(d.threadId);
        if (!t) return [];
        return [
          {
            eventId: e.id,
            type: 'answer.accepted',
            subject: ref('thread', t.id),
            data: {
              threadId: String(t.id),
              title: t.title,
              url: threadUrl(origin, t.id),
              answer: { id: String(d.postId), url: `${threadUrl(origin, t.id)}#post-${d.postId}` },
              answerer: { id: String(d.answerAuthorId), handle: members.get(d.answerAuthorId)?.handle ?? null },
              asker: { id: String(t.author_id), handle: t.handle },
              replacedAnswerId: d.previousPostId === null ? null : String(d.previousPostId),
            },
          },
        ];
      });
    },
  },
  {
    type: 'article.published',
    label: 'Article published',
    description: 'A knowledge base article was published (or a new version of it).',
    source: 'article.published',
    async build(tx, events, origin) {
      const rows = await sql<{ id: number; title: string; tags: string[] }>(
        tx,
        `select id, title, tags from articles where id = any(?::int[]) and state = 'PUBLISHED'`,
        [ids(events, 'articleId')],
      );
      const articles = byId(rows);
      return events.flatMap((e) => {
        const d = e.data as DomainEvent<'article.published'>['data'];
        const a = articles.get(d.articleId);
        if (!a) return [];
        return [
          {
            eventId: e.id,
            type: 'article.published',
            subject: ref('article', a.id),
            data: {
              articleId: String(a.id),
              title: a.title,
              url: `${origin}/kb/${a.id}`,
              tags: a.tags,
              version: d.version,
              firstPublication: d.firstPublication,
            },
          },
        ];
      });
    },
  },
  {
    type: 'badge.awarded',
    label: 'Badge awarded',
    description: 'A member earned a badge.',
    source: 'badge.awarded',
    async build(tx, events, origin) {
      const rows = await sql<{ id: number; handle: string }>(
        tx,
        `select id, handle from members where id = any(?::int[])`,
        [ids(events, 'memberId')],
      );
      const members = byId(rows);
      return events.flatMap((e) => {
        const d = e.data as DomainEvent<'badge.awarded'>['data'];
        const m = members.get(d.memberId);
        if (!m) return [];
        return [
          {
            eventId: e.id,
            type: 'badge.awarded',
            subject: ref('member', m.id),
            data: {
              awardId: String(d.awardId),
              badge: d.badge,
              member: { id: String(m.id), handle: m.handle, url: `${origin}/u/${m.handle}` },
              threadId: d.threadId === null ? null : String(d.threadId),
              postId: d.postId === null ? null : String(d.postId),
            },
          },
        ];
      });
    },
  },
  escalationKind(
    'escalation.created',
    'Escalation created',
    'A thread was escalated to staff (a case to open): unanswered past its target, needs staff, or an urgent negative post.',
  ),
  escalationKind(
    'escalation.updated',
    'Escalation updated',
    'An escalation changed: its status, its case (id, status) or its posted resolution.',
  ),
];

export const WEBHOOK_EVENT_TYPES: readonly string[] = WEBHOOK_EVENT_KINDS.map((k) => k.type);
export const WEBHOOK_SOURCE_EVENTS: readonly EventName[] = [...new Set(WEBHOOK_EVENT_KINDS.map((k) => k.source))];

/** The webhook messages `events` make, in the events' order (one event may make several kinds). */
export async function webhookMessages(
  tx: EntityManager,
  events: DomainEvent[],
  config: Config,
): Promise<WebhookMessage[]> {
  const origin = config.PUBLIC_URL.replace(/\/$/, '');
  const out: WebhookMessage[] = [];
  for (const kind of WEBHOOK_EVENT_KINDS) {
    const mine = events.filter((e) => e.name === kind.source);
    if (mine.length > 0) out.push(...(await kind.build(tx, mine, origin)));
  }
  const order = new Map(events.map((e, i) => [e.id, i]));
  return out.sort((a, b) => order.get(a.eventId)! - order.get(b.eventId)!);
}

/** The body of a delivery: `{ type, timestamp, data }` (Standard Webhooks' payload shape). */
export const webhookBody = (message: WebhookMessage, occurredAt: Date): string =>
  JSON.stringify({ type: message.type, timestamp: occurredAt.toISOString(), data: message.data });
