import 'reflect-metadata';
import type { Config } from './config.js';
import { assembly } from './modules.js';
import { createMarkdownRenderer } from './modules/community/markdown.js';
import { migrate, openOrm, resolveDatabase, type Database } from './platform/db/orm.js';
import { EventSubscribers } from './platform/events/subscribers.js';
import { Jobs } from './platform/jobs/jobs.js';
import { LiveHub } from './platform/realtime/live-hub.js';
import { RateLimits } from './platform/rate-limit.js';
import type { Services } from './platform/scope.js';
import { SettingsStore } from './platform/settings-store.js';
import { SETTINGS_GROUPS, type Settings } from './settings.js';

export interface App {
  services: Services;
  database: Database;
  /** Starts this process's job workers and event subscribers (unless JOBS_WORKER=off). */
  startWorkers(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Connects to (or starts) PostgreSQL, applies pending migrations, builds the services from the
 * modules' definitions and installs the job queue and the event subscribers; workers start
 * now unless told to wait (the demo seed runs first).
 */
export async function bootstrap(
  config: Config,
  database?: Database,
  opts: { startWorkers?: boolean } = {},
): Promise<App> {
  const db = database ?? (await resolveDatabase(config));
  const orm = await openOrm(db.url, config.DB_POOL_MAX, assembly.entities);
  await migrate(orm);
  const work = config.JOBS_WORKER === 'on';
  const settings = new SettingsStore<Settings>(() => orm.em.fork(), SETTINGS_GROUPS, config.startup, {
    url: db.url,
    pollMs: config.SETTINGS_POLL_MS,
  });
  await settings.start();
  const services: Services = {
    config,
    settings,
    orm,
    assembly,
    rateLimits: new RateLimits(orm.em.getConnection().getKnex()),
    jobs: new Jobs(db.url, assembly.jobs, { work, pollingIntervalSeconds: config.JOBS_POLL_SECONDS }),
    events: new EventSubscribers(
      orm,
      assembly.subscribers.filter((s) => s.enabled?.(config) ?? true),
      { work, pollMs: config.EVENTS_POLL_MS },
    ),
    markdown: createMarkdownRenderer(config.PUBLIC_URL),
    live: new LiveHub(db.url),
  };
  await services.live.start();
  await services.jobs.start(services);
  await services.events.install();
  const startWorkers = async () => {
    await services.jobs.work(services);
    services.events.start(services);
  };
  if (opts.startWorkers ?? true) await startWorkers();
  return {
    services,
    database: db,
    startWorkers,
    async close() {
      await services.events.stop();
      await services.jobs.stop();
      await settings.stop();
      await services.live.stop();
      await orm.close(true);
      await db.embedded?.stop();
    },
  };
}
