import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchEngines } from '../../api/src/modules/search/engines.js';
import { reconcilePostgres, reindexPostgres } from '../../api/src/modules/search/search-maintenance.js';
import { buildMember, buildReply, buildThread, type TestMember } from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// Rebuilding and repairing the PostgreSQL index from the tables. The API runs without workers
// (JOBS_WORKER=off), so no subscriber indexes behind the tests' backs: what search finds here
// is what the reindex and the reconcile job put there.
let api: TestApi;
let author: TestMember;
let threads: { id: string; question: { id: string } }[];
let reply: { id: string };
beforeAll(async () => {
  api = await startTestApi({ JOBS_WORKER: 'off' });
  author = await buildMember(api);
  threads = [];
  for (const word of ['marmotine', 'marmotine', 'ocelotic']) {
    threads.push(
      await buildThread(api, author, {
        title: `The ${word} bridge drops its link`,
        body: `A ${word} body that is long enough.`,
      }),
    );
  }
  reply = await buildReply(api, author, threads[0]!.id, 'A marmotine reply that says enough.');
});
afterAll(async () => {
  await api?.close();
});

const SEARCH = `query($q: String!) { search(query: $q, sort: NEWEST) { edges { node { url } } total { value } } }`;
async function urls(q: string): Promise<string[]> {
  const res = await api.gql(SEARCH, { q });
  expect(res.errors).toBeUndefined();
  return res.data.search.edges.map((e: { node: { url: string } }) => e.node.url);
}
const services = () => api.app.services;
const fork = () => services().orm.em.fork();

describe('reindex', () => {
  it('builds the index from the tables, batch by batch, and again without change', async () => {
    expect(await urls('marmotine')).toEqual([]);
    const progress: string[] = [];
    const total = await reindexPostgres(fork, searchEngines(services()).postgres, {
      batch: 2,
      progress: (p) => progress.push(`${p.kind}:${p.throughId}`),
    });
    const [count] = await api.sql<{ n: number }>('select count(*)::int as n from search_documents');
    expect(total).toBe(count!.n);
    // 3 threads, 1 reply (no question counts as a reply), every member (the factories' admin too).
    const [members] = await api.sql<{ n: number }>('select count(*)::int as n from members');
    expect(await api.sql(`select kind, count(*)::int as n from search_documents group by kind order by kind`)).toEqual([
      { kind: 'MEMBER', n: members!.n },
      { kind: 'POST', n: 1 },
      { kind: 'THREAD', n: 3 },
    ]);
    expect(progress).toContain('THREAD:2');
    expect(progress).toContain('THREAD:3');
    // One hit per thread: the first thread's newest match is its reply.
    expect(await urls('marmotine')).toEqual([`/t/${threads[0]!.id}#post-${reply.id}`, `/t/${threads[1]!.id}`]);
    const before = await api.sql(`select kind, source_id, xmin::text from search_documents order by 1, 2`);
    await reindexPostgres(fork, searchEngines(services()).postgres);
    expect(await api.sql(`select kind, source_id, xmin::text from search_documents order by 1, 2`)).toEqual(before);
  });

  it('runs as npm run search:reindex and reports count, time and size', async () => {
    const [count] = await api.sql<{ n: number }>('select count(*)::int as n from search_documents');
    const { stdout } = await promisify(execFile)('npm', ['run', 'search:reindex'], {
      env: { ...process.env, DATABASE_URL: api.app.database.url, LOG_LEVEL: 'warn' },
      timeout: 60_000,
    });
    expect(stdout).toMatch(/THREAD +ids through 3 of 3/);
    expect(stdout).toContain(`search reindex: ${count!.n} documents in `);
    expect(stdout).toMatch(/documents in [\d.]+ s; search_documents is \d+ kB/);
  }, 90_000);
});

describe('reconcile', () => {
  it('repairs drift: a stale document, a missing one, and one whose row is gone', async () => {
    await reindexPostgres(fork, searchEngines(services()).postgres);
    // Changed behind the index's back (as a restore from backup or a manual fix would).
    await api.sql(`update posts set body = 'A wapitine body, long enough now.' where id = $1`, [
      threads[2]!.question.id,
    ]);
    await api.sql(`delete from search_documents where kind = 'THREAD' and source_id = $1`, [threads[1]!.id]);
    await api.sql(`update posts set deleted_at = now() where id = $1`, [reply.id]);
    expect(await urls('wapitine')).toEqual([]);

    const repaired = await reconcilePostgres(fork(), searchEngines(services()).postgres);
    expect(repaired.map((r) => `${r.kind}:${r.id}`).sort()).toEqual(
      [`POST:${reply.id}`, `THREAD:${threads[1]!.id}`, `THREAD:${threads[2]!.id}`].sort(),
    );
    expect(await urls('wapitine')).toEqual([`/t/${threads[2]!.id}`]);
    expect(await urls('marmotine')).toEqual([`/t/${threads[1]!.id}`, `/t/${threads[0]!.id}`]);
    expect(await api.sql(`select 1 from search_documents where kind = 'POST' and source_id = $1`, [reply.id])).toEqual(
      [],
    );
    expect(await reconcilePostgres(fork(), searchEngines(services()).postgres)).toEqual([]);
  });

  it('checks a bounded batch per run and wraps around', async () => {
    await api.sql('delete from search_reconcile_positions');
    await api.sql(`delete from search_documents where kind = 'THREAD'`);
    const first = await reconcilePostgres(fork(), searchEngines(services()).postgres, 2);
    expect(first.filter((r) => r.kind === 'THREAD').map((r) => r.id)).toEqual(
      [1, 2].map((i) => Number(threads[0]!.id) + i - 1),
    );
    const second = await reconcilePostgres(fork(), searchEngines(services()).postgres, 2);
    expect(second.filter((r) => r.kind === 'THREAD').map((r) => r.id)).toEqual([Number(threads[2]!.id)]);
    expect(await api.sql(`select kind, last_id from search_reconcile_positions where kind = 'THREAD'`)).toEqual([
      { kind: 'THREAD', last_id: 0 },
    ]);
  });

  it('is a scheduled job of the search module', () => {
    const job = services().assembly.jobs.find((j) => j.name === 'search.reconcile');
    expect(job?.cron?.(services())).toBe('*/5 * * * *');
  });
});
