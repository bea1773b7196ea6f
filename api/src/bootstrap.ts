import 'reflect-metadata';
import type { Config } from './config.js';
import { createMarkdownRenderer } from './modules/community/markdown.js';
import { migrate, openOrm, resolveDatabase, type Database } from './platform/db/orm.js';
import { Jobs } from './platform/jobs/jobs.js';
import { RateLimits } from './platform/rate-limit.js';
import { jobDefinitions } from './modules/jobs.js';
import type { Services } from './platform/scope.js';

export interface App {
  services: Services;
  database: Database;
  close(): Promise<void>;
}

/**
 * Connects to (or starts) PostgreSQL, applies pending migrations, builds the services and
 * starts the job queue and, unless told to wait (or JOBS_WORKER=off), its workers.
 */
export async function bootstrap(
  config: Config,
  database?: Database,
  opts: { startWorkers?: boolean } = {},
): Promise<App> {
  const db = database ?? (await resolveDatabase(config));
  const orm = await openOrm(db.url, config.DB_POOL_MAX);
  await migrate(orm);
  const services: Services = {
    config,
    orm,
    rateLimits: new RateLimits(orm.em.getConnection().getKnex()),
    jobs: new Jobs(db.url, jobDefinitions, {
      work: config.JOBS_WORKER === 'on',
      pollingIntervalSeconds: config.JOBS_POLL_SECONDS,
    }),
    markdown: createMarkdownRenderer(config.PUBLIC_URL),
  };
  await services.jobs.start(services);
  if (opts.startWorkers ?? true) await services.jobs.work(services);
  return {
    services,
    database: db,
    async close() {
      await services.jobs.stop();
      await orm.close(true);
      await db.embedded?.stop();
    },
  };
}
