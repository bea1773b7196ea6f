import 'reflect-metadata';
import { openOrm, migrate, resolveDatabase } from '../platform/db/orm.js';
import { assembly } from '../modules.js';
import { loadConfig } from '../config.js';
import { backfillSentiments } from '../modules/insights/sentiment/sentiment.store.js';

/**
 * Computes the sentiment of every post that has none, or one computed by older rules (a lower
 * SENTIMENT_VERSION), in batches of 1,000 by id (one read and one upsert each). Safe to run
 * any time, and again; the subscriber keeps new and edited posts current on its own.
 */
const config = loadConfig({ ...process.env, SEED_DEMO: 'never' });
const database = await resolveDatabase(config);
const orm = await openOrm(database.url, 2, assembly.entities);
await migrate(orm);
const started = Date.now();
const total = await backfillSentiments(orm.em.fork(), {
  batchSize: Number(process.env.BATCH_SIZE ?? 1000),
  onBatch: (done, lastId) => console.log(`${String(done).padStart(9)} posts (up to id ${lastId})`),
});
const seconds = (Date.now() - started) / 1000;
console.log(`sentiment backfill: ${total} posts in ${seconds.toFixed(1)} s`);
await orm.close(true);
await database.embedded?.stop();
