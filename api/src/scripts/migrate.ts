import 'reflect-metadata';
import { loadConfig } from '../config.js';
import { migrate, openOrm, resolveDatabase } from '../platform/db/orm.js';
import { assembly } from '../modules.js';

/** Applies pending migrations (the API also does this at start-up). */
const config = loadConfig();
const db = await resolveDatabase(config);
const orm = await openOrm(db.url, 2, assembly.entities);
await migrate(orm);
const executed = await orm.getMigrator().getExecutedMigrations();
console.log(`database is at ${executed.at(-1)?.name ?? 'no migration'} (${executed.length} applied)`);
await orm.close(true);
await db.embedded?.stop();
