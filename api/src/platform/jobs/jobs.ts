import type { EntityManager } from '@mikro-orm/postgresql';
import PgBoss from 'pg-boss';
import type { z } from 'zod';
import { logger } from '../logger.js';

/**
 * Job names and their payloads. Modules add theirs by declaration merging in their `*.jobs.ts`
 * (as with the guardian's Actions), so enqueueing is type-checked end to end.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface JobPayloads {}
export type JobName = keyof JobPayloads;

/**
 * A job: its payload schema, its handler and, for scheduled jobs, when it runs.
 * Handlers are idempotent (database uniqueness), because pg-boss delivers at least once.
 */
export interface JobDefinition<N extends JobName, S> {
  name: N;
  payload: z.ZodType<JobPayloads[N]>;
  handle(services: S, payload: JobPayloads[N]): Promise<void>;
  /** Cron expression (UTC) for scheduled jobs; read from configuration at start. */
  cron?: (services: S) => string;
  retryLimit?: number;
  /** Jobs fetched at once (default 20). */
  batchSize?: number;
  /**
   * Workers this process runs for the queue (default 1), each handling its batch in turn: with
   * several, one slow job (a webhook to a slow endpoint) does not hold up the others.
   */
  concurrency?: number;
}

export interface EnqueueOptions {
  /** Not before this time (a Date) or this many seconds from now: pg-boss's `startAfter`. */
  startAfter?: Date | number;
}

export interface JobsOptions {
  /** Run handlers in this process (off: only enqueue, as a web-only replica would). */
  work: boolean;
  pollingIntervalSeconds: number;
}

/** pg-boss binds `$1` parameters; MikroORM's connection binds `?`, so parameters are reordered. */
function transactionExecutor(tx: EntityManager): PgBoss.Db {
  return {
    async executeSql(text, values) {
      const params: unknown[] = [];
      const query = text.replace(/\$(\d+)/g, (_m, n: string) => {
        params.push(values[Number(n) - 1]);
        return '?';
      });
      const rows = await tx.getConnection().execute(query, params, 'all', tx.getTransactionContext());
      return { rows: rows as unknown[] };
    },
  };
}

/**
 * pg-boss options for `options`. A delay in seconds is sent as the instant it ends: pg-boss
 * casts a number through `CASE … THEN CAST(x as timestamptz)`, which PostgreSQL folds and
 * rejects when the parameter arrives inlined (as through a MikroORM transaction).
 */
function sendOptions(options: EnqueueOptions): PgBoss.SendOptions {
  const { startAfter } = options;
  return typeof startAfter === 'number' ? { startAfter: new Date(Date.now() + startAfter * 1000) } : { startAfter };
}

/**
 * The job queue: pg-boss on the application's PostgreSQL. Commands enqueue inside their own
 * transaction (`enqueue(tx, …)`), so a job exists exactly when the change that caused it was
 * committed: a crash after commit leaves it queued for the next worker.
 */
export class Jobs<S> {
  private readonly boss: PgBoss;
  private readonly definitions = new Map<string, JobDefinition<JobName, S>>();

  constructor(
    connectionString: string,
    definitions: JobDefinition<JobName, S>[],
    private readonly options: JobsOptions,
  ) {
    this.boss = new PgBoss({ connectionString, max: 3, schema: 'pgboss', application_name: 'hearth-jobs' });
    this.boss.on('error', (error) => logger.error('job queue error', { error }));
    for (const d of definitions) {
      if (this.definitions.has(d.name)) throw new Error(`Two jobs are named ${d.name}`);
      this.definitions.set(d.name, d);
    }
  }

  /** Installs pg-boss's tables (first run), creates the queues and the schedules. */
  async start(services: S): Promise<void> {
    await this.boss.start();
    for (const d of this.definitions.values()) {
      await this.boss.createQueue(d.name, { name: d.name, retryLimit: d.retryLimit ?? 5, retryBackoff: true });
      if (d.cron) await this.boss.schedule(d.name, d.cron(services), {}, { tz: 'UTC' });
    }
  }

  /**
   * Starts this process's workers (unless configured off): queued jobs, old ones too, run from
   * now. A worker fetches up to `batchSize` jobs at a time and, when it got a full batch, asks
   * for the next at once instead of waiting out the polling interval (pg-boss waits after every
   * fetch, which held a queue to one job per poll). A job that fails is failed alone (pg-boss
   * retries it with backoff); the rest of its batch completes.
   */
  async work(services: S): Promise<void> {
    if (!this.options.work) return;
    for (const d of this.definitions.values()) {
      for (let i = 0; i < (d.concurrency ?? 1); i++) await this.startWorker(d, services);
    }
  }

  private async startWorker(d: JobDefinition<JobName, S>, services: S): Promise<void> {
    const batchSize = d.batchSize ?? 20;
    const workerId: string = await this.boss.work(
      d.name,
      { pollingIntervalSeconds: this.options.pollingIntervalSeconds, batchSize },
      async (jobs) => {
        for (const job of jobs) {
          try {
            await d.handle(services, d.payload.parse(job.data));
          } catch (error) {
            logger.warn('job failed; pg-boss retries it', { job: d.name, id: job.id, error });
            await this.boss.fail(d.name, job.id, { message: String((error as Error)?.message ?? error) });
          }
        }
        if (jobs.length === batchSize) this.boss.notifyWorker(workerId);
      },
    );
  }

  /** Enqueues a job in `tx`: it is committed or rolled back with the change that caused it. */
  async enqueue<N extends JobName>(
    tx: EntityManager,
    name: N,
    payload: JobPayloads[N],
    options: EnqueueOptions = {},
  ): Promise<void> {
    if (!this.definitions.has(name)) throw new Error(`Unknown job ${name}`);
    await this.boss.send(name, payload as object, { ...sendOptions(options), db: transactionExecutor(tx) });
  }

  /** Enqueues outside any transaction (scheduled work, tools). */
  async send<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueOptions = {}): Promise<void> {
    await this.boss.send(name, payload as object, sendOptions(options));
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 5000 });
  }
}
