import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildReply, buildThread, type TestMember } from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
let asker: TestMember;
let helper: TestMember;
let categoryA: string;
let categoryB: string;
const threads: { id: string; category: string; tags: string[] }[] = [];

const LIST = `query($first: Int, $after: String, $filter: ThreadFilterInput, $order: ThreadOrder) {
  threads(first: $first, after: $after, filter: $filter, order: $order) {
    edges { cursor node { id score replyCount lastActivityAt createdAt tags category { id } author { handle } } }
    pageInfo { hasNextPage endCursor } } }`;

/** Every page of a list, following endCursor. */
async function walk(vars: Record<string, unknown>, first = 3) {
  const ids: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 50; page++) {
    const res: any = await api.gql(LIST, { ...vars, first, after });
    expect(res.errors).toBeUndefined();
    ids.push(...res.data.threads.edges.map((e: any) => e.node.id));
    if (!res.data.threads.pageInfo.hasNextPage) return ids;
    after = res.data.threads.pageInfo.endCursor;
  }
  throw new Error('did not finish');
}

beforeAll(async () => {
  api = await startTestApi();
  // They tag their threads with tags nobody used yet: creating tags takes 300 reputation.
  asker = await buildMember(api, { reputation: 300 });
  helper = await buildMember(api, { reputation: 300 });
  const rows = await api.sql(
    `insert into categories (slug, name) values ('list-a', 'List A'), ('list-b', 'List B') returning id`,
  );
  categoryA = String(rows[0].id);
  categoryB = String(rows[1].id);
  for (let i = 0; i < 10; i++) {
    const category = i % 2 === 0 ? categoryA : categoryB;
    const tags = i % 3 === 0 ? ['billing'] : ['sync'];
    const t = await buildThread(api, i < 7 ? asker : helper, { categoryId: category, tags });
    threads.push({ id: t.id, category, tags });
  }
  // Replies on threads 1, 3 and 5 (in that order), votes on 2, 4, 6.
  for (const i of [1, 3, 5]) await buildReply(api, i < 7 ? helper : asker, threads[i]!.id);
  const voters = await Promise.all([buildMember(api), buildMember(api)]);
  for (const [i, n] of [
    [2, 2],
    [4, 1],
    [6, 2],
  ] as const) {
    const [q] = await api.sql('select question_post_id from threads where id = $1', [threads[i]!.id]);
    for (const voter of voters.slice(0, n)) {
      await api.gql(
        `mutation($id: ID!) { vote(input: { postId: $id, value: UP }) { score } }`,
        { id: String(q.question_post_id) },
        { token: voter.token },
      );
    }
  }
});
afterAll(() => api?.close());

