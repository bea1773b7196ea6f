import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { searchEngines } from '../../api/src/modules/search/engines.js';
import { reindexMeilisearch } from '../../api/src/modules/search/meilisearch/reindex.js';
import { reconcileMeilisearch } from '../../api/src/modules/search/search-maintenance.js';
import { caughtUp } from '../support/events.js';
import { buildMember, buildReply, buildThread, type TestMember } from '../support/factories.js';
import { meilisearchEnv, startTestMeilisearch, type MeilisearchServer } from '../support/meilisearch.js';
import { startTestApi, type TestApi } from '../support/test-api.js';
import { searchContract } from './search-contract.js';

// The search contract against a real Meilisearch 1.21 (one server for this file, indexes named
// apart per API), then what only this engine has: code searched without typo tolerance, and an
// outage (searches answer from PostgreSQL, writes commit, indexing catches up, nothing parked).
let server: MeilisearchServer;
beforeAll(async () => {
  server = await startTestMeilisearch();
});
afterAll(async () => {
  await server?.stop();
});

searchContract('meilisearch', () => meilisearchEnv(server));

const SEARCH = `query($query: String!, $filter: SearchFilterInput, $sort: SearchSort) {
  search(query: $query, filter: $filter, sort: $sort, first: 20) {
    edges { node { kind url } } total { value exact } degraded engine
  }
}`;

