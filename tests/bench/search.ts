/**
 * npm run bench:search -w tests: search latency on the large seed, engine by engine
 * (PostgreSQL, and Meilisearch when MEILISEARCH_URL is set; BENCH_ENGINES=postgres,meilisearch
 * picks), measured in-process against the engine (no HTTP): p50/p95 over 50 runs per case
 * after 5 warm-up runs, and each case's plan (EXPLAIN ANALYZE) with BENCH_PLANS=1.
 * Index the data first: npm run seed -- --large; npm run search:reindex.
 */
import 'reflect-metadata';
import type { EntityManager } from '@mikro-orm/postgresql';
import { loadConfig } from '../../api/src/config.js';
import { assembly } from '../../api/src/modules.js';
import { meilisearchIndexOf } from '../../api/src/modules/search/engines.js';
import { PostgresSearchIndex } from '../../api/src/modules/search/postgres-index.js';
import type { SearchIndex, SearchRequest } from '../../api/src/modules/search/search-index.js';
import { openOrm, resolveDatabase } from '../../api/src/platform/db/orm.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const config = loadConfig({ ...process.env, SEED_DEMO: 'never', LOG_LEVEL: 'warn' });
const database = await resolveDatabase(config);
const orm = await openOrm(database.url, 2, assembly.entities);
// Meilisearch too when MEILISEARCH_URL is set (index it first: npm run search:reindex -- --engine meilisearch).
const meilisearch = meilisearchIndexOf(config);
const engines: SearchIndex[] = [
  new PostgresSearchIndex(config.SEARCH_MAX_TOTAL),
  ...(meilisearch ? [meilisearch] : []),
].filter((e) => !process.env.BENCH_ENGINES || process.env.BENCH_ENGINES.split(',').includes(e.engine));

const search = (text: string, more: Partial<SearchRequest> = {}): SearchRequest => ({
  text,
  filter: {},
  sort: 'RELEVANCE',
  first: 20,
  after: null,
  viewer: null,
  ...more,
});
const [{ id: categoryId }] = await orm.em
  .fork()
  .getConnection()
  .execute<{ id: number }[]>('select id from categories order by id limit 1');

// Words by how many of the 1.34M documents hold them (the seed's vocabulary is small): a
// thread number (its thread and replies), a number in 1% of posts, a topic in ~18%, a word in all.
const cases: [string, (index: SearchIndex, em: EntityManager) => Promise<unknown>][] = [
  ['rare word (48454), relevance', (i, em) => i.search(em, search('48454'))],
  ['mid word (15, ~1%), relevance', (i, em) => i.search(em, search('15'))],
  ['mid word (15, ~1%), newest', (i, em) => i.search(em, search('15', { sort: 'NEWEST' }))],
  ['topic word (webhook, ~18%), relevance', (i, em) => i.search(em, search('webhook'))],
  ['common word (hub, all), relevance', (i, em) => i.search(em, search('hub'))],
  ['common word (hub, all), newest', (i, em) => i.search(em, search('hub', { sort: 'NEWEST' }))],
  ['two common words (restart hub), relevance', (i, em) => i.search(em, search('restart hub'))],
  ['two common words (restart hub), newest', (i, em) => i.search(em, search('restart hub', { sort: 'NEWEST' }))],
  [
    'topic word + category + solved, relevance',
    (i, em) => i.search(em, search('thermostat', { filter: { categoryId, solved: true } })),
  ],
  [
    'topic word + tag, newest',
    (i, em) => i.search(em, search('pairing', { filter: { tags: ['zigbee'] }, sort: 'NEWEST' })),
  ],
  [
    'similar questions (typos)',
    (i, em) =>
      i.similar(em, {
        title: 'trouble with thermostat schedulles',
        body: 'It resets every night',
        first: 5,
        viewer: null,
      }),
  ],
  [
    'similar questions (rare title)',
    (i, em) => i.similar(em, { title: 'Question 48454 sunset automation', first: 5, viewer: null }),
  ],
];

/** An EntityManager whose statements are explained instead of run (the engine gets no rows back). */
function explaining(em: EntityManager, plans: string[]): EntityManager {
  const connection = em.getConnection();
  return {
    getConnection: () => ({
      execute: async (text: string, params: unknown[]) => {
        if (text.startsWith('explain') || text.includes('pg_class')) return connection.execute(text, params);
        const rows = await connection.execute<{ 'QUERY PLAN': string }[]>(`explain (analyze, buffers) ${text}`, params);
        plans.push(rows.map((r) => r['QUERY PLAN']).join('\n'));
        return [];
      },
    }),
    getTransactionContext: () => undefined,
  } as unknown as EntityManager;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
for (const index of engines) {
  console.log(`\n== ${index.engine}: p50 / p95 / max over ${RUNS} runs (ms) ==`);
  for (const [name, run] of cases.filter(
    ([n]) => !process.env.BENCH_CASES || process.env.BENCH_CASES.split('|').some((c) => n.includes(c)),
  )) {
    const em = orm.em.fork();
    for (let i = 0; i < 5; i++) await run(index, em);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      await run(index, orm.em.fork());
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const f = (n: number) => n.toFixed(1).padStart(7);
    console.log(`${name.padEnd(44)} ${f(percentile(times, 0.5))} ${f(percentile(times, 0.95))} ${f(times.at(-1)!)}`);
    if (process.env.BENCH_PLANS) {
      const plans: string[] = [];
      await run(index, explaining(orm.em.fork(), plans)).catch(() => {});
      console.log(plans.join('\n--\n'));
    }
  }
}
await orm.close(true);
