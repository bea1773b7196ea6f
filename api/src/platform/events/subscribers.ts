import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import type { Orm } from '../db/orm.js';
import { sql } from '../db/sql.js';
import { sqlState } from '../db/transact.js';
import { logger } from '../logger.js';
import { onCommit } from './commit-signal.js';
import { toDomainEvent, type DomainEvent, type EventName } from './events.js';

/**
 * A module's reaction to events (Outline's processors with `applicableEvents`). It receives
 * each event it names at least once, after the event's transaction committed, in batches in
 * the order transactions began writing (their ids; a later id may commit first), one
 * transaction's events in the order recorded, and must be idempotent (database uniqueness). Writes made through `tx` commit
 * together with the subscriber's new position, so for database-only effects a batch counts
 * exactly once.
 */
export interface SubscriberDefinition<S> {
  /** Unique and stable: the position in the log is stored under it. */
  name: string;
  events: readonly EventName[];
  handle(events: DomainEvent[], ctx: { tx: EntityManager; services: S }): Promise<void>;
  /** Events per batch (default 500). */
  batchSize?: number;
  /** Where a new subscriber starts: every event so far (default), or only those from now on. */
  startAt?: 'beginning' | 'now';
  /**
   * Whether this configuration runs it (default: always). A subscriber feeding an optional
   * service (Meilisearch) is off while the service is not configured: not installed, not
   * delivered to, its position kept, so turning the service on again resumes where it stopped
   * instead of having passed events it never handled.
   */
  enabled?: (config: Config) => boolean;
}

export interface SubscriberStatus {
  subscriber: string;
  events: readonly EventName[];
  /** Id of the last event this subscriber has passed (handled or not its kind). */
  positionId: string;
  handled: number;
  /** Events of its kinds after its position (at most 100,000 counted). */
  backlog: number;
  failures: number;
  updatedAt: Date;
  /** Commit-to-handled lag of recent events, in this process (ms). */
  lagP50Ms: number | null;
  lagP99Ms: number | null;
  lagSamples: number;
}

const MAX_ATTEMPTS = 3;
/** Pauses after transient failures double from the first to the last (a service down for long is asked twice a minute). */
const BACKOFF_FIRST_MS = 1000;
const BACKOFF_MAX_MS = 30_000;

/**
 * Thrown by a handler when the failure is not its events' fault and will pass (a search server
 * down, a remote API answering 503): the delivery rolls back and is tried again later with
 * growing pauses, however many times, and nothing is parked. Throw it only for outages: an
 * event that can never succeed must fail plainly, or it would stop its subscriber for good.
 */
export class RetryLaterError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RetryLaterError';
  }
}

/**
 * Failures of the database rather than of the handler (a deadlock, a serialization failure, a
 * timeout, a lost connection), and a handler's RetryLaterError: the delivery is rolled back and
 * tried again after a pause, instead of parking events that would succeed a moment later.
 */
function isTransient(error: unknown): boolean {
  if (error instanceof RetryLaterError) return true;
  const state = sqlState(error) ?? '';
  if (['40001', '40P01', '57014', '55P03', '57P01', '53300'].includes(state) || state.startsWith('08')) return true;
  const code = (error as { code?: string } | null)?.code;
  return code === 'ECONNRESET' || code === 'ECONNREFUSED' || code === 'ETIMEDOUT' || code === 'EPIPE';
}
const LAG_SAMPLES = 10_000;
const MIN_GAP_MS = 50;

/**
 * Delivers domain events to subscribers. Each subscriber runs a loop that takes a batch of
 * the events it names, from after its stored position up to the horizon below which no
 * transaction is still running (see the domain_events migration), hands them over in one
 * transaction and moves its position in that same transaction. A transaction-scoped advisory
 * lock per subscriber lets any number of API instances run the loop: one works, the others
 * skip. Loops poll (every `pollMs`) and wake at once when this process commits a change.
 *
 * A batch that fails is retried event by event; an event that still fails after 3 attempts
 * is parked in event_failures (logged) and passed, so one bad event never stops a subscriber.
 * A failure of the database itself, or a handler's RetryLaterError (its service is down), parks
 * nothing: the delivery rolls back and is retried after pauses that double up to 30 s.
 * `replay` moves a position back; handlers are idempotent, so replaying is safe.
 */
export class EventSubscribers<S> {
  private readonly byName = new Map<string, SubscriberDefinition<S>>();
  private running = false;
  private readonly loops: Promise<void>[] = [];
  private wake: (() => void)[] = [];
  private unsubscribe: (() => void) | null = null;
  private readonly lags = new Map<string, number[]>();

  constructor(
    private readonly orm: Orm,
    subscribers: SubscriberDefinition<S>[],
    private readonly options: { work: boolean; pollMs: number },
  ) {
    for (const s of subscribers) {
      if (this.byName.has(s.name)) throw new Error(`Two event subscribers are named ${s.name}`);
      this.byName.set(s.name, s);
    }
  }

