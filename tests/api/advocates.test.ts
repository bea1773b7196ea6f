import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildReply, buildThread, firstCategoryId, type TestMember } from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// Advocates (PRODUCT.md capability 2): staff grant and revoke with a reason, audited;
// advocates mark solutions on others' threads (in their categories, when staff name some),
// enter restricted categories, and are marked.
let api: TestApi;
let moderator: TestMember;
let lounge: string;
beforeAll(async () => {
  api = await startTestApi();
  moderator = await buildMember(api, { role: 'MODERATOR' });
  lounge = await firstCategoryId(api, 'RESTRICTED');
});
afterAll(() => api?.close());

const GRANT = `mutation($input: GrantAdvocateInput!) { grantAdvocate(input: $input) { id isAdvocate } }`;
const REVOKE = `mutation($input: AdvocateInput!) { revokeAdvocate(input: $input) { id isAdvocate } }`;
const grant = (by: TestMember, m: TestMember, reason = 'Answers Zigbee questions carefully') =>
  api.gql(GRANT, { input: { memberId: m.id, reason } }, { token: by.token });
const revoke = (by: TestMember, m: TestMember, reason = 'Stepped back from the programme') =>
  api.gql(REVOKE, { input: { memberId: m.id, reason } }, { token: by.token });

describe('granting and revoking', () => {
  it('staff grant and revoke with a reason; each change is audited; repeats are CONFLICT', async () => {
    const [member, other] = await Promise.all([buildMember(api), buildMember(api)]);
    expect((await grant(other, member)).errors?.[0]).toMatchObject({
      message: 'Only staff can grant or revoke advocate status.',
      extensions: { code: 'FORBIDDEN' },
    });
    expect((await grant(moderator, member, ' ')).errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect((await grant(moderator, member)).data.grantAdvocate.isAdvocate).toBe(true);
    expect((await grant(moderator, member)).errors?.[0]?.extensions.code).toBe('CONFLICT');
    expect((await revoke(moderator, member)).data.revokeAdvocate.isAdvocate).toBe(false);
    expect((await revoke(moderator, member)).errors?.[0]?.extensions.code).toBe('CONFLICT');

    const HISTORY = `query($h: String!) { member(handle: $h) { advocateHistory { granted reason actor { handle } } } }`;
    const staffView = await api.gql(HISTORY, { h: member.handle }, { token: moderator.token });
    expect(staffView.data.member.advocateHistory).toEqual([
      { granted: false, reason: 'Stepped back from the programme', actor: { handle: moderator.handle } },
      { granted: true, reason: 'Answers Zigbee questions carefully', actor: { handle: moderator.handle } },
    ]);
    const memberView = await api.gql(HISTORY, { h: member.handle }, { token: member.token });
    expect(memberView.data.member.advocateHistory).toBeNull();
    expect(memberView.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });

  it('concurrent grants record one change', async () => {
    const member = await buildMember(api);
    const results = await Promise.all(Array.from({ length: 5 }, () => grant(moderator, member)));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    const rows = await api.sql('select count(*)::int as n from advocate_changes where member_id = $1', [member.id]);
    expect(rows[0].n).toBe(1);
  });
});

describe('advocates in categories', () => {
  const GRANT_IN = `mutation($input: GrantAdvocateInput!) {
    grantAdvocate(input: $input) { id isAdvocate advocateCategories { id } }
  }`;
  const grantIn = (m: TestMember, categoryIds: string[], reason = 'Knows the hubs inside out') =>
    api.gql(GRANT_IN, { input: { memberId: m.id, reason, categoryIds } }, { token: moderator.token });
  const ACCEPT = `mutation($id: ID!) { acceptAnswer(postId: $id) { status } }`;

  it('accept answers only in their categories; staff widen or narrow the scope, audited', async () => {
    const [asker, answerer, advocate] = await Promise.all([buildMember(api), buildMember(api), buildMember(api)]);
    const [home, other] = await api.sql<{ id: number }>(
      `insert into categories (slug, name, kind) values ('hubs-' || $1, 'Hubs', 'QA'), ('billing-' || $1, 'Billing', 'QA')
       returning id`,
      [advocate.id],
    );
    const homeId = String(home!.id);
    const otherId = String(other!.id);
    const inHome = await buildThread(api, asker, { categoryId: homeId, title: 'Hub pairing fails at 90 percent' });
    const inOther = await buildThread(api, asker, { categoryId: otherId, title: 'Invoice shows the wrong plan' });
    const homeReply = await buildReply(api, answerer, inHome.id);
    const otherReply = await buildReply(api, answerer, inOther.id);

    const granted = await grantIn(advocate, [homeId, homeId]);
    expect(granted.data.grantAdvocate).toEqual({
      id: advocate.id,
      isAdvocate: true,
      advocateCategories: [{ id: homeId }],
    });
    expect((await grantIn(advocate, [homeId])).errors?.[0]).toMatchObject({
      message: `@${advocate.handle} is already an advocate in exactly these categories.`,
      extensions: { code: 'CONFLICT' },
    });

    const denied = await api.gql(ACCEPT, { id: otherReply.id }, { token: advocate.token });
    expect(denied.errors?.[0]).toMatchObject({
      message: 'Advocates accept answers in their own categories, and this thread is in another one.',
      extensions: { code: 'FORBIDDEN' },
    });
    const THREAD_CAN = `query($id: ID!) { thread(id: $id) { viewerCan { accept } } }`;
    const can = async (id: string) =>
      (await api.gql(THREAD_CAN, { id }, { token: advocate.token })).data.thread.viewerCan.accept;
    expect(await can(inOther.id)).toBe(false);
    expect(await can(inHome.id)).toBe(true);
    expect((await api.gql(ACCEPT, { id: homeReply.id }, { token: advocate.token })).data.acceptAnswer.status).toBe(
      'ANSWERED',
    );
    // Their lounge access does not depend on categories.
    const [{ slug }] = await api.sql('select slug from categories where id = $1', [lounge]);
    const READ = `query($slug: String!) { category(slug: $slug) { id } }`;
    expect((await api.gql(READ, { slug }, { token: advocate.token })).data.category.id).toBe(lounge);

    // An empty list widens to every category; the audit trail keeps each scope.
    expect((await grantIn(advocate, [])).data.grantAdvocate.advocateCategories).toBeNull();
    expect((await api.gql(ACCEPT, { id: otherReply.id }, { token: advocate.token })).data.acceptAnswer.status).toBe(
      'ANSWERED',
    );
    const HISTORY = `query($h: String!) { member(handle: $h) { advocateHistory { granted categories { id } } } }`;
    const history = await api.gql(HISTORY, { h: advocate.handle }, { token: moderator.token });
    expect(history.data.member.advocateHistory).toEqual([
      { granted: true, categories: null },
      { granted: true, categories: [{ id: homeId }] },
    ]);

    // Revoking clears the scope with the status.
    await revoke(moderator, advocate);
    const [row] = await api.sql('select is_advocate, advocate_category_ids from members where id = $1', [advocate.id]);
    expect(row).toEqual({ is_advocate: false, advocate_category_ids: null });
  });

  it('refuses unknown categories and changes nothing', async () => {
    const member = await buildMember(api);
    const res = await grantIn(member, ['99999999']);
    expect(res.errors?.[0]).toMatchObject({
      message: 'No such category: 99999999.',
      extensions: { code: 'BAD_USER_INPUT', fields: { categoryIds: 'No such category: 99999999.' } },
    });
    expect((await grantIn(member, ['nope'])).errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    const [row] = await api.sql('select is_advocate from members where id = $1', [member.id]);
    expect(row.is_advocate).toBe(false);
    expect(await api.sql('select 1 from advocate_changes where member_id = $1', [member.id])).toEqual([]);
  });
});

describe('advocate powers', () => {
  it("mark solutions on others' threads; the answerer earns the accept, the advocate nothing", async () => {
    const [asker, answerer, advocate] = await Promise.all([buildMember(api), buildMember(api), buildMember(api)]);
    const thread = await buildThread(api, asker);
    const reply = await buildReply(api, answerer, thread.id);
    const ACCEPT = `mutation($id: ID!) { acceptAnswer(postId: $id) { status } }`;
    let res = await api.gql(ACCEPT, { id: reply.id }, { token: advocate.token });
    expect(res.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    await grant(moderator, advocate);
    res = await api.gql(ACCEPT, { id: reply.id }, { token: advocate.token });
    expect(res.data.acceptAnswer.status).toBe('ANSWERED');
    const points = await api.sql(
      `select member_id, kind, points from reputation_events where thread_id = $1 order by id`,
      [thread.id],
    );
    expect(points).toEqual([{ member_id: Number(answerer.id), kind: 'ANSWER_ACCEPTED', points: 15 }]);
  });

  it('enter restricted categories while advocates, and lose access when revoked', async () => {
    const [advocate, member] = await Promise.all([buildMember(api), buildMember(api)]);
    const inLounge = await buildThread(api, moderator, { categoryId: lounge, title: 'Advocates: weekly triage notes' });
    const READ = `query($id: ID!) { thread(id: $id) { id title } }`;
    const LIST = `query($c: ID!) { threads(filter: { categoryId: $c }, first: 5) { edges { node { id } } } }`;
    expect((await api.gql(READ, { id: inLounge.id }, { token: advocate.token })).errors?.[0]?.extensions.code).toBe(
      'NOT_FOUND',
    );
    await grant(moderator, advocate);
    expect((await api.gql(READ, { id: inLounge.id }, { token: advocate.token })).data.thread.id).toBe(inLounge.id);
    const listed = await api.gql(LIST, { c: lounge }, { token: advocate.token });
    expect(listed.data.threads.edges.map((e: any) => e.node.id)).toContain(inLounge.id);
    const own = await buildThread(api, advocate, { categoryId: lounge, title: 'Advocate question in the lounge' });
    expect(own.id).toBeTruthy();
    // Everyone else still sees nothing, in lists too.
    expect((await api.gql(READ, { id: inLounge.id }, { token: member.token })).errors?.[0]?.extensions.code).toBe(
      'NOT_FOUND',
    );
    const latest = await api.gql(`{ threads(first: 50) { edges { node { id } } } }`, {}, { token: member.token });
    expect(latest.data.threads.edges.map((e: any) => e.node.id)).not.toContain(inLounge.id);
    await revoke(moderator, advocate);
    expect((await api.gql(READ, { id: inLounge.id }, { token: advocate.token })).errors?.[0]?.extensions.code).toBe(
      'NOT_FOUND',
    );
  });

  it('are marked as advocates on every post', async () => {
    const [asker, advocate] = await Promise.all([buildMember(api), buildMember(api)]);
    await grant(moderator, advocate);
    const thread = await buildThread(api, asker);
    await buildReply(api, advocate, thread.id);
    const PAGE = `query($id: ID!) { thread(id: $id) { question { author { isAdvocate } } replies(first: 5) { edges { node { author { handle isAdvocate } } } } } }`;
    const res = await api.gql(PAGE, { id: thread.id });
    expect(res.data.thread.question.author.isAdvocate).toBe(false);
    expect(res.data.thread.replies.edges[0].node.author).toEqual({ handle: advocate.handle, isAdvocate: true });
  });
});
