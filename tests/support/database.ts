import 'reflect-metadata';
import pg from 'pg';
import { migrate, openOrm } from '../../api/src/platform/db/orm.js';
import { ensureDatabase } from '../../api/src/platform/db/embedded-postgres.js';

export async function migrateDatabase(url: string) {
  const orm = await openOrm(url, 2);
  await migrate(orm);
  await orm.close(true);
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
