import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeCursor, toConnection, type Connection } from '../../graphql/pagination.js';
import { sql } from '../../platform/db/sql.js';
import { toDomainEvent, type DomainEvent } from '../../platform/events/events.js';
import { ValidationError } from '../../platform/errors.js';

export interface EventLogFilter {
  /** `kind:id`: events about it, or concerning it (a thread's posts, a member's received votes…). */
  subject?: string | null;
  /** Events a member did. */
  actorId?: number | null;
  /** Event names, e.g. `post.removed`. */
  kinds?: string[] | null;
}

const SUBJECT = /^[a-z_]+:[0-9]{1,18}$/;
const KIND = /^[a-z_]+\.[a-z_]+$/;

/**
 * The event log, newest first, keyset-paginated on the id. Each filter is served by an index
 * (subject, related (GIN), actor, name), so a thread's life or a moderator's actions read a
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
