import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildMember, buildThread, type TestMember } from '../support/factories.js';
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

const SEARCH = `query($query: String!, $filter: SearchFilterInput) {
  search(query: $query, filter: $filter, first: 20) {
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
  const search = async (query: string) => {
    const res = await api.gql(SEARCH, { query }, { token: member.token, ip: member.ip });
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

  it('runs its subscriber only because MEILISEARCH_URL is set', () => {
    expect(api.app.services.events.names).toEqual(expect.arrayContaining(['search.postgres', 'search.meilisearch']));
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

  it('when Meilisearch is down: searches answer from PostgreSQL (degraded), writes commit, and indexing catches up without parking', async () => {
    const before = await buildThread(api, member, {
      title: 'Narwhalic bridge drops packets',
      body: 'The narwhalic bridge drops every other packet.',
    });
    await waitFor(
      () => search('narwhalic'),
      (r) => expect([r.engine, r.edges.length]).toEqual(['meilisearch', 1]),
    );

    await server.halt();
    try {
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
