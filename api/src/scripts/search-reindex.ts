import 'reflect-metadata';
import { loadConfig } from '../config.js';
import { assembly } from '../modules.js';
import { meilisearchIndexOf } from '../modules/search/engines.js';
import { reindexMeilisearch } from '../modules/search/meilisearch/reindex.js';
import { PostgresSearchIndex } from '../modules/search/postgres-index.js';
import { reindexPostgres, type ReindexProgress } from '../modules/search/search-maintenance.js';
import { sql } from '../platform/db/sql.js';
import { migrate, openOrm, resolveDatabase } from '../platform/db/orm.js';

/**
 * Rebuilds the PostgreSQL search index from the tables (after a restore, an import, or a change
 * to what documents hold), in batches of 10,000 ids, beside live traffic: search keeps
 * answering meanwhile. Safe to stop and run again. `-- --engine meilisearch` rebuilds the
 * Meilisearch indexes (MEILISEARCH_URL) instead.
 */
const engine = parseEngine(process.argv.slice(2));
if (!engine) {
  // Strict: an argument lost or mangled on its way through npm must not rebuild the wrong index.
  console.error('Usage: npm run search:reindex [-- --engine postgres|meilisearch]');
  process.exit(2);
}
const config = loadConfig({ ...process.env, SEED_DEMO: 'never' });
const meilisearch = meilisearchIndexOf(config);
if (engine === 'meilisearch' && !meilisearch) {
  console.error('search reindex: --engine meilisearch needs MEILISEARCH_URL (and MEILISEARCH_KEY)');
  process.exit(2);
}
const database = await resolveDatabase(config);
const orm = await openOrm(database.url, 2, assembly.entities);
await migrate(orm);
const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1).padStart(7);
let reported = 0;
const progress = ({ kind, throughId, lastId }: ReindexProgress) => {
  if (throughId < lastId && Date.now() - reported < 5_000) return;
  reported = Date.now();
  console.log(`${seconds()} s  ${kind.padEnd(7)} ids through ${throughId} of ${lastId}`);
};
if (meilisearch && engine === 'meilisearch') {
  const built = await reindexMeilisearch(() => orm.em.fork(), meilisearch, { progress });
  const counts = Object.entries(built.documents).map(([uid, n]) => `${uid} ${n}`);
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  console.log(
    `search reindex (meilisearch): ${counts.join(', ')} documents in ${seconds().trim()} s; ` +
      `database ${mb(built.databaseSize)} (documents ${mb(built.rawDocumentsSize)})`,
  );
} else {
  const documents = await reindexPostgres(() => orm.em.fork(), new PostgresSearchIndex(config.SEARCH_MAX_TOTAL), {
    progress,
  });
  const [size] = await sql<{ bytes: string; pretty: string }>(
    orm.em.fork(),
    `select pg_total_relation_size('search_documents')::text as bytes,
            pg_size_pretty(pg_total_relation_size('search_documents')) as pretty`,
  );
  console.log(`search reindex: ${documents} documents in ${seconds().trim()} s; search_documents is ${size!.pretty}`);
}
await orm.close(true);
await database.embedded?.stop();

function parseEngine(args: string[]): 'postgres' | 'meilisearch' | null {
  const joined = args.join('=');
  if (joined === '') return 'postgres';
  const match = /^--engine=(postgres|meilisearch)$/.exec(joined);
  return match ? (match[1] as 'postgres' | 'meilisearch') : null;
}
