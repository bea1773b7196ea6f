import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeCursor, toConnection, type Connection } from '../../graphql/pagination.js';
import { sql } from '../../platform/db/sql.js';
import { toDomainEvent, type DomainEvent } from '../../platform/events/events.js';
import { ValidationError } from '../../platform/errors.js';

const NAME = /^[a-z_]+\.[a-z_]+$/;

/**
 * The domain event log, oldest first, from a cursor: what an integration follows. Ordered by
 * (transaction, id) and read only up to the oldest transaction still running, as the event
 * subscribers read it (platform/events/subscribers.ts): an event committed late with a lower
 * id is never skipped by a client who already paged past that id.
 */
export async function eventFeed(
  em: EntityManager,
  args: { first: number; after?: string | null; names?: string[] | null },
): Promise<Connection<DomainEvent & { tx: string }>> {
  const where = ['e.tx < pg_snapshot_xmin(pg_current_snapshot())'];
  const params: unknown[] = [];
  if (args.names != null) {
    if (args.names.length === 0 || args.names.length > 50 || !args.names.every((n) => NAME.test(n))) {
      throw new ValidationError({ names: 'Names look like noun.verb, e.g. thread.created (1 to 50 of them).' });
    }
    where.push('e.name = any(?::text[])');
    params.push(`{${args.names.join(',')}}`);
  }
  const cursor = decodeCursor(args.after, ['bigid', 'bigid']);
  if (cursor) {
    where.push('(e.tx, e.id) > (?::xid8, ?::bigint)');
    params.push(cursor[0], cursor[1]);
  }
  params.push(args.first + 1);
  const rows = await sql<Record<string, unknown>>(
    em,
    `select e.id, e.tx::text as tx, e.name, e.actor_type, e.actor_id, e.actor_label, e.subject, e.related, e.data,
            e.occurred_at
       from domain_events e where ${where.join(' and ')}
      order by e.tx, e.id limit ?`,
    params,
  );
  return toConnection(
    rows.map((r) => ({ ...toDomainEvent(r), tx: String(r.tx) })),
    args.first,
    (e) => [e.tx, e.id],
  );
}
