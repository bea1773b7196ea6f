import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildMember,
  buildReply,
  buildThread,
  firstCategoryId,
  grantReputation,
  QUESTION_BODY,
  type TestMember,
} from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// Privileges (PRODUCT.md capability 2, SECURITY.md): reputation thresholds decided by the
// guardian, denials that say what is needed and what the viewer has, new-member limits.
let api: TestApi;
let asker: TestMember;
beforeAll(async () => {
  api = await startTestApi();
  asker = await buildMember(api, { reputation: 300 });
});
afterAll(() => api?.close());

const VOTE = `mutation($input: VoteInput!) { vote(input: $input) { id score viewerVote } }`;
const vote = (m: TestMember, postId: string, value: string) =>
  api.gql(VOTE, { input: { postId, value } }, { token: m.token, ip: m.ip });
const ASK = `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id tags } }`;
const ask = async (m: TestMember, input: Record<string, unknown> = {}) =>
  api.gql(
    ASK,
    {
      input: {
        categoryId: await firstCategoryId(api),
        title: `A question about hub pairing ${Math.random().toString(36).slice(2, 8)}`,
        body: QUESTION_BODY,
        tags: [],
        ...input,
      },
    },
    { token: m.token, ip: m.ip },
  );
const votesOn = async (postId: string) =>
  (await api.sql('select count(*)::int as n from post_votes where post_id = $1', [postId]))[0].n;

