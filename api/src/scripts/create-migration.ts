import 'reflect-metadata';
import path from 'node:path';
import { loadConfig, ROOT_DIR } from '../config.js';
import { migrate, openOrm, resolveDatabase } from '../platform/db/orm.js';
import { assembly } from '../modules.js';

/**
 * Writes a new migration into migrations/ from the difference between the entities and the
 * database (or a blank one with --blank). Review its SQL, then add it to migrations/index.ts.
 */
const blank = process.argv.includes('--blank');
const name = process.argv.slice(2).find((a) => !a.startsWith('--'));
const config = loadConfig();
const db = await resolveDatabase(config);
const orm = await openOrm(db.url, 2, assembly.entities);
await migrate(orm);
const result = await orm.getMigrator().createMigration(path.join(ROOT_DIR, 'migrations'), blank, false, name);
console.log(
  result.fileName ? `created migrations/${result.fileName}: review it and add it to migrations/index.ts` : 'no changes',
);
await orm.close(true);
await db.embedded?.stop();
