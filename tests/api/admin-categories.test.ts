import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildReply, buildThread, type TestMember } from '../support/factories.js';
import { startTestApi, type GraphQLResponse, type TestApi } from '../support/test-api.js';

// The admin area's categories (issue 12, item 4): create, edit, order and slow down categories.
// Administrators only; every refusal and every invalid input writes nothing; each change is an
// audited event with before and after; slow mode is enforced on threads and replies alike.
let api: TestApi;
let admin: TestMember;
let moderator: TestMember;
let member: TestMember;
beforeAll(async () => {
  api = await startTestApi();
  [admin, moderator, member] = await Promise.all([
    buildMember(api, { role: 'ADMIN' }),
    buildMember(api, { role: 'MODERATOR' }),
    buildMember(api),
  ]);
});
afterAll(() => api?.close());

const as = (m: TestMember | null) => (m ? { token: m.token, ip: m.ip } : {});
const FIELDS = 'id slug name description kind position slowModeSeconds';
const CREATE = `mutation($input: CreateCategoryInput!) { createCategory(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateCategoryInput!) { updateCategory(input: $input) { ${FIELDS} } }`;
const REORDER = `mutation($ids: [ID!]!) { reorderCategories(ids: $ids) { id position } }`;
const AUDIT = `query($kinds: [String!]) { auditLog(filter: { kinds: $kinds }, first: 20) { edges { node { name actor { id } before after } } } }`;

let serial = 0;
const slug = () => `admin-cat-${Date.now().toString(36)}-${++serial}`;
const code = (res: GraphQLResponse) => res.errors?.[0]?.extensions.code;

async function create(input: Record<string, unknown> = {}) {
  const res = await api.gql(CREATE, { input: { slug: slug(), name: `Category ${serial}`, ...input } }, as(admin));
  expect(res.errors).toBeUndefined();
  return res.data.createCategory as { id: string; slug: string; name: string; slowModeSeconds: number };
}

const order = async () =>
  (await api.sql<{ id: number }>('select id from categories order by position, name, id')).map((r) => String(r.id));
const eventCount = async (name: string) =>
  (await api.sql('select count(*)::int as n from domain_events where name = $1', [name]))[0].n as number;
const row = async (id: string) =>
  (await api.sql('select slug, name, kind, position, slow_mode_seconds from categories where id = $1', [id]))[0];

describe('who may manage categories', () => {
  const viewers: [string, () => Promise<TestMember | null>, string][] = [
    ['visitor', async () => null, 'UNAUTHENTICATED'],
    ['member', async () => member, 'FORBIDDEN'],
    [
      'advocate',
      async () => {
        const a = await buildMember(api);
        await api.sql('update members set is_advocate = true where id = $1', [a.id]);
        return a;
      },
      'FORBIDDEN',
    ],
    ['moderator', async () => moderator, 'FORBIDDEN'],
    ['admin', async () => admin, 'ok'],
  ];
  for (const [who, by, outcome] of viewers) {
    it(`${who}: create, update and reorder → ${outcome}`, async () => {
      const viewer = await by();
      const target = await create();
      const before = {
        categories: await order(),
        row: await row(target.id),
        changed: await eventCount('category.changed'),
      };
      const reordered = await eventCount('categories.reordered');

      const created = await api.gql(CREATE, { input: { slug: slug(), name: 'Refused maybe' } }, as(viewer));
      const updated = await api.gql(UPDATE, { input: { id: target.id, slowModeSeconds: 30 } }, as(viewer));
      const reversed = (await order()).reverse();
      const moved = await api.gql(REORDER, { ids: reversed }, as(viewer));
      if (outcome === 'ok') {
        for (const res of [created, updated, moved]) expect(res.errors).toBeUndefined();
        expect(updated.data.updateCategory.slowModeSeconds).toBe(30);
        expect(await order()).toEqual(reversed);
        return;
      }
      for (const res of [created, updated, moved]) expect(code(res)).toBe(outcome);
      if (outcome === 'FORBIDDEN')
        expect(created.errors![0]!.message).toBe('Only administrators can manage categories.');
      expect(await order()).toEqual(before.categories);
      expect(await row(target.id)).toEqual(before.row);
      expect(await eventCount('category.changed')).toBe(before.changed);
      expect(await eventCount('categories.reordered')).toBe(reordered);
    });
  }
});

