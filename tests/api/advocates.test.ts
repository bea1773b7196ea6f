import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildReply, buildThread, firstCategoryId, type TestMember } from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// Advocates (PRODUCT.md capability 2): staff grant and revoke with a reason, audited;
// advocates mark solutions on others' threads, enter restricted categories, and are marked.
let api: TestApi;
let moderator: TestMember;
let lounge: string;
beforeAll(async () => {
  api = await startTestApi();
  moderator = await buildMember(api, { role: 'MODERATOR' });
  lounge = await firstCategoryId(api, 'RESTRICTED');
});
afterAll(() => api?.close());

const GRANT = `mutation($input: AdvocateInput!) { grantAdvocate(input: $input) { id isAdvocate } }`;
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
