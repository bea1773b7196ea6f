import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeCursor, toConnection, type Connection } from '../../graphql/pagination.js';
import { sql } from '../../platform/db/sql.js';
import { toDomainEvent, type DomainEvent } from '../../platform/events/events.js';
import { ValidationError } from '../../platform/errors.js';

export interface EventLogFilter {
  /** `kind:id`: events about it, or concerning it (a thread's posts, a member's received votes…). */
  subject?: string | null;
  /** Events about or concerning this member, or this thread (the audit log's filters). */
  memberId?: number | null;
  threadId?: number | null;
  /** Moderator actions only (AUDIT_KINDS, and edits and deletions of someone else's post). */
  audit?: boolean;
  /** Events a member did. */
  actorId?: number | null;
  /** Event names, e.g. `post.removed`. */
  kinds?: string[] | null;
  /**
   * Leaves out events whose name starts with one of these (`customer.`: the customer records'
   * events, for a viewer without the customer permission).
   */
  hiddenPrefixes?: string[];
}

const SUBJECT = /^[a-z_]+:[0-9]{1,18}$/;

/**
 * What the audit log lists: moderator and administrator actions, including those of modules
 * still being written (flags, sanctions): a kind is listed as soon as something records it.
 */
export const AUDIT_KINDS = [
  'thread.status_changed',
  'thread.moved',
  'thread.merged',
  'thread.pinned',
  'thread.unpinned',
  'post.removed',
  'post.restored',
  'post.staff_picked',
  'post.staff_pick_withdrawn',
  'post.hidden',
  'post.unhidden',
  'review.resolved',
  'member.silenced',
  'member.suspended',
  'member.sanction_lifted',
  'member.staff_note_added',
  'advocate.granted',
  'advocate.revoked',
  'reputation.adjusted',
  'category.created',
  'category.changed',
  'categories.reordered',
  'member.role_changed',
  'settings.changed',
  'service_token.created',
  'service_token.rotated',
  'service_token.revoked',
  'webhook.endpoint_created',
  'webhook.endpoint_updated',
  'webhook.endpoint_enabled',
  'webhook.endpoint_disabled',
  'webhook.endpoint_deleted',
  'webhook.secret_rotated',
  'webhook.deliveries_replayed',
  'advocate.nominated',
  'customer.access_granted',
  'customer.access_revoked',
] as const;

/**
 * SQL: the event aliased `e` is an audited action: one of AUDIT_KINDS, an edit or deletion of
 * someone else's post (staff, or a member with the edit privilege), or a member linked to or
 * unlinked from a customer by staff (not the automatic links by email). Written exactly as the
 * predicate of domain_events_audit_idx (its latest migration, 20261206500000), so PostgreSQL reads the
 * log's moderator actions from that index without walking the votes and replies in between.
 */
export const AUDIT_PREDICATE = `(e.name in (${AUDIT_KINDS.map((k) => `'${k}'`).join(', ')})
  or (e.name in ('post.edited', 'post.deleted') and e.actor_type = 'member'
      and e.actor_id is distinct from (e.data ->> 'authorId')::bigint)
  or (e.name in ('customer.linked', 'customer.unlinked') and (e.data ->> 'how') = 'staff'))`;
const KIND = /^[a-z_]+\.[a-z_]+$/;

/**
 * The event log, newest first, keyset-paginated on the id. Each filter is served by an index
 * (subject, related (GIN), actor, name, and the audited actions' own), so a thread's life or a moderator's actions read a
 * handful of rows however long the log is.
 */
export async function listEvents(
  em: EntityManager,
  filter: EventLogFilter,
  args: { first: number; after?: string | null },
): Promise<Connection<DomainEvent>> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.subject != null) {
    if (!SUBJECT.test(filter.subject)) {
      throw new ValidationError({ subject: 'A subject looks like kind:id, e.g. thread:12.' });
    }
    where.push('(e.subject = ? or e.related @> array[?]::text[])');
    params.push(filter.subject, filter.subject);
  }
  for (const subject of [
    filter.memberId != null ? `member:${filter.memberId}` : null,
    filter.threadId != null ? `thread:${filter.threadId}` : null,
  ]) {
    if (subject === null) continue;
    where.push('(e.subject = ? or e.related @> array[?]::text[])');
    params.push(subject, subject);
  }
  if (filter.audit) where.push(AUDIT_PREDICATE);
  if (filter.actorId != null) {
    where.push(`e.actor_type = 'member' and e.actor_id = ?`);
    params.push(filter.actorId);
  }
  if (filter.kinds != null && filter.kinds.length > 0) {
    if (filter.kinds.length > 50 || !filter.kinds.every((k) => KIND.test(k))) {
      throw new ValidationError({ kinds: 'Kinds look like noun.verb, e.g. post.removed (at most 50).' });
    }
    where.push('e.name = any(?::text[])');
    params.push(`{${filter.kinds.join(',')}}`);
  }
  for (const prefix of filter.hiddenPrefixes ?? []) {
    where.push(`not starts_with(e.name, ?)`);
    params.push(prefix);
  }
  const cursor = decodeCursor(args.after, ['bigid']);
  if (cursor) {
    where.push('e.id < ?::bigint');
    params.push(cursor[0]);
  }
  params.push(args.first + 1);
  const rows = await sql<Record<string, unknown>>(
    em,
    `select e.id, e.name, e.actor_type, e.actor_id, e.actor_label, e.subject, e.related, e.data, e.occurred_at
       from domain_events e ${where.length ? `where ${where.join(' and ')}` : ''}
      order by e.id desc limit ?`,
    params,
  );
  return toConnection(rows.map(toDomainEvent), args.first, (e) => [e.id]);
}
