import { createHash, timingSafeEqual } from 'node:crypto';
import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  Registry,
  type CounterConfiguration,
  type GaugeConfiguration,
  type HistogramConfiguration,
} from 'prom-client';
import { logger } from './logger.js';

/**
 * The process's Prometheus registry, served at GET /metrics: Node's default process metrics
 * plus whatever the platform and modules define with `counter`, `gauge` and `histogram` below.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

type Config<C> = Omit<C, 'registers'>;

/**
 * Defines a metric on the registry, or returns the one already defined under that name (module
 * code may run more than once in a process, e.g. several test APIs): define at module level,
 * then `inc`/`set`/`observe` where things happen. A gauge whose value is read, not pushed, takes
 * a `collect()` that sets it (it runs at each scrape), or see `onScrape` for per-app sources.
 */
export function counter<L extends string>(config: Config<CounterConfiguration<L>>): Counter<L> {
  return define(config.name, Counter, () => new Counter({ ...config, registers: [registry] }));
}
export function gauge<L extends string>(config: Config<GaugeConfiguration<L>>): Gauge<L> {
  return define(config.name, Gauge, () => new Gauge({ ...config, registers: [registry] }));
}
export function histogram<L extends string>(config: Config<HistogramConfiguration<L>>): Histogram<L> {
  return define(config.name, Histogram, () => new Histogram({ ...config, registers: [registry] }));
}

function define<M>(name: string, kind: abstract new (...args: never[]) => M, create: () => M): M {
  const existing = registry.getSingleMetric(name);
  if (existing === undefined) return create();
  if (!(existing instanceof kind)) throw new Error(`Metric ${name} is already defined as another kind`);
  return existing;
}

/** Work run just before a scrape, setting gauges from a live source (a connection pool, a table). */
export type ScrapeHook = () => Promise<void> | void;

const hooks = new WeakMap<object, Map<string, ScrapeHook>>();
const scrapeErrors = counter({
  name: 'hearth_metrics_scrape_errors_total',
  help: 'Scrape hooks that failed (their gauges keep their previous values)',
  labelNames: ['source'],
});

/**
 * Registers a scrape hook for one running app (`owner`: its Services object), under a name, so
 * registering again replaces it. Hooks are per app because a test process can run several APIs
 * against different databases; each /metrics serves its own app's values.
 */
export function onScrape(owner: object, name: string, hook: ScrapeHook): void {
  let forOwner = hooks.get(owner);
  if (!forOwner) hooks.set(owner, (forOwner = new Map()));
  forOwner.set(name, hook);
}

/** Runs the owner's scrape hooks (a failing one is counted and logged, not fatal), then renders. */
export async function renderMetrics(owner: object): Promise<string> {
  const forOwner = [...(hooks.get(owner) ?? new Map<string, ScrapeHook>()).entries()];
  await Promise.all(
    forOwner.map(async ([source, hook]) => {
      try {
        await hook();
      } catch (error) {
        scrapeErrors.inc({ source });
        logger.warn('metrics source failed', { source, error });
      }
    }),
  );
  return registry.metrics();
}

export const metricsContentType = registry.contentType;

/**
 * Bounded label values for GraphQL operation names, which clients choose: a name as parsed from
 * the document (GraphQL name syntax, at most 64 characters) is kept until `max` distinct names
 * are in use, after which new names count as "other"; no name is "anonymous". Labels are never
 * removed, so this bounds the number of series for the life of the process.
 */
export class OperationLabels {
  private readonly seen = new Set<string>();
  constructor(private readonly max: number) {}

  label(name: string | undefined | null): string {
    if (!name) return 'anonymous';
    if (this.seen.has(name)) return name;
    if (name.length > 64 || !/^[_A-Za-z][_0-9A-Za-z]*$/.test(name) || this.seen.size >= this.max) return 'other';
    this.seen.add(name);
    return name;
  }
}

/**
 * Who may read /metrics: with a token configured, a request bearing it; without one, only a
 * client connected over loopback that no proxy forwarded (a reverse proxy on the same host
 * would otherwise make the internet look local).
 */
export function metricsAccess(
  req: { headers: Record<string, string | string[] | undefined>; remoteAddress: string | undefined },
  token: string | undefined,
): 'allowed' | 'unauthorized' | 'forbidden' {
  if (token) {
    const match = /^Bearer (.+)$/i.exec(String(req.headers.authorization ?? '').trim());
    return match && sameSecret(match[1]!, token) ? 'allowed' : 'unauthorized';
  }
  const forwarded = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined;
  return isLoopback(req.remoteAddress) && !forwarded ? 'allowed' : 'forbidden';
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || /^(::ffff:)?127\./.test(address);
}

