import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { Config } from '../../config.js';
import { migrationsList } from '../../../../migrations/index.js';
import { logger, requestScope } from '../logger.js';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedCluster } from './embedded-postgres.js';

export type Orm = MikroORM;

export type EntityList = NonNullable<Options['entities']>;

export function ormOptions(clientUrl: string, poolMax: number, entities: EntityList): Options {
  return {
    clientUrl,
    entities,
    extensions: [Migrator],
    migrations: {
      migrationsList,
      tableName: 'schema_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      path: 'migrations',
    },
    pool: { min: 0, max: poolMax },
    forceUtcTimezone: true,
    allowGlobalContext: false,
    discovery: { requireEntitiesArray: true },
    debug: false,
    // MikroORM's own lines (the migrator's) go through the JSON logger too.
    logger: (message) => logger.info(message, { source: 'mikro-orm' }),
    colors: false,
  };
}

/**
 * Opens the ORM on `clientUrl` with the modules' `entities` and hooks the statement counter onto
 * its knex client.
 */
export async function openOrm(clientUrl: string, poolMax: number, entities: EntityList): Promise<Orm> {
  const orm = await MikroORM.init(ormOptions(clientUrl, poolMax, entities));
  orm.em
    .getConnection()
    .getKnex()
    .on('query', () => {
      // Counted per request so tests and the bench can prove there is no N+1.
      const store = requestScope.getStore();
      if (store) store.sqlStatements += 1;
    });
  return orm;
}

export async function migrate(orm: Orm): Promise<void> {
  await orm.getMigrator().up();
}

export interface Database {
  url: string;
  embedded?: EmbeddedCluster;
}

/** DATABASE_URL when set; otherwise the embedded cluster under DATA_DIR with a `hearth` database. */
export async function resolveDatabase(config: Config): Promise<Database> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL };
  const embedded = await startEmbeddedPostgres({
    dataDir: config.DATA_DIR,
    port: config.EMBEDDED_PG_PORT,
  });
  await ensureDatabase(embedded.url('postgres'), 'hearth');
  return { url: embedded.url('hearth'), embedded };
}
