import 'reflect-metadata';
import { openOrm, migrate, resolveDatabase } from '../platform/db/orm.js';
import { assembly } from '../modules.js';
import { loadConfig } from '../config.js';
import { backfillBadges } from '../modules/badges/badge-granter.js';

/**
 * Re-evaluates every badge rule over all existing data and awards only what is missing (after
 * a new badge is defined, a rule changes, or data is imported). Safe to run any time, and
 * again: awards are unique. Backfilled awards are not announced to members as new.
 */
const config = loadConfig({ ...process.env, SEED_DEMO: 'never' });
const database = await resolveDatabase(config);
const orm = await openOrm(database.url, 2, assembly.entities);
await migrate(orm);
const started = Date.now();
const total = await backfillBadges(orm.em.fork(), (badge, awarded, ms) =>
  console.log(`${badge.name.padEnd(22)} ${String(awarded).padStart(8)} new ${(ms / 1000).toFixed(1).padStart(6)} s`),
);
console.log(`badge backfill: ${total} new awards in ${((Date.now() - started) / 1000).toFixed(1)} s`);
await orm.close(true);
await database.embedded?.stop();
