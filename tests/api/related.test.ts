import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildMember, buildReply, buildThread, type TestMember } from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// Thread.related (issue 11, item 4): solved threads and published articles like a thread, beside
// it on its page; never the thread itself or its own article, never what the viewer cannot read.
let api: TestApi;
let staff: TestMember;
let answerer: TestMember;
let outsider: TestMember;
let lounge: string;
const as = (m: TestMember | null) => (m ? { token: m.token, ip: m.ip } : {});
const body = (words: string) => `This question is about ${words}, and it says enough to be a question.`;
const ACCEPT = `mutation($id: ID!) { acceptAnswer(postId: $id) { id } }`;
const RELATED = `query($id: ID!, $first: Int) { thread(id: $id) { related(first: $first) { kind title url } } }`;

async function solvedThread(title: string, opts: { categoryId?: string } = {}) {
  const t = await buildThread(api, staff, { title, body: body('a gizmotron'), ...opts });
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
  api = await startTestApi();
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
        const res = await api.gql(`query($id: ID!) { thread(id: $id) { article { id } } }`, { id: page.id }, as(staff));
        expect(res.data.thread.article).not.toBeNull();
        return res.data.thread.article.id as string;
      },
      { timeout: 10_000, interval: 100 },
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
      { timeout: 10_000, interval: 100 },
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
      { timeout: 10_000, interval: 100 },
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