  get names(): string[] {
    return [...this.byName.keys()];
  }

  /** Creates the positions of subscribers seen for the first time. */
  async install(): Promise<void> {
    const em = this.orm.em.fork();
    for (const s of this.byName.values()) {
      await sql(
        em,
        `insert into event_subscriptions (subscriber, position_tx, position_id)
         select ?, case when ? then pg_snapshot_xmin(pg_current_snapshot()) else '0'::xid8 end, 0
         on conflict (subscriber) do nothing`,
        [s.name, s.startAt === 'now'],
      );
    }
  }

  /** Starts this process's delivery loops (unless configured off). */
  start(services: S): void {
    if (!this.options.work || this.running) return;
    this.running = true;
    this.unsubscribe = onCommit(() => this.nudge());
    for (const s of this.byName.values()) this.loops.push(this.loop(s, services));
  }

  /** Wakes idle loops now (a local command committed). */
  nudge(): void {
    const waiting = this.wake;
    this.wake = [];
    for (const w of waiting) w();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.nudge();
    await Promise.all(this.loops.splice(0));
  }

  private async loop(subscriber: SubscriberDefinition<S>, services: S): Promise<void> {
    let failures = 0;
    while (this.running) {
      const started = Date.now();
      let more = false;
      try {
        more = await this.deliverBatch(subscriber, services);
        failures = 0;
      } catch (error) {
        if (!this.running) break;
        failures++;
        const pauseMs = Math.min(BACKOFF_FIRST_MS * 2 ** Math.min(failures - 1, 16), BACKOFF_MAX_MS);
        logger.warn('event delivery failed; retrying', { subscriber: subscriber.name, failures, pauseMs, error });
        // Commits do not cut this pause short: under a write load they would turn it into a retry per commit.
        await this.sleep(pauseMs, { onCommit: false });
        continue;
      }
      if (more) continue;
      await this.sleep(this.options.pollMs);
      // Under a write load every commit wakes the loop: batches at most every MIN_GAP_MS, so a
      // burst of commits is one batch, not a transaction each.
      const gap = MIN_GAP_MS - (Date.now() - started);
      if (gap > 0 && this.running) await new Promise((resolve) => setTimeout(resolve, gap));
    }
  }