describe('threads list', () => {
  it('NEWEST walks every thread exactly once, newest first, across pages', async () => {
    const ids = await walk({ order: 'NEWEST' });
    expect(ids).toEqual([...threads].reverse().map((t) => t.id));
  });

  it('LATEST puts recently replied threads first and pages without gaps or repeats', async () => {
    const ids = await walk({ order: 'LATEST' });
    expect(ids.slice(0, 3)).toEqual([threads[5]!.id, threads[3]!.id, threads[1]!.id]);
    expect(new Set(ids).size).toBe(10);
    expect(ids).toHaveLength(10);
  });

  it('TOP orders by score then newest', async () => {
    const ids = await walk({ order: 'TOP' }, 4);
    expect(ids.slice(0, 3)).toEqual([threads[6]!.id, threads[2]!.id, threads[4]!.id]);
    expect(new Set(ids).size).toBe(10);
  });

  it('UNANSWERED lists threads without replies only', async () => {
    const ids = await walk({ order: 'UNANSWERED' });
    const replied = [1, 3, 5].map((i) => threads[i]!.id);
    expect(ids).toHaveLength(7);
    expect(ids.some((id) => replied.includes(id))).toBe(false);
  });

  it('filters by category, tag and author, and combines them', async () => {
    const inA = await walk({ filter: { categoryId: categoryA } });
    expect(inA.sort()).toEqual(
      threads
        .filter((t) => t.category === categoryA)
        .map((t) => t.id)
        .sort(),
    );
    const billing = await walk({ filter: { tag: 'Billing' } });
    expect(billing.sort()).toEqual(
      threads
        .filter((t) => t.tags.includes('billing'))
        .map((t) => t.id)
        .sort(),
    );
    const byHelper = await walk({ filter: { authorHandle: helper.handle.toUpperCase() } });
    expect(byHelper.sort()).toEqual(
      threads
        .slice(7)
        .map((t) => t.id)
        .sort(),
    );
    const both = await walk({ filter: { categoryId: categoryB, tag: 'sync' }, order: 'TOP' });
    expect(both.sort()).toEqual(
      threads
        .filter((t) => t.category === categoryB && t.tags.includes('sync'))
        .map((t) => t.id)
        .sort(),
    );
    const nobody = await api.gql(LIST, { filter: { authorHandle: 'no_such_member' } });
    expect(nobody.data.threads).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('rejects page sizes outside 1–100 and foreign or forged cursors', async () => {
    for (const first of [0, 101, -1]) {
      const res = await api.gql(LIST, { first });
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { first: expect.any(String) },
      });
    }
    const newest = await api.gql(LIST, { first: 2, order: 'NEWEST' });
    const cursor = newest.data.threads.pageInfo.endCursor;
    const foreign = await api.gql(LIST, { first: 2, order: 'LATEST', after: cursor });
    expect(foreign.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    for (const forged of [
      'garbage',
      Buffer.from('["x"]').toString('base64url'),
      Buffer.from('[1e40]').toString('base64url'),
    ]) {
      const res = await api.gql(LIST, { first: 2, order: 'NEWEST', after: forged });
      expect(res.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('pages replies by score with cursors', async () => {
    const thread = await buildThread(api, asker);
    const authors = await Promise.all(Array.from({ length: 5 }, () => buildMember(api)));
    const replyIds: string[] = [];
    for (const a of authors) replyIds.push((await buildReply(api, a, thread.id)).id);
    await api.gql(
      `mutation($id: ID!) { vote(input: { postId: $id, value: UP }) { score } }`,
      { id: replyIds[3] },
      { token: asker.token },
    );
    const PAGE = `query($id: ID!, $after: String) { thread(id: $id) { replies(first: 2, after: $after) { edges { node { id score } } pageInfo { hasNextPage endCursor } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: any = await api.gql(PAGE, { id: thread.id, after });
      seen.push(...res.data.thread.replies.edges.map((e: any) => e.node.id));
      if (!res.data.thread.replies.pageInfo.hasNextPage) break;
      after = res.data.thread.replies.pageInfo.endCursor;
    }
    expect(seen).toEqual([replyIds[3], replyIds[0], replyIds[1], replyIds[2], replyIds[4]]);
  });

  it('lists categories in order with live thread counts, and finds one by slug', async () => {
    const res = await api.gql(
      `{ categories { id slug threadCount } category(slug: "list-a") { id name threadCount } }`,
    );
    const [live] = await api.sql(
      'select count(*)::int as n from threads where category_id = $1 and deleted_at is null',
      [categoryA],
    );
    expect(live.n).toBeGreaterThanOrEqual(5);
    expect(res.data.category).toEqual({ id: categoryA, name: 'List A', threadCount: live.n });
    const missing = await api.gql(`{ category(slug: "nope") { id } }`);
    expect(missing.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });
});

describe('category management', () => {
  const CREATE = `mutation($input: CreateCategoryInput!) { createCategory(input: $input) { id slug name kind } }`;
  const UPDATE = `mutation($input: UpdateCategoryInput!) { updateCategory(input: $input) { id slug name description position } }`;

  it('admins create and edit categories; others are refused; slugs are unique', async () => {
    const admin = await buildMember(api, { role: 'ADMIN' });
    const moderator = await buildMember(api, { role: 'MODERATOR' });
    const created = await api.gql(
      CREATE,
      { input: { slug: 'mobile-apps', name: 'Mobile apps', kind: 'DISCUSSION' } },
      { token: admin.token },
    );
    expect(created.data.createCategory).toMatchObject({ slug: 'mobile-apps', name: 'Mobile apps', kind: 'DISCUSSION' });
    const dup = await api.gql(CREATE, { input: { slug: 'mobile-apps', name: 'Again' } }, { token: admin.token });
    expect(dup.errors?.[0]?.extensions.code).toBe('CONFLICT');
    const bad = await api.gql(CREATE, { input: { slug: 'Bad Slug!', name: 'x' } }, { token: admin.token });
    expect(Object.keys(bad.errors?.[0]?.extensions.fields ?? {}).sort()).toEqual(['name', 'slug']);
    const denied = await api.gql(CREATE, { input: { slug: 'other', name: 'Other' } }, { token: moderator.token });
    expect(denied.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const id = created.data.createCategory.id;
    const updated = await api.gql(
      UPDATE,
      { input: { id, description: 'iOS and Android', position: 3 } },
      { token: admin.token },
    );
    expect(updated.data.updateCategory).toMatchObject({
      slug: 'mobile-apps',
      description: 'iOS and Android',
      position: 3,
    });
    const rows = await api.sql(`select count(*)::int as n from categories where slug in ('mobile-apps', 'other')`);
    expect(rows[0].n).toBe(1);
  });
});
