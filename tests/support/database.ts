import 'reflect-metadata';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { migrate, openOrm } from '../../api/src/platform/db/orm.js';
import { assembly } from '../../api/src/modules.js';
import { ensureDatabase } from '../../api/src/platform/db/embedded-postgres.js';

/** Migrates the template and installs pg-boss's schema in it, so each test database starts ready. */
export async function migrateDatabase(url: string) {
  const orm = await openOrm(url, 2, assembly.entities);
  await migrate(orm);
  await orm.close(true);
  const boss = new PgBoss({ connectionString: url, schema: 'pgboss', max: 1, supervise: false, schedule: false });
  await boss.start();
  await boss.stop({ graceful: false, wait: true });
}

/**
 * A fresh database for one test file, cloned from the migrated template (fast: a file copy).
 * Files never share a database, so no test sees another's rows.
 */
export async function createTestDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await client.end();
  }
  await ensureDatabase(adminUrl, name, 'hearth_template');
  return adminUrl.replace(/\/[^/]*$/, `/${name}`);
}