  private sleep(ms: number, opts: { onCommit: boolean } = { onCommit: true }): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = this.wake.filter((w) => w !== wake);
        resolve();
      };
      // Stopping always ends a pause; a nudge (a local commit) only when the caller allows it.
      const wake = () => {
        if (opts.onCommit || !this.running) done();
        else this.wake.push(wake);
      };
      const timer = setTimeout(done, ms);
      this.wake.push(wake);
    });
  }

  /**
   * One batch for `subscriber`: returns whether a full batch was delivered (more may wait).
   * Exposed for tests and tools that drain without running loops.
   */
  async deliverBatch(subscriber: SubscriberDefinition<S>, services: S): Promise<boolean> {
    const size = subscriber.batchSize ?? 500;
    return this.orm.em.fork().transactional(async (tx) => {
      const [position] = await sql<{ locked: boolean; tx: string; id: string; horizon: string }>(
        tx,
        `select pg_try_advisory_xact_lock(hashtext('hearth.events'), hashtext(subscriber)) as locked,
                position_tx::text as tx, position_id::text as id,
                pg_snapshot_xmin(pg_current_snapshot())::text as horizon
           from event_subscriptions where subscriber = ?`,
        [subscriber.name],
      );
      if (!position) throw new Error(`Event subscriber ${subscriber.name} is not installed`);
      if (!position.locked) return false; // another instance is delivering to it
      const rows = await sql<Record<string, unknown> & { tx_text: string }>(
        tx,
        // Ordered by the xid8 column, not by its text form (which would put '1000' before '999').
        `select e.id, e.tx::text as tx_text, e.name, e.actor_type, e.actor_id, e.actor_label, e.subject, e.related,
                e.data, e.occurred_at
           from domain_events e
          where (e.tx, e.id) > (?::xid8, ?::bigint) and e.tx < ?::xid8 and e.name = any(?::text[])
          order by e.tx, e.id limit ?`,
        [position.tx, position.id, position.horizon, `{${subscriber.events.join(',')}}`, size],
      );
      const full = rows.length === size;
      if (rows.length > 0) {
        const events = rows.map(toDomainEvent);
        await this.handle(subscriber, events, tx, services);
        this.recordLag(subscriber.name, events);
      }
      // A short batch read everything below the horizon: the position moves up to it.
      const last = rows.at(-1);
      const [nextTx, nextId] = full ? [last!.tx_text, String(last!.id)] : [position.horizon, '0'];
      if (rows.length > 0 || nextTx !== position.tx) {
        await sql(
          tx,
          `update event_subscriptions
              set position_tx = ?::xid8, position_id = ?::bigint, handled = handled + ?, updated_at = now()
            where subscriber = ? and (position_tx, position_id) < (?::xid8, ?::bigint)`,
          [nextTx, nextId, rows.length, subscriber.name, nextTx, nextId],
        );
      }
      return full;
    });
  }

  private async handle(
    subscriber: SubscriberDefinition<S>,
    events: DomainEvent[],
    tx: EntityManager,
    services: S,
  ): Promise<void> {
    try {
      await tx.transactional((inner) => subscriber.handle(events, { tx: inner, services }));
      return;
    } catch (error) {
      if (isTransient(error)) throw error; // the whole delivery rolls back and is tried again later
      logger.warn('event batch failed; delivering its events one by one', { subscriber: subscriber.name, error });
    }
    for (const event of events) {
      for (let attempt = 1; ; attempt++) {
        try {
          await tx.transactional((inner) => subscriber.handle([event], { tx: inner, services }));
          break;
        } catch (error) {
          if (isTransient(error)) throw error;
          if (attempt < MAX_ATTEMPTS) continue;
          logger.error('event handler failed; event parked', {
            subscriber: subscriber.name,
            eventId: event.id,
            event: event.name,
            error,
          });
          await sql(
            tx,
            `insert into event_failures (subscriber, event_id, attempts, error) values (?, ?::bigint, ?, ?)
             on conflict (subscriber, event_id) do update
               set attempts = event_failures.attempts + excluded.attempts, error = excluded.error, failed_at = now()`,
            [subscriber.name, event.id, attempt, String((error as Error)?.stack ?? error).slice(0, 4000)],
          );
          break;
        }
      }
    }
  }

  private recordLag(name: string, events: DomainEvent[]): void {
    const now = Date.now();
    let samples = this.lags.get(name);
    if (!samples) this.lags.set(name, (samples = []));
    for (const e of events) samples.push(now - e.occurredAt.getTime());
    if (samples.length > LAG_SAMPLES) samples.splice(0, samples.length - LAG_SAMPLES);
  }

  /** Forgets this process's lag samples (a benchmark measures one load at a time). */
  resetLag(): void {
    this.lags.clear();
  }

  /**
   * Moves `subscriber` back so that every event from `fromEventId` on is delivered again
   * (some earlier ones too, when their transaction committed later: delivery is at least once).
   * Never forward: a subscriber still behind that point keeps its backlog. Waits for a batch in
   * progress (the subscriber's lock), so the batch cannot move the position past the replay.
   */
  async replay(subscriber: string, fromEventId: string): Promise<void> {
    if (!this.byName.has(subscriber)) throw new Error(`Unknown event subscriber ${subscriber}`);
    await this.orm.em.fork().transactional(async (tx) => {
      await sql(tx, `select pg_advisory_xact_lock(hashtext('hearth.events'), hashtext(?))`, [subscriber]);
      await sql(
        tx,
        `update event_subscriptions s
            set position_tx = r.tx, position_id = 0, updated_at = now()
           from (select coalesce((select min(tx) from domain_events where id >= ?::bigint),
                                 pg_snapshot_xmin(pg_current_snapshot())) as tx) r
          where s.subscriber = ? and (r.tx, 0::bigint) < (s.position_tx, s.position_id)`,
        [fromEventId, subscriber],
      );
    });
    this.nudge();
  }

  /** Where each subscriber stands. */
  async status(em: EntityManager): Promise<SubscriberStatus[]> {
    const rows = await sql<Record<string, unknown>>(
      em,
      `select s.subscriber, s.handled::int as handled, s.updated_at,
              (select e.id::text from domain_events e where (e.tx, e.id) <= (s.position_tx, s.position_id)
                order by e.tx desc, e.id desc limit 1) as position_id,
              (select count(*)::int from event_failures f where f.subscriber = s.subscriber) as failures
         from event_subscriptions s where s.subscriber = any(?::text[]) order by s.subscriber`,
      [`{${this.names.join(',')}}`],
    );
    const out: SubscriberStatus[] = [];
    for (const r of rows) {
      const def = this.byName.get(r.subscriber as string)!;
      const [backlog] = await sql<{ n: number }>(
        em,
        `select count(*)::int as n from (
           select 1 from domain_events e, event_subscriptions s
            where s.subscriber = ? and (e.tx, e.id) > (s.position_tx, s.position_id) and e.name = any(?::text[])
            limit 100000) b`,
        [def.name, `{${def.events.join(',')}}`],
      );
      const samples = [...(this.lags.get(def.name) ?? [])].sort((a, b) => a - b);
      const pct = (p: number) =>
        samples.length ? samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]! : null;
      out.push({
        subscriber: def.name,
        events: def.events,
        positionId: (r.position_id as string | null) ?? '0',
        handled: r.handled as number,
        backlog: backlog!.n,
        failures: r.failures as number,
        updatedAt: new Date(r.updated_at as string),
        lagP50Ms: pct(0.5),
        lagP99Ms: pct(0.99),
        lagSamples: samples.length,
      });
    }
    return out;
  }
}
