import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { caughtUp } from '../support/events.js';
import { buildMember, buildReply, buildThread, type TestMember } from '../support/factories.js';
import { meilisearchEnv, startTestMeilisearch, type MeilisearchServer } from '../support/meilisearch.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// Thread.related (issue 11, item 4): solved threads and published articles like a thread, beside
// it on its page; never the thread itself or its own article, never what the viewer cannot read.
// Lists are stored per thread and article (related_items), computed after commit without a
// viewer and filtered for the viewer when read; the same on both engines.
let server: MeilisearchServer;
let api: TestApi;
let staff: TestMember;
let answerer: TestMember;
let outsider: TestMember;
let lounge: string;
const as = (m: TestMember | null) => (m ? { token: m.token, ip: m.ip } : {});
const body = (words: string) => `This question is about ${words}, and it says enough to be a question.`;
const ACCEPT = `mutation($id: ID!) { acceptAnswer(postId: $id) { id } }`;
const RELATED = `query($id: ID!, $first: Int) { thread(id: $id) { related(first: $first) { kind title url } } }`;

async function solvedThread(title: string, opts: { categoryId?: string; about?: string } = {}) {
  const { about = 'a gizmotron', ...rest } = opts;
  const t = await buildThread(api, staff, { title, body: body(about), ...rest });
  const answer = await buildReply(api, answerer, t.id, `For ${title.toLowerCase()}: reset the gizmotron twice.`);
  expect((await api.gql(ACCEPT, { id: answer.id }, as(staff))).errors).toBeUndefined();
  return { ...t, answer: answer.id };
}