describe('adminCategories', () => {
  it('lists every category in order, restricted ones included, for administrators only', async () => {
    const restricted = await create({ kind: 'RESTRICTED' });
    const res = await api.gql('{ adminCategories { id slowModeSeconds } }', {}, as(admin));
    expect(res.data.adminCategories.map((c: { id: string }) => c.id)).toEqual(await order());
    expect(res.data.adminCategories.map((c: { id: string }) => c.id)).toContain(restricted.id);
    expect(code(await api.gql('{ adminCategories { id } }', {}, as(moderator)))).toBe('FORBIDDEN');
    expect(code(await api.gql('{ adminCategories { id } }', {}, as(member)))).toBe('FORBIDDEN');
    expect(code(await api.gql('{ adminCategories { id } }', {}, as(null)))).toBe('UNAUTHENTICATED');
  });
});

describe('reorderCategories', () => {
  it('writes every position in the given order, returns them, and records one audited event with before and after', async () => {
    await create();
    const before = await order();
    const after = [before[before.length - 1]!, ...before.slice(0, -1)];
    const res = await api.gql(REORDER, { ids: after }, as(admin));
    expect(res.errors).toBeUndefined();
    expect(res.data.reorderCategories).toEqual(after.map((id, position) => ({ id, position })));
    expect(await order()).toEqual(after);
    const list = await api.gql('{ categories { id } }', {}, as(admin));
    expect(list.data.categories.map((c: { id: string }) => c.id)).toEqual(after);

    const audit = await api.gql(AUDIT, { kinds: ['categories.reordered'] }, as(moderator));
    expect(audit.data.auditLog.edges[0].node).toEqual({
      name: 'categories.reordered',
      actor: { id: admin.id },
      before: { order: before.map(Number) },
      after: { order: after.map(Number) },
    });
    // The audit log's own (unfiltered) page lists it too: the audit index knows the kind.
    const all = await api.gql('{ auditLog(first: 5) { edges { node { name } } } }', {}, as(moderator));
    expect(all.data.auditLog.edges.map((e: { node: { name: string } }) => e.node.name)).toContain(
      'categories.reordered',
    );
  });

  it('refuses a list that misses, repeats or invents a category, or is empty, naming the problem; nothing changes', async () => {
    const current = await order();
    const events = await eventCount('categories.reordered');
    const cases: [string[], RegExp][] = [
      [current.slice(1), new RegExp(`missing: ${current[0]}\\.`)],
      [[...current, current[0]!], new RegExp(`more than once: ${current[0]}\\.`)],
      [[...current, '999999'], /No such category: 999999\./],
      [[], /List every category/],
      [['abc'], /ids is not a valid id/],
    ];
    for (const [ids, message] of cases) {
      const res = await api.gql(REORDER, { ids }, as(admin));
      expect(code(res), JSON.stringify(ids)).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.message).toMatch(message);
      expect(res.errors![0]!.extensions.fields).toHaveProperty('ids');
    }
    expect(await order()).toEqual(current);
    expect(await eventCount('categories.reordered')).toBe(events);
  });

  it('two admins reordering at once: both apply in turn, and the positions stay a clean sequence', async () => {
    const other = await buildMember(api, { role: 'ADMIN' });
    const current = await order();
    const a = [...current].reverse();
    const b = [...current.slice(1), current[0]!];
    const results = await Promise.all([
      api.gql(REORDER, { ids: a }, as(admin)),
      api.gql(REORDER, { ids: b }, as(other)),
    ]);
    for (const res of results) expect(res.errors).toBeUndefined();
    const final = await order();
    expect([a, b]).toContainEqual(final);
    const positions = await api.sql<{ position: number }>('select position from categories order by position');
    expect(positions.map((p) => p.position)).toEqual(current.map((_, i) => i));
  });
});

