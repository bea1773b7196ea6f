import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../authz/actor.js';
import { sql } from '../db/sql.js';

/**
 * Event names and their data. Modules add theirs by declaration merging in their
 * `*.events.ts` (as with the guardian's Actions), so recording and subscribing are
 * type-checked end to end. Names are `noun.verb_in_past_tense`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EventData {}
export type EventName = keyof EventData;

/** `kind:id`, e.g. `post:12`: what an event is about, and what else it concerns. */
export type SubjectRef = `${string}:${number}`;
export const ref = (kind: string, id: number | string): SubjectRef => `${kind}:${id}` as SubjectRef;

export interface NewEvent<N extends EventName = EventName> {
  name: N;
  /** What the event is about. */
  subject: SubjectRef;
  /** Other subjects it concerns (the thread of a post, the author of a voted post…), for the log's filters. */
  related?: SubjectRef[];
  data: EventData[N];
}

/** A recorded event, as subscribers receive it. */
export interface DomainEvent<N extends EventName = EventName> {
  id: string;
  name: N;
  actor: { type: Actor['type']; id: number | null; label: string | null };
  subject: SubjectRef;
  related: SubjectRef[];
  data: EventData[N];
  occurredAt: Date;
}

const actorColumns = (actor: Actor): [string, number | null, string | null] =>
  actor.type === 'member'
    ? ['member', actor.id, null]
    : actor.type === 'service'
      ? ['service', actor.id, actor.name]
      : ['system', null, actor.name];

/**
 * The `insert` of one event as a data-modifying CTE of a larger statement (a hot write such as
 * a vote), so recording it costs no extra round trip. The event is written once per row of
 * `from` (a CTE of that statement: none, none is recorded), and `dataSql`, an SQL jsonb
 * expression over `from`, is merged into the data (values only known in the statement).
 */
export function eventInsertFrom<N extends EventName>(
  actor: Actor,
  event: Omit<NewEvent<N>, 'data'> & { data: Partial<EventData[N]> },
  from: string,
  dataSql = `'{}'::jsonb`,
): { text: string; params: unknown[] } {
  const [type, id, label] = actorColumns(actor);
  return {
    text: `insert into domain_events (name, actor_type, actor_id, actor_label, subject, related, data)
           select ?, ?, ?, ?, ?, ?::text[], ?::jsonb || ${dataSql} from ${from}`,
    params: [event.name, type, id, label, event.subject, pgArray(event.related ?? []), JSON.stringify(event.data)],
  };
}

/** Records `events` in the command's transaction `tx`: they commit, or vanish, with its writes. */
export async function recordEvents(tx: EntityManager, actor: Actor, events: NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  const [type, id, label] = actorColumns(actor);
  const rows = events.map(() => '(?, ?, ?, ?, ?, ?::text[], ?::jsonb)').join(', ');
  await sql(
    tx,
    `insert into domain_events (name, actor_type, actor_id, actor_label, subject, related, data) values ${rows}`,
    events.flatMap((e) => [e.name, type, id, label, e.subject, pgArray(e.related ?? []), JSON.stringify(e.data)]),
  );
}

/** Records one event in `tx` (see recordEvents). */
export function recordEvent<N extends EventName>(tx: EntityManager, actor: Actor, event: NewEvent<N>): Promise<void> {
  return recordEvents(tx, actor, [event as NewEvent]);
}

/** Subject refs are `kind:id` (checked by the table), so they need no quoting in an array literal. */
const pgArray = (refs: SubjectRef[]): string => `{${refs.join(',')}}`;

/** Maps a domain_events row. */
export function toDomainEvent(row: Record<string, unknown>): DomainEvent {
  return {
    id: String(row.id),
    name: row.name as EventName,
    actor: {
      type: row.actor_type as Actor['type'],
      id: row.actor_id === null ? null : Number(row.actor_id),
      label: (row.actor_label as string | null) ?? null,
    },
    subject: row.subject as SubjectRef,
    related: (row.related as SubjectRef[]) ?? [],
    data: row.data as never,
    occurredAt: row.occurred_at instanceof Date ? row.occurred_at : new Date(row.occurred_at as string),
  };
}