async function related(id: string, viewer: TestMember | null, first?: number) {
  const res = await api.gql<{ thread: { related: { kind: string; title: string; url: string }[] } }>(
    RELATED,
    { id, first },
    as(viewer),
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.thread.related;
}

beforeAll(async () => {
  server = await startTestMeilisearch();
});
afterAll(() => server?.stop());

describe.each(['postgres', 'meilisearch'] as const)('on %s', (engine) => {
  beforeAll(async () => {
    api = await startTestApi(engine === 'meilisearch' ? meilisearchEnv(server) : {});
    [staff, answerer, outsider] = await Promise.all([
      buildMember(api, { role: 'MODERATOR' }),
      buildMember(api, { role: 'MODERATOR' }),
      buildMember(api),
    ]);
    const [row] = await api.sql<{ id: number }>(
      `insert into categories (slug, name, kind) values ('related-lounge', 'Lounge', 'RESTRICTED') returning id`,
    );
    lounge = String(row!.id);
  });
  afterAll(() => api?.close());

  describe('Thread.related', () => {
    let page: Awaited<ReturnType<typeof solvedThread>>;
    let sibling: Awaited<ReturnType<typeof solvedThread>>;
    let secret: Awaited<ReturnType<typeof solvedThread>>;
    let articleId: string;

    beforeAll(async () => {
      page = await solvedThread('Gizmotron flux capacitor overheats');
      sibling = await solvedThread('Gizmotron flux capacitor keeps overheating at night');
      secret = await solvedThread('Gizmotron flux capacitor overheats in the lab', { categoryId: lounge });
      // The accept drafted an article from the page's own thread; staff publish it. It is not
      // "related" to its own thread.
      articleId = await vi.waitFor(
        async () => {
          const res = await api.gql(
            `query($id: ID!) { thread(id: $id) { article { id } } }`,
            { id: page.id },
            as(staff),
          );
          expect(res.data.thread.article).not.toBeNull();
          return res.data.thread.article.id as string;
        },
        { timeout: 30_000, interval: 100 },
      );
      expect(
        (await api.gql(`mutation($id: ID!) { publishArticle(articleId: $id) { id } }`, { id: articleId }, as(staff)))
          .errors,
      ).toBeUndefined();
      // Indexing runs after commit: wait until staff see both other threads.
      await vi.waitFor(
        async () => {
          const urls = (await related(page.id, staff)).map((h) => h.url);
          expect(urls).toEqual(expect.arrayContaining([`/t/${sibling.id}`, `/t/${secret.id}`]));
        },
        { timeout: 30_000, interval: 100 },
      );
    });

    it('lists similar solved threads, never the thread itself or the article made from it', async () => {
      const hits = await related(page.id, outsider);
      const urls = hits.map((h) => h.url);
      expect(urls).toContain(`/t/${sibling.id}`);
      expect(urls).not.toContain(`/t/${page.id}`);
      expect(urls).not.toContain(`/kb/${articleId}`);
      expect(hits.every((h) => h.kind === 'THREAD' || h.kind === 'ARTICLE')).toBe(true);
    });

    it('never shows a restricted thread to a member outside it, nor to a visitor', async () => {
      for (const viewer of [outsider, null]) {
        const hits = await related(page.id, viewer);
        expect(hits.map((h) => h.url)).not.toContain(`/t/${secret.id}`);
        expect(JSON.stringify(hits)).not.toMatch(/in the lab/);
      }
      // Staff may read the lounge, so it is related for them.
      expect((await related(page.id, staff)).map((h) => h.url)).toContain(`/t/${secret.id}`);
    });

    it('beside the article: similar threads, not the article itself nor its source; search hits name their article', async () => {
      const ARTICLE_RELATED = `query($id: ID!) { article(id: $id) { related { kind url } } }`;
      // The article's list is computed again after its publication commits.
      await caughtUp(api, 'search.related', 30_000);
      for (const viewer of [outsider, null]) {
        const res = await api.gql(ARTICLE_RELATED, { id: articleId }, as(viewer));
        expect(res.errors).toBeUndefined();
        const urls = res.data.article.related.map((h: { url: string }) => h.url);
        expect(urls).toContain(`/t/${sibling.id}`);
        expect(urls).not.toContain(`/kb/${articleId}`);
        expect(urls).not.toContain(`/t/${page.id}`);
        expect(urls).not.toContain(`/t/${secret.id}`);
      }
      const found = await vi.waitFor(
        async () => {
          const res = await api.gql(
            `{ search(query: "gizmotron overheats", filter: { kinds: [ARTICLE] }) { edges { node { kind url article { id state } } } } }`,
            {},
            as(outsider),
          );
          expect(res.data.search.edges.length).toBeGreaterThan(0);
          return res.data.search.edges.map((e: { node: unknown }) => e.node);
        },
        { timeout: 30_000, interval: 100 },
      );
      expect(found).toEqual([
        { kind: 'ARTICLE', url: `/kb/${articleId}`, article: { id: articleId, state: 'PUBLISHED' } },
      ]);
    });

    it('is bounded: first is 1–10, and a request asks it of at most 5 threads', async () => {
      expect((await related(page.id, staff, 1)).length).toBe(1);
      const bad = await api.gql(RELATED, { id: page.id, first: 11 }, as(outsider));
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      for (let i = 0; i < 4; i++) await buildThread(api, staff, { title: `Unrelated thread number ${i} for lists` });
      const list = await api.gql(`{ threads(first: 6) { edges { node { id related { url } } } } }`, {}, as(outsider));
      expect(list.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('stored related lists', () => {
    let a: Awaited<ReturnType<typeof solvedThread>>;
    let b: Awaited<ReturnType<typeof solvedThread>>;
    let vault: Awaited<ReturnType<typeof solvedThread>>;
    let fresh: Awaited<ReturnType<typeof buildThread>>;
    const row = async (id: string) =>
      (
        await api.sql<{ ids: number[]; computed_at: Date; outdated: boolean; refresh_requested_at: Date | null }>(
          `select candidate_ids as ids, computed_at, outdated, refresh_requested_at
           from related_items where kind = 'THREAD' and source_id = $1`,
          [Number(id)],
        )
      )[0];
    const urls = async (id: string, viewer: TestMember | null) => (await related(id, viewer, 10)).map((h) => h.url);
    const waitUntil = (check: () => Promise<void>) => vi.waitFor(check, { timeout: 30_000, interval: 100 });

    beforeAll(async () => {
      a = await solvedThread('Wobblecrank gear slips under load', { about: 'a wobblecrank gear' });
      b = await solvedThread('Wobblecrank gear slips when cold', { about: 'a wobblecrank gear' });
      vault = await solvedThread('Wobblecrank gear slips in the vault', {
        categoryId: lounge,
        about: 'a wobblecrank gear',
      });
      // A new thread's list is filled after commit by the subscriber, before anyone reads it.
      fresh = await buildThread(api, outsider, {
        title: 'Wobblecrank gear slips',
        body: body('a wobblecrank gear'),
      });
      await caughtUp(api, 'search.related', 30_000);
    });

    it('the subscriber stores a new thread’s list (without a viewer: restricted candidates too)', async () => {
      const stored = await row(fresh.id);
      expect(stored?.ids).toEqual(expect.arrayContaining([Number(a.id), Number(b.id), Number(vault.id)]));
      expect(stored?.ids).not.toContain(Number(fresh.id));
    });

    it('filters the stored list for the viewer: a restricted candidate is shown to staff only', async () => {
      for (const viewer of [outsider, null]) {
        const seen = await urls(fresh.id, viewer);
        expect(seen).toEqual(expect.arrayContaining([`/t/${a.id}`, `/t/${b.id}`]));
        expect(seen).not.toContain(`/t/${vault.id}`);
      }
      expect(await urls(fresh.id, staff)).toContain(`/t/${vault.id}`);
    });

    it('answers from the stored list: a page view runs no similarity search', async () => {
      // The stored list is the answer: rewritten by hand, the page shows what it holds.
      await api.sql(
        `update related_items set candidate_kinds = '{THREAD}', candidate_ids = $2::int[]
        where kind = 'THREAD' and source_id = $1`,
        [Number(fresh.id), `{${b.id}}`],
      );
      expect(await urls(fresh.id, staff)).toEqual([`/t/${b.id}`]);
      // A candidate's new title shows at once (titles are read live); its list membership stays.
      await api.sql(`update threads set title = 'Wobblecrank gear slips when frozen' where id = $1`, [Number(b.id)]);
      expect((await related(fresh.id, staff)).map((h) => h.title)).toEqual(['Wobblecrank gear slips when frozen']);
    });

    it('a list past its freshness is answered as stored, and refreshed once by a job', async () => {
      await api.sql(
        `update related_items set computed_at = now() - interval '8 days' where kind = 'THREAD' and source_id = $1`,
        [Number(fresh.id)],
      );
      // The view that finds it stale answers the stored list, and queues one job; the views
      // that follow at once (before or after the job ran) queue none.
      expect(await urls(fresh.id, staff)).toEqual([`/t/${b.id}`]);
      await Promise.all(Array.from({ length: 5 }, () => urls(fresh.id, staff)));
      const [jobs] = await api.sql<{ n: number }>(
        `select count(*)::int as n from pgboss.job where name = 'search.related.refresh' and data->>'id' = $1`,
        [fresh.id],
      );
      expect(jobs!.n).toBe(1);
      await waitUntil(async () => {
        const stored = await row(fresh.id);
        expect(stored!.refresh_requested_at).toBeNull();
        expect(new Date(stored!.computed_at).getTime()).toBeGreaterThan(Date.now() - 60_000);
      });
      expect(await urls(fresh.id, staff)).toEqual(
        expect.arrayContaining([`/t/${a.id}`, `/t/${b.id}`, `/t/${vault.id}`]),
      );
    });

    it('a thread missing a list (older than the table) gets it computed on its first view, once', async () => {
      await api.sql(`delete from related_items where kind = 'THREAD' and source_id = $1`, [Number(fresh.id)]);
      const answers = await Promise.all(Array.from({ length: 3 }, () => urls(fresh.id, outsider)));
      for (const seen of answers) expect(seen).toEqual(expect.arrayContaining([`/t/${a.id}`, `/t/${b.id}`]));
      const [n] = await api.sql<{ n: number }>(
        `select count(*)::int as n from related_items where kind = 'THREAD' and source_id = $1`,
        [Number(fresh.id)],
      );
      expect(n!.n).toBe(1);
    });

    it('a candidate hidden or deleted after the list was computed is gone at once, for everyone', async () => {
      expect(await urls(fresh.id, staff)).toEqual(expect.arrayContaining([`/t/${a.id}`, `/t/${b.id}`]));
      const hide = await api.gql(
        `mutation($input: HidePostInput!) { hidePost(input: $input) { id } }`,
        { input: { postId: a.question.id, reason: 'Checking the related list.' } },
        as(staff),
      );
      expect(hide.errors, JSON.stringify(hide.errors)).toBeUndefined();
      const del = await api.gql(`mutation($id: ID!) { deletePost(postId: $id) }`, { id: b.question.id }, as(staff));
      expect(del.errors, JSON.stringify(del.errors)).toBeUndefined();
      for (const viewer of [staff, outsider, null]) {
        const seen = await urls(fresh.id, viewer);
        expect(seen).not.toContain(`/t/${a.id}`);
        expect(seen).not.toContain(`/t/${b.id}`);
      }
    });

    it('a thread that becomes solved outdates the lists near it; replaying the events changes nothing more', async () => {
      const late = await solvedThread('Wobblecrank gear slips at high speed', { about: 'a wobblecrank gear' });
      await caughtUp(api, 'search.related', 30_000);
      expect((await row(fresh.id))!.outdated).toBe(true);
      await waitUntil(async () => expect(await urls(fresh.id, outsider)).toContain(`/t/${late.id}`));
      const [first] = await api.sql<{ id: string }>(
        `select id from domain_events where name = 'thread.created' and data->>'threadId' = $1`,
        [fresh.id],
      );
      const lists = async () =>
        (await api.sql(`select * from related_items order by kind, source_id`)).map((r) => [
          r.kind,
          r.source_id,
          r.candidate_ids,
        ]);
      // Delivered again from the new thread's event on, twice: the lists are recomputed from the
      // rows as they are, so the second replay finds nothing to change, and no item has two rows.
      await api.app.services.events.replay('search.related', first!.id);
      await caughtUp(api, 'search.related', 30_000);
      const before = await lists();
      const seen = await urls(fresh.id, outsider);
      await api.app.services.events.replay('search.related', first!.id);
      await caughtUp(api, 'search.related', 30_000);
      const after = await lists();
      expect(await urls(fresh.id, outsider)).toEqual(seen);
      expect(after).toEqual(before);
    });
  });
});