describe('slow mode', () => {
  it('is set on create and update within 0–86400, audited with before and after; anything else changes nothing', async () => {
    const category = await create({ slowModeSeconds: 120 });
    expect(category.slowModeSeconds).toBe(120);
    for (const bad of [-1, 86_401]) {
      const refused = await api.gql(UPDATE, { input: { id: category.id, slowModeSeconds: bad } }, as(admin));
      expect(code(refused)).toBe('BAD_USER_INPUT');
      expect(refused.errors![0]!.extensions.fields.slowModeSeconds).toMatch(/0 \(off\) to 86400 seconds/);
      const createRefused = await api.gql(
        CREATE,
        { input: { slug: slug(), name: 'Too slow', slowModeSeconds: bad } },
        as(admin),
      );
      expect(code(createRefused)).toBe('BAD_USER_INPUT');
    }
    expect((await row(category.id)).slow_mode_seconds).toBe(120);
    // The database holds the same bounds.
    await expect(
      api.sql('update categories set slow_mode_seconds = 86401 where id = $1', [category.id]),
    ).rejects.toThrow(/categories_slow_mode_check/);

    const res = await api.gql(UPDATE, { input: { id: category.id, slowModeSeconds: 0 } }, as(admin));
    expect(res.data.updateCategory.slowModeSeconds).toBe(0);
    const [event] = await api.sql(
      `select data from domain_events where name = 'category.changed' and subject = $1 order by id desc limit 1`,
      [`category:${category.id}`],
    );
    expect(event.data.before).toMatchObject({ slowModeSeconds: 120 });
    expect(event.data.after).toMatchObject({ slowModeSeconds: 0 });
  });

  it('refuses a member’s second post in the category within the interval (threads and replies), with Retry-After', async () => {
    const slow = await create({ slowModeSeconds: 600 });
    const elsewhere = await create();
    const poster = await buildMember(api);
    const thread = await buildThread(api, poster, { categoryId: slow.id });

    const posts = async () =>
      (await api.sql('select count(*)::int as n from posts where author_id = $1', [poster.id]))[0].n;
    const before = await posts();
    const reply = await api.gql(
      `mutation($i: PostReplyInput!) { postReply(input: $i) { id } }`,
      { i: { threadId: thread.id, body: 'A reply in a slow category, long enough to post.' } },
      as(poster),
    );
    expect(code(reply)).toBe('RATE_LIMITED');
    expect(reply.status).toBe(429);
    expect(reply.errors![0]!.message).toMatch(
      /is in slow mode: one post every 10 minutes\. You can post there again in (9|10) minutes\./,
    );
    const retryAfter = Number(reply.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(590);
    expect(retryAfter).toBeLessThanOrEqual(600);
    const ask = await api.gql(
      `mutation($i: AskQuestionInput!) { askQuestion(input: $i) { id } }`,
      {
        i: {
          categoryId: slow.id,
          title: 'Another question in the slow category',
          body: 'Enough text for a question body here.',
          tags: [],
        },
      },
      as(poster),
    );
    expect(code(ask)).toBe('RATE_LIMITED');
    expect(await posts()).toBe(before);

    // Other categories are not slowed, and neither is anyone else here.
    const other = await buildThread(api, poster, { categoryId: elsewhere.id });
    await buildReply(api, poster, other.id);
    const someone = await buildMember(api);
    await buildReply(api, someone, thread.id);

    // Once the interval has passed, the member posts again.
    await api.sql(`update posts set created_at = created_at - interval '601 seconds' where author_id = $1`, [
      poster.id,
    ]);
    await buildReply(api, poster, thread.id);
  });

  it('exempts staff, and stops when set back to 0', async () => {
    const slow = await create({ slowModeSeconds: 3600 });
    const thread = await buildThread(api, moderator, { categoryId: slow.id });
    await buildReply(api, moderator, thread.id);
    await buildReply(api, admin, thread.id);
    await buildReply(api, admin, thread.id, 'A second reply by an administrator, right after the first.');

    const poster = await buildMember(api);
    await buildReply(api, poster, thread.id);
    const refused = await api.gql(
      `mutation($i: PostReplyInput!) { postReply(input: $i) { id } }`,
      { i: { threadId: thread.id, body: 'Second reply, refused by the slow mode.' } },
      as(poster),
    );
    expect(code(refused)).toBe('RATE_LIMITED');
    await api.gql(UPDATE, { input: { id: slow.id, slowModeSeconds: 0 } }, as(admin));
    await buildReply(api, poster, thread.id, 'Second reply, now that slow mode is off here.');
  });
});

describe('restricted categories', () => {
  it('are read by staff and advocates only: members do not see them at all', async () => {
    const restricted = await create({ kind: 'RESTRICTED' });
    const advocate = await buildMember(api);
    await api.sql('update members set is_advocate = true where id = $1', [advocate.id]);
    const ids = async (m: TestMember | null) =>
      (await api.gql('{ categories { id } }', {}, as(m))).data.categories.map((c: { id: string }) => c.id);
    expect(await ids(member)).not.toContain(restricted.id);
    expect(await ids(null)).not.toContain(restricted.id);
    expect(await ids(advocate)).toContain(restricted.id);
    expect(await ids(moderator)).toContain(restricted.id);
  });
});
