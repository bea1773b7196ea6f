/**
 * npm run bench:search-sync -w tests: how long the Meilisearch subscriber's sync of one edited
 * post takes on the large seed's index (read from PostgreSQL, sent, applied and waited for):
 * the part of "an edit is searchable within 2 s" the engine owns. It re-sends current rows, so
 * the index ends as it began. Needs MEILISEARCH_URL and an index built by
 * `npm run search:reindex -- --engine meilisearch`.
 */
import 'reflect-metadata';
import { loadConfig } from '../../api/src/config.js';
import { assembly } from '../../api/src/modules.js';
import { meilisearchIndexOf } from '../../api/src/modules/search/engines.js';
import { openOrm, resolveDatabase } from '../../api/src/platform/db/orm.js';
import { sql } from '../../api/src/platform/db/sql.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const config = loadConfig({ ...process.env, SEED_DEMO: 'never', LOG_LEVEL: 'warn' });
const meilisearch = meilisearchIndexOf(config);
if (!meilisearch) throw new Error('Set MEILISEARCH_URL (and MEILISEARCH_KEY) to the indexed server');
const database = await resolveDatabase(config);
const orm = await openOrm(database.url, 2, assembly.entities);
const posts = await sql<{ id: number }>(
  orm.em.fork(),
  `select id from posts where not is_question and deleted_at is null order by random() limit ?`,
  [RUNS + 5],
);
const times: number[] = [];
for (const [i, post] of posts.entries()) {
  const started = performance.now();
  await meilisearch.sync(orm.em.fork(), [{ kind: 'POST', id: post.id }]);
  if (i >= 5) times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))]!.toFixed(0);
console.log(
  `meilisearch sync of one post, ${times.length} runs: p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${pct(1)} ms`,
);
await orm.close(true);