const poolConnections = gauge({
  name: 'hearth_db_pool_connections',
  help: 'Connections of the API database pool: used, free, and pending (requests waiting for one)',
  labelNames: ['state'],
});
const poolMax = gauge({ name: 'hearth_db_pool_max', help: 'Size limit of the API database pool (DB_POOL_MAX)' });

/** The tarn pool under a knex client (MikroORM's connection): what a scrape reads. */
interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
  max: number;
}

/** Reports the knex pool of `owner`'s database connection at each scrape. */
export function watchDbPool(owner: object, knex: { client: { pool?: TarnPool | null } }): void {
  onScrape(owner, 'db_pool', () => {
    const pool = knex.client.pool;
    if (!pool) return;
    poolConnections.set({ state: 'used' }, pool.numUsed());
    poolConnections.set({ state: 'free' }, pool.numFree());
    poolConnections.set({ state: 'pending' }, pool.numPendingAcquires() + pool.numPendingCreates());
    poolMax.set(pool.max);
  });
}

const queueJobs = gauge({
  name: 'hearth_job_queue_jobs',
  help: 'Jobs per queue and state: created (waiting, including deferred), retry (waiting to be retried), active',
  labelNames: ['queue', 'state'],
});
const queueLag = gauge({
  name: 'hearth_job_queue_lag_seconds',
  help: 'Age of the oldest job that is due and waiting per queue (since it became due), 0 when none waits',
  labelNames: ['queue'],
});

/**
 * Reports pg-boss queue depth and lag at each scrape with one grouped query on pgboss.job (its
 * partial index on waiting jobs serves it); every created queue is reported, empty ones as 0.
 */
export function watchJobQueues(
  owner: object,
  query: (sql: string) => Promise<{ queue: string; created: number; retry: number; active: number; lag: number }[]>,
  schema = 'pgboss',
): void {
  onScrape(owner, 'job_queues', async () => {
    const rows = await query(`
      select q.name as queue,
        count(j.id) filter (where j.state = 'created')::int as created,
        count(j.id) filter (where j.state = 'retry')::int as retry,
        count(j.id) filter (where j.state = 'active')::int as active,
        coalesce(extract(epoch from now() - min(j.start_after) filter (
          where j.state < 'active' and j.start_after <= now())), 0)::float8 as lag
      from ${schema}.queue q
      left join ${schema}.job j on j.name = q.name and j.state < 'completed'
      group by q.name`);
    queueJobs.reset();
    queueLag.reset();
    for (const r of rows) {
      for (const state of ['created', 'retry', 'active'] as const) queueJobs.set({ queue: r.queue, state }, r[state]);
      queueLag.set({ queue: r.queue }, r.lag);
    }
  });
}

const subscriberBacklog = gauge({
  name: 'hearth_event_subscriber_backlog',
  help: 'Domain events of its kinds an event subscriber has still to handle (counted up to 100,000)',
  labelNames: ['subscriber'],
});
const subscriberLag = gauge({
  name: 'hearth_event_subscriber_lag_seconds',
  help: 'Commit-to-handled lag of the recent events this instance delivered, by quantile',
  labelNames: ['subscriber', 'quantile'],
});
const subscriberFailures = gauge({
  name: 'hearth_event_subscriber_parked_events',
  help: 'Events parked after their handler failed three times (see event_failures)',
  labelNames: ['subscriber'],
});

/** Reports each event subscriber's backlog, lag and parked events at each scrape. */
export function watchEventSubscribers(
  owner: object,
  status: () => Promise<
    { subscriber: string; backlog: number; failures: number; lagP50Ms: number | null; lagP99Ms: number | null }[]
  >,
): void {
  onScrape(owner, 'event_subscribers', async () => {
    for (const s of await status()) {
      subscriberBacklog.set({ subscriber: s.subscriber }, s.backlog);
      subscriberFailures.set({ subscriber: s.subscriber }, s.failures);
      if (s.lagP50Ms !== null) subscriberLag.set({ subscriber: s.subscriber, quantile: '0.5' }, s.lagP50Ms / 1000);
      if (s.lagP99Ms !== null) subscriberLag.set({ subscriber: s.subscriber, quantile: '0.99' }, s.lagP99Ms / 1000);
    }
  });
}

const liveOpen = gauge({
  name: 'hearth_live_open',
  help: 'Open graphql-ws connections (kind "connection") and subscriptions by kind on this instance',
  labelNames: ['kind'],
});
const liveReceived = gauge({
  name: 'hearth_live_messages_received',
  help: 'Live messages this instance has received through LISTEN/NOTIFY since it started',
});

/** Live connections and subscriptions held by this instance (each costs memory: see docs/operations.md). */
export function watchLive(owner: object, live: { open: Map<string, number>; received: number }): void {
  onScrape(owner, 'live', () => {
    for (const [kind, count] of live.open) liveOpen.set({ kind }, count);
    liveReceived.set(live.received);
  });
}
