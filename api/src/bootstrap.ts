import 'reflect-metadata';
import type { Config } from './config.js';
import { createMarkdownRenderer } from './modules/community/markdown.js';
import { migrate, openOrm, resolveDatabase, type Database } from './platform/db/orm.js';
import { RateLimits } from './platform/rate-limit.js';
import type { Services } from './platform/scope.js';

export interface App {
  services: Services;
  database: Database;
  close(): Promise<void>;
}

/** Connects to (or starts) PostgreSQL, applies pending migrations and builds the services. */
export async function bootstrap(config: Config, database?: Database): Promise<App> {
  const db = database ?? (await resolveDatabase(config));
  const orm = await openOrm(db.url, config.DB_POOL_MAX);
  await migrate(orm);
  const services: Services = {
    config,
    orm,
    rateLimits: new RateLimits(orm.em.getConnection().getKnex()),
    markdown: createMarkdownRenderer(config.PUBLIC_URL),
  };
  return {
    services,
    database: db,
    async close() {
      await orm.close(true);
      await db.embedded?.stop();
    },
  };
}