describe('reputation thresholds', () => {
  it('a new member cannot upvote until they hold 15, earned by receiving votes; the denial says why', async () => {
    const newbie = await buildMember(api, { reputation: 0 });
    const thread = await buildThread(api, asker);
    let res = await vote(newbie, thread.question.id, 'UP');
    expect(res.errors?.[0]).toMatchObject({
      message: 'You need 15 reputation to upvote; you have 0.',
      extensions: { code: 'FORBIDDEN' },
    });
    expect(await votesOn(thread.question.id)).toBe(0);

    // Two members upvote the newbie's answer: 20 reputation, through the ledger.
    const answer = await buildReply(api, newbie, thread.id);
    const [v1, v2] = await Promise.all([buildMember(api), buildMember(api)]);
    expect((await vote(v1, answer.id, 'UP')).errors).toBeUndefined();
    expect((await vote(v2, answer.id, 'UP')).errors).toBeUndefined();
    res = await vote(newbie, thread.question.id, 'UP');
    expect(res.errors).toBeUndefined();
    expect(res.data.vote.score).toBe(1);
  });

  it('downvoting takes 125; taking a vote back is always allowed', async () => {
    const [member, rich] = await Promise.all([buildMember(api), buildMember(api, { reputation: 125 })]);
    const thread = await buildThread(api, asker);
    const reply = await buildReply(api, rich, thread.id);
    const res = await vote(member, reply.id, 'DOWN');
    expect(res.errors?.[0]?.message).toBe('You need 125 reputation to downvote; you have 15.');
    expect((await vote(rich, thread.question.id, 'DOWN')).errors).toBeUndefined();

    // The member upvotes, then loses reputation below 15: retracting still works.
    expect((await vote(member, reply.id, 'UP')).errors).toBeUndefined();
    await grantReputation(api, member, -10, 'test: a penalty');
    expect((await vote(member, thread.question.id, 'UP')).errors?.[0]?.message).toBe(
      'You need 15 reputation to upvote; you have 5.',
    );
    expect((await vote(member, reply.id, 'NONE')).errors).toBeUndefined();
  });

  it('creating a tag takes 300; tags already in use are free to use', async () => {
    const member = await buildMember(api);
    let res = await ask(member, { tags: ['zwave-migration'] });
    expect(res.errors?.[0]).toMatchObject({
      message: 'You need 300 reputation to create new tags (“zwave-migration” is new); you have 15.',
      extensions: { code: 'FORBIDDEN' },
    });
    expect((await ask(asker, { tags: ['zwave-migration'] })).errors).toBeUndefined();
    res = await ask(member, { tags: ['zwave-migration'] });
    expect(res.errors).toBeUndefined();
    expect(res.data.askQuestion.tags).toEqual(['zwave-migration']);
    // Editing a question to add a new tag is creating it too.
    const EDIT = `mutation($input: EditPostInput!) { editPost(input: $input) { id } }`;
    const [row] = await api.sql('select question_post_id from threads where id = $1', [res.data.askQuestion.id]);
    const edit = await api.gql(
      EDIT,
      { input: { postId: String(row.question_post_id), body: QUESTION_BODY + ' (edited)', tags: ['brand-new-tag'] } },
      { token: member.token },
    );
    expect(edit.errors?.[0]?.message).toMatch(/^You need 300 reputation to create new tags/);
  });

  it("editing others' posts takes 2,000", async () => {
    const [editor, author] = await Promise.all([buildMember(api, { reputation: 1999 }), buildMember(api)]);
    const thread = await buildThread(api, asker);
    const reply = await buildReply(api, author, thread.id);
    const EDIT = `mutation($input: EditPostInput!) { editPost(input: $input) { id body } }`;
    const input = { postId: reply.id, body: 'Sign out and back in; the 2.3 update rotated every sync token.' };
    let res = await api.gql(EDIT, { input }, { token: editor.token });
    expect(res.errors?.[0]?.message).toBe("You need 2000 reputation to edit other members' posts; you have 1999.");
    await grantReputation(api, editor, 1);
    res = await api.gql(EDIT, { input }, { token: editor.token });
    expect(res.errors).toBeUndefined();
    expect(res.data.editPost.body).toBe(input.body);
  });

  it('closing and reopening takes 3,000; locking stays with staff', async () => {
    const [closer, almost] = await Promise.all([
      buildMember(api, { reputation: 3000 }),
      buildMember(api, { reputation: 2999 }),
    ]);
    const thread = await buildThread(api, asker);
    const SET = `mutation($input: SetThreadStatusInput!) { setThreadStatus(input: $input) { status } }`;
    const set = (m: TestMember, status: string) =>
      api.gql(SET, { input: { threadId: thread.id, status } }, { token: m.token });
    expect((await set(almost, 'CLOSED')).errors?.[0]?.message).toBe(
      'You need 3000 reputation to close or reopen threads; you have 2999.',
    );
    expect((await set(closer, 'CLOSED')).data.setThreadStatus.status).toBe('CLOSED');
    expect((await set(closer, 'OPEN')).data.setThreadStatus.status).toBe('OPEN');
    expect((await set(closer, 'LOCKED')).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const [row] = await api.sql('select status from threads where id = $1', [thread.id]);
    expect(row.status).toBe('OPEN');
  });

  it('exposes held privileges and the next ones to earn; staff hold them all', async () => {
    const [member, moderator] = await Promise.all([
      buildMember(api, { reputation: 130 }),
      buildMember(api, { role: 'MODERATOR' }),
    ]);
    const Q = `query($h: String!) { member(handle: $h) { privileges { held { key reputation } next { key label reputation } } } }`;
    const mine = (await api.gql(Q, { h: member.handle })).data.member.privileges;
    expect(mine.held.map((p: any) => p.key)).toEqual(['flag', 'upvote', 'downvote']);
    expect(mine.next.map((p: any) => [p.key, p.reputation])).toEqual([
      ['createTags', 300],
      ['editOthers', 2000],
      ['reviewQueue', 2000],
      ['closeReopen', 3000],
    ]);
    const staff = (await api.gql(Q, { h: moderator.handle })).data.member.privileges;
    expect(staff.next).toEqual([]);
    expect(staff.held).toHaveLength(7);
  });

  it('tells the viewer on each post whether they may vote, and why not', async () => {
    const newbie = await buildMember(api, { reputation: 0 });
    const thread = await buildThread(api, asker);
    const Q = `query($id: ID!) { thread(id: $id) { question { viewerCan { vote upvote { allowed reason } downvote { allowed reason } } } } }`;
    const res = await api.gql(Q, { id: thread.id }, { token: newbie.token });
    expect(res.data.thread.question.viewerCan).toEqual({
      vote: true,
      upvote: { allowed: false, reason: 'You need 15 reputation to upvote; you have 0.' },
      downvote: { allowed: false, reason: 'You need 125 reputation to downvote; you have 0.' },
    });
  });
});

describe('new members', () => {
  const links = (n: number) =>
    QUESTION_BODY + Array.from({ length: n }, (_, i) => ` See https://example.com/page-${i}.`).join('');

  it('may include at most 2 links per post until trusted', async () => {
    const [newbie, trusted] = await Promise.all([buildMember(api, { reputation: 0 }), buildMember(api)]);
    let res = await ask(newbie, { body: links(3) });
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(res.errors?.[0]?.message).toContain('New members can include at most 2 links in a post; this one has 3.');
    expect((await api.sql('select count(*)::int as n from threads where author_id = $1', [newbie.id]))[0].n).toBe(0);
    expect((await ask(newbie, { body: links(2) })).errors).toBeUndefined();
    const thread = await buildThread(api, asker);
    const REPLY = `mutation($input: PostReplyInput!) { postReply(input: $input) { id } }`;
    res = await api.gql(REPLY, { input: { threadId: thread.id, body: links(3) } }, { token: newbie.token });
    expect(res.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect((await ask(trusted, { body: links(5) })).errors).toBeUndefined();
    // Three days old is trusted too.
    await api.sql(`update members set created_at = now() - interval '3 days 1 minute' where id = $1`, [newbie.id]);
    expect((await ask(newbie, { body: links(3) })).errors).toBeUndefined();
  });

  it('may start at most 3 threads on their first day, even when asking concurrently', async () => {
    const newbie = await buildMember(api, { reputation: 0 });
    const results = await Promise.all(Array.from({ length: 6 }, () => ask(newbie)));
    const ok = results.filter((r) => !r.errors);
    const limited = results.filter((r) => r.errors);
    expect(ok).toHaveLength(3);
    expect(limited).toHaveLength(3);
    for (const r of limited) {
      expect(r.status).toBe(429);
      expect(r.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED' });
      expect(r.errors![0]!.message).toMatch(/^New members can start at most 3 threads on their first day/);
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(80_000);
    }
    expect((await api.sql('select count(*)::int as n from threads where author_id = $1', [newbie.id]))[0].n).toBe(3);
    // A member with 15 reputation is not new.
    await grantReputation(api, newbie, 15);
    expect((await ask(newbie)).errors).toBeUndefined();
  });
});

describe('silence', () => {
  it('a silenced member reads but cannot write, and is told until when and why', async () => {
    const member = await buildMember(api, { reputation: 500 });
    const thread = await buildThread(api, asker);
    await api.sql(
      `insert into member_sanctions (member_id, kind, until, reason) values ($1, 'SILENCE', now() + interval '2 days', 'Spam')`,
      [member.id],
    );
    const res = await vote(member, thread.question.id, 'UP');
    expect(res.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect(res.errors?.[0]?.message).toMatch(/^You are silenced until \d{4}-.*Z \(reason: Spam\)\. You can read/);
    expect((await ask(member)).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const read = await api.gql(
      `query($id: ID!) { thread(id: $id) { id } }`,
      { id: thread.id },
      { token: member.token },
    );
    expect(read.data.thread.id).toBe(thread.id);
  });
});

describe('adjustReputation', () => {
  const ADJUST = `mutation($input: AdjustReputationInput!) { adjustReputation(input: $input) { reputation } }`;

  it('is for admins, writes one ADJUSTMENT with its reason, and is idempotent by key', async () => {
    const [admin, moderator, member] = await Promise.all([
      buildMember(api, { role: 'ADMIN' }),
      buildMember(api, { role: 'MODERATOR' }),
      buildMember(api, { reputation: 0 }),
    ]);
    const input = { memberId: member.id, points: 40, reason: 'Imported from the old forum', idempotencyKey: 'imp-1' };
    expect((await api.gql(ADJUST, { input }, { token: moderator.token })).errors?.[0]?.extensions.code).toBe(
      'FORBIDDEN',
    );
    expect((await api.gql(ADJUST, { input }, { token: admin.token })).data.adjustReputation.reputation).toBe(40);
    expect((await api.gql(ADJUST, { input }, { token: admin.token })).data.adjustReputation.reputation).toBe(40);
    const conflict = await api.gql(ADJUST, { input: { ...input, points: 41 } }, { token: admin.token });
    expect(conflict.errors?.[0]?.extensions.code).toBe('CONFLICT');
    for (const bad of [{ points: 0 }, { points: 100_001 }, { reason: 'x' }, { idempotencyKey: 'k'.repeat(256) }]) {
      const res = await api.gql(ADJUST, { input: { ...input, idempotencyKey: null, ...bad } }, { token: admin.token });
      expect(res.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    }
    const events = await api.sql('select kind, points, reason, actor_id from reputation_events where member_id = $1', [
      member.id,
    ]);
    expect(events).toEqual([
      { kind: 'ADJUSTMENT', points: 40, reason: 'Imported from the old forum', actor_id: Number(admin.id) },
    ]);
  });
});