describe('meilisearch engine', () => {
  let api: TestApi;
  let member: TestMember;
  beforeAll(async () => {
    api = await startTestApi(meilisearchEnv(server));
    member = await buildMember(api);
  });
  afterAll(async () => {
    await api?.close();
  });
  const search = async (query: string, vars: { filter?: { kinds: string[] }; sort?: string } = {}) => {
    const res = await api.gql(SEARCH, { query, ...vars }, { token: member.token, ip: member.ip });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data.search as {
      edges: { node: { kind: string; url: string } }[];
      total: { value: number; exact: boolean };
      degraded: boolean;
      engine: string;
    };
  };
  const waitFor = <T>(fn: () => Promise<T>, check: (v: T) => void, timeout = 10_000) =>
    vi.waitFor(
      async () => {
        const v = await fn();
        check(v);
        return v;
      },
      { timeout, interval: 50 },
    );
  const parked = () =>
    api.sql(`select event_id from event_failures where subscriber = 'search.meilisearch'`) as Promise<unknown[]>;

  it('runs its subscriber only where MEILISEARCH_URL is set', async () => {
    expect(api.app.services.events.names).toEqual(expect.arrayContaining(['search.postgres', 'search.meilisearch']));
    const plain = await startTestApi({}, { startWorkers: false });
    try {
      expect(plain.app.services.events.names).toContain('search.postgres');
      expect(plain.app.services.events.names).not.toContain('search.meilisearch');
      // Not installed either: no position that would pass events while Meilisearch is off.
      expect(await plain.sql(`select 1 from event_subscriptions where subscriber = 'search.meilisearch'`)).toEqual([]);
    } finally {
      await plain.close();
    }
  });

  it('finds words of prose with a typo, words of code only as written', async () => {
    const t = await buildThread(api, member, {
      title: 'Daemon refuses to start after upgrade',
      body: 'The marimbatic panel says:\n\n```\nxylophonic_daemon --start\n```\n\nand then nothing happens at all.',
    });
    await waitFor(
      () => search('xylophonic'),
      (r) => expect(r.edges.map((e) => e.node.url)).toEqual([`/t/${t.id}`]),
    );
    expect((await search('marimbatec')).edges.map((e) => e.node.url)).toEqual([`/t/${t.id}`]);
    expect((await search('xylophonec')).edges).toEqual([]);
    expect((await search('xylophonic')).engine).toBe('meilisearch');
  });

  it('a full rebuild from PostgreSQL restores lost documents and drops what is no longer searchable', async () => {
    const t = await buildThread(api, member, {
      title: 'Ocelotic firmware rollback',
      body: 'How do I roll the ocelotic firmware back?',
    });
    const reply = await buildReply(api, member, t.id, 'Ocelotic rollback: hold reset while powering on.');
    await waitFor(
      () => search('ocelotic', { sort: 'NEWEST' }),
      (r) => expect(r.edges.map((e) => e.node.url)).toEqual([`/t/${t.id}#post-${reply.id}`]),
    );
    const meilisearch = searchEngines(api.app.services).meilisearch!;
    // Drift of both kinds: the index lost everything, and a reply left PostgreSQL's searchable set
    // behind the subscriber's back (as a restore or a manual fix would).
    await meilisearch.client.index(meilisearch.names.posts).deleteAllDocuments().waitTask();
    await api.sql(`update posts set deleted_at = now() where id = $1`, [reply.id]);
    const built = await reindexMeilisearch(() => api.app.services.orm.em.fork(), meilisearch, { batch: 7 });
    const [counts] = await api.sql<{ threads: number; replies: number }>(
      `select (select count(*)::int from threads where deleted_at is null) as threads,
              (select count(*)::int from posts p where not is_question and deleted_at is null
                 and exists (select 1 from threads t where t.id = p.thread_id and t.deleted_at is null)) as replies`,
    );
    expect(built.documents[meilisearch.names.posts]).toBe(counts!.threads + counts!.replies);
    expect(built.databaseSize).toBeGreaterThan(0);
    const stored = await meilisearch.client
      .index(meilisearch.names.posts)
      .getDocuments({ filter: 'kind = POST', limit: 1000 });
    expect(stored.results.map((d) => d.refId)).not.toContain(Number(reply.id));
    expect((await search('ocelotic', { sort: 'NEWEST' })).edges.map((e) => e.node.url)).toEqual([`/t/${t.id}`]);
  });

  it('the reconcile job repairs lost documents batch by batch, from where it stopped', async () => {
    const t = await buildThread(api, member, {
      title: 'Quokkaic relay reboot loop',
      body: 'The quokkaic relay reboots.',
    });
    await waitFor(
      () => search('quokkaic'),
      (r) => expect(r.edges).toHaveLength(1),
    );
    const meilisearch = searchEngines(api.app.services).meilisearch!;
    await meilisearch.client.index(meilisearch.names.posts).deleteAllDocuments().waitTask();
    expect((await search('quokkaic')).edges).toHaveLength(0);
    // Batches of 10 ids: the thread comes back once the rolling position reaches it.
    for (let run = 0; run <= Number(t.id) / 10 + 1; run++) {
      await reconcileMeilisearch(api.app.services.orm.em.fork(), meilisearch, 10);
      if ((await search('quokkaic')).edges.length > 0) break;
    }
    expect((await search('quokkaic')).edges.map((e) => e.node.url)).toEqual([`/t/${t.id}`]);
  });

  it('when Meilisearch is down: searches answer from PostgreSQL (degraded), writes commit, and indexing catches up without parking', async () => {
    const before = await buildThread(api, member, {
      title: 'Narwhalic bridge drops packets',
      body: 'The narwhalic bridge drops every other packet.',
    });
    await waitFor(
      () => search('narwhalic'),
      (r) => expect([r.engine, r.edges.length]).toEqual(['meilisearch', 1]),
    );
    // PostgreSQL's index is kept by its own subscriber, which may still be behind Meilisearch's.
    await caughtUp(api, 'search.postgres');
    const PAGE = `query($after: String) { search(query: "narwhalic", first: 1, after: $after) { pageInfo { endCursor } } }`;
    const viewer = { token: member.token, ip: member.ip };
    const meiliCursor = (await api.gql(PAGE, {}, viewer)).data.search.pageInfo.endCursor;

    await server.halt();
    try {
      // A list paged on Meilisearch cannot go on from PostgreSQL: a clear error, not a wrong page.
      const next = await api.gql(PAGE, { after: meiliCursor }, viewer);
      expect(next.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
      expect(next.errors?.[0]?.message).toMatch(/start again from the first page/);
      // The first search after the outage may still find Meilisearch "healthy" (cached): it fails
      // over in the call itself. Either way PostgreSQL answers, and says so.
      const down = await search('narwhalic');
      expect(down).toMatchObject({ degraded: true, engine: 'postgres' });
      expect(down.edges.map((e) => e.node.url)).toEqual([`/t/${before.id}`]);

      const during = await buildThread(api, member, {
        title: 'Narwhalic relay too',
        body: 'The narwhalic relay drops packets as well.',
      });
      const r = await waitFor(
        () => search('narwhalic'),
        (r) => expect(r.edges).toHaveLength(2),
      );
      expect(r).toMatchObject({ degraded: true, engine: 'postgres' });
      // Indexing is retried, not parked: let it fail a few times first.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(await parked()).toEqual([]);
      expect(during.id).toBeTruthy();
    } finally {
      await server.restart();
    }

    const back = await waitFor(
      () => search('narwhalic'),
      (r) => expect([r.engine, r.degraded, r.edges.length]).toEqual(['meilisearch', false, 2]),
      30_000,
    );
    expect(back.total).toEqual({ value: 2, exact: true });
    expect(await parked()).toEqual([]);
  }, 60_000);
});
