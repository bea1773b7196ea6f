import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildMember, buildReply, buildThread, type TestMember } from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// Staff picks and moderator removals (PRODUCT.md capabilities 2 and 3): a pick credits the
// answer's author outside the vote cap and earns Staff Pick; a removal as spam or abuse costs
// the author until the post is restored; a deleted solution takes its accept's reputation along.
// The vote cap is 10 here, so one upvote fills an author's day.
let api: TestApi;
let moderator: TestMember;
let admin: TestMember;
beforeAll(async () => {
  api = await startTestApi({ REPUTATION_RULES: JSON.stringify({ dailyVoteCap: 10 }) });
  [moderator, admin] = await Promise.all([
    buildMember(api, { role: 'MODERATOR' }),
    buildMember(api, { role: 'ADMIN' }),
  ]);
});
afterAll(() => api?.close());

const PICK = `mutation($id: ID!) { staffPick(postId: $id) { id staffPickedAt } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawStaffPick(postId: $id) { id staffPickedAt } }`;
const REMOVE = `mutation($input: RemovePostInput!) { removePost(input: $input) }`;
const RESTORE = `mutation($id: ID!) { restorePost(postId: $id) { id } }`;
const THREAD = `query($id: ID!) {
  thread(id: $id) { status replyCount acceptedAnswer { id } replies(first: 10) { edges { node { id } } } }
}`;

const as = (m: TestMember) => ({ token: m.token, ip: m.ip });
const pick = (by: TestMember, postId: string) => api.gql(PICK, { id: postId }, as(by));
const remove = (by: TestMember, postId: string, reason: string) =>
  api.gql(REMOVE, { input: { postId, reason } }, as(by));
const restore = (by: TestMember, postId: string) => api.gql(RESTORE, { id: postId }, as(by));

/** The member's ledger apart from the factory's starting ADJUSTMENT. */
function ledger(m: TestMember) {
  return api.sql<{ kind: string; points: number; reason: string | null; reverses: string | null }>(
    `select e.kind, e.points, e.reason, o.kind as reverses from reputation_events e
       left join reputation_events o on o.id = e.reverses_id
      where e.member_id = $1 and e.kind <> 'ADJUSTMENT' order by e.id`,
    [m.id],
  );
}
async function reputation(m: TestMember): Promise<number> {
  const [row] = await api.sql<{ reputation: number }>('select reputation from members where id = $1', [m.id]);
  return row!.reputation;
}
async function expectConsistent() {
  const res = await api.gql(`{ reputationAudit { mismatchedMemberIds } }`, {}, as(admin));
  expect(res.data.reputationAudit.mismatchedMemberIds).toEqual([]);
}

async function answered() {
  const [asker, answerer] = await Promise.all([buildMember(api), buildMember(api)]);
  const thread = await buildThread(api, asker);
  const reply = await buildReply(api, answerer, thread.id);
  return { asker, answerer, thread, reply };
}

describe('staff picks', () => {
  it('moderators pick an answer: +25 to its author outside the vote cap, then the Staff Pick badge', async () => {
    const { answerer, thread, reply } = await answered();
    const voter = await buildMember(api);
    await api.gql(
      `mutation($id: ID!) { vote(input: { postId: $id, value: UP }) { score } }`,
      { id: reply.id },
      as(voter),
    );
    expect(await ledger(answerer)).toEqual([{ kind: 'ANSWER_UPVOTED', points: 10, reason: null, reverses: null }]);

    const picked = await pick(moderator, reply.id);
    expect(picked.errors).toBeUndefined();
    expect(picked.data.staffPick.staffPickedAt).toEqual(expect.any(String));
    // The day's vote cap (10) is full, yet the pick is credited whole.
    expect((await ledger(answerer)).at(-1)).toEqual({ kind: 'STAFF_PICK', points: 25, reason: null, reverses: null });
    expect(await reputation(answerer)).toBe(15 + 10 + 25);

    const awards = await vi.waitFor(
      async () => {
        const rows = await api.sql<{ post_id: number; reason: string }>(
          `select post_id, reason from badge_awards where member_id = $1 and badge = 'staff-pick'`,
          [answerer.id],
        );
        expect(rows).toHaveLength(1);
        return rows;
      },
      { timeout: 10_000, interval: 100 },
    );
    expect(awards[0]).toEqual({ post_id: Number(reply.id), reason: `Answer to “${thread.title}” picked by staff` });

    const shown = await api.gql(
      `query($id: ID!) { thread(id: $id) { replies(first: 5) { edges { node { staffPickedAt viewerCan { staffPick remove } } } } } }`,
      { id: thread.id },
      as(moderator),
    );
    expect(shown.data.thread.replies.edges[0].node).toMatchObject({ viewerCan: { staffPick: true, remove: true } });
  });

  it('only moderators pick, never their own answer nor a question; a repeat is CONFLICT', async () => {
    const { asker, answerer, thread, reply } = await answered();
    expect((await pick(asker, reply.id)).errors?.[0]).toMatchObject({
      message: 'Only moderators can pick answers.',
      extensions: { code: 'FORBIDDEN' },
    });
    expect((await pick(moderator, thread.question.id)).errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    const own = await buildReply(api, moderator, thread.id, 'A moderator answer that is long enough to post.');
    expect((await pick(moderator, own.id)).errors?.[0]).toMatchObject({
      message: "You can't staff-pick your own answer.",
      extensions: { code: 'FORBIDDEN' },
    });
    expect((await pick(moderator, reply.id)).errors).toBeUndefined();
    expect((await pick(moderator, reply.id)).errors?.[0]?.extensions.code).toBe('CONFLICT');
    expect((await ledger(answerer)).map((e) => e.kind)).toEqual(['STAFF_PICK']);
    const seen = await api.gql(
      `query($id: ID!) { thread(id: $id) { replies(first: 5) { edges { node { viewerCan { staffPick remove } } } } } }`,
      { id: thread.id },
      as(asker),
    );
    expect(seen.data.thread.replies.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { viewerCan: { staffPick: false, remove: false } },
      { viewerCan: { staffPick: false, remove: false } },
    ]);
  });

  it('withdrawing a pick reverses its reputation; picking again credits again', async () => {
    const { answerer, reply } = await answered();
    await pick(moderator, reply.id);
    const withdrawn = await api.gql(WITHDRAW, { id: reply.id }, as(moderator));
    expect(withdrawn.data.withdrawStaffPick.staffPickedAt).toBeNull();
    expect((await api.gql(WITHDRAW, { id: reply.id }, as(moderator))).errors?.[0]?.extensions.code).toBe('CONFLICT');
    await pick(moderator, reply.id);
    expect(await ledger(answerer)).toEqual([
      { kind: 'STAFF_PICK', points: 25, reason: null, reverses: null },
      { kind: 'REVERSAL', points: -25, reason: 'staff pick withdrawn', reverses: 'STAFF_PICK' },
      { kind: 'STAFF_PICK', points: 25, reason: null, reverses: null },
    ]);
    expect(await reputation(answerer)).toBe(15 + 25);
  });

  it('concurrent picks of one answer credit it once', async () => {
    const { answerer, reply } = await answered();
    const results = await Promise.all(Array.from({ length: 8 }, () => pick(moderator, reply.id)));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions.code === 'CONFLICT')).toHaveLength(7);
    expect((await ledger(answerer)).map((e) => [e.kind, e.points])).toEqual([['STAFF_PICK', 25]]);
    await expectConsistent();
  });
});

describe('removals', () => {
  it('removing as spam costs the author 100 and hides the post; restoring reverses both', async () => {
    const { answerer, thread, reply } = await answered();
    const res = await remove(moderator, reply.id, 'SPAM');
    expect(res.errors).toBeUndefined();
    expect(await ledger(answerer)).toEqual([
      { kind: 'POST_REMOVED', points: -100, reason: 'post removed as spam', reverses: null },
    ]);
    expect(await reputation(answerer)).toBe(15 - 100);
    let seen = await api.gql(THREAD, { id: thread.id });
    expect(seen.data.thread).toMatchObject({ replyCount: 0, replies: { edges: [] } });

    const LIST = `{ removedPosts(first: 5) { edges { node { id removal { reason by { handle } } } } } }`;
    const listed = await api.gql(LIST, {}, as(moderator));
    expect(listed.data.removedPosts.edges[0].node).toEqual({
      id: reply.id,
      removal: { reason: 'SPAM', by: { handle: moderator.handle } },
    });
    expect((await api.gql(LIST, {}, as(answerer))).errors?.[0]).toMatchObject({
      message: 'Only moderators can see removed posts.',
      extensions: { code: 'FORBIDDEN' },
    });

    expect((await restore(answerer, reply.id)).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect((await restore(moderator, reply.id)).errors).toBeUndefined();
    expect((await restore(moderator, reply.id)).errors?.[0]?.extensions.code).toBe('CONFLICT');
    expect((await ledger(answerer)).at(-1)).toEqual({
      kind: 'REVERSAL',
      points: 100,
      reason: 'post restored',
      reverses: 'POST_REMOVED',
    });
    expect(await reputation(answerer)).toBe(15);
    seen = await api.gql(THREAD, { id: thread.id });
    expect(seen.data.thread).toMatchObject({ replyCount: 1, replies: { edges: [{ node: { id: reply.id } }] } });
    await expectConsistent();
  });

  it('abuse is penalised like spam; off-topic and other are not; members cannot remove', async () => {
    const { asker, answerer, thread } = await answered();
    const [abusive, offTopic, other] = await Promise.all(
      [
        'Abusive reply with enough characters to post.',
        'Off-topic reply about something else.',
        'Reply removed for another reason.',
      ].map((body) => buildReply(api, answerer, thread.id, body)),
    );
    expect((await remove(asker, offTopic.id, 'OFF_TOPIC')).errors?.[0]).toMatchObject({
      message: 'Only moderators can remove posts.',
      extensions: { code: 'FORBIDDEN' },
    });
    expect((await remove(moderator, offTopic.id, 'RUDE')).errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    for (const [post, reason] of [
      [abusive, 'ABUSE'],
      [offTopic, 'OFF_TOPIC'],
      [other, 'OTHER'],
    ] as const) {
      expect((await remove(moderator, post.id, reason)).errors).toBeUndefined();
    }
    expect(await ledger(answerer)).toEqual([
      { kind: 'POST_REMOVED', points: -100, reason: 'post removed as abuse', reverses: null },
    ]);
    expect((await api.gql(THREAD, { id: thread.id })).data.thread.replyCount).toBe(1);
  });

  it('concurrent removals of one post penalise once', async () => {
    const { answerer, reply } = await answered();
    const results = await Promise.all(Array.from({ length: 6 }, () => remove(moderator, reply.id, 'SPAM')));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect((await ledger(answerer)).map((e) => e.points)).toEqual([-100]);
    await expectConsistent();
  });

  it('a deleted or removed solution takes its accept reputation along; a restore does not re-accept', async () => {
    const ACCEPT = `mutation($id: ID!) { acceptAnswer(postId: $id) { status } }`;
    for (const how of ['author deletes', 'moderator removes'] as const) {
      const { asker, answerer, thread, reply } = await answered();
      expect((await api.gql(ACCEPT, { id: reply.id }, as(asker))).data.acceptAnswer.status).toBe('ANSWERED');
      const res =
        how === 'author deletes'
          ? await api.gql(`mutation($id: ID!) { deletePost(postId: $id) }`, { id: reply.id }, as(answerer))
          : await remove(moderator, reply.id, 'OTHER');
      expect(res.errors).toBeUndefined();
      expect((await api.gql(THREAD, { id: thread.id })).data.thread).toMatchObject({
        status: 'OPEN',
        acceptedAnswer: null,
      });
      expect(await ledger(answerer)).toEqual([
        { kind: 'ANSWER_ACCEPTED', points: 15, reason: null, reverses: null },
        { kind: 'REVERSAL', points: -15, reason: 'accepted answer deleted', reverses: 'ANSWER_ACCEPTED' },
      ]);
      expect((await ledger(asker)).map((e) => e.points)).toEqual([2, -2]);

      await restore(moderator, reply.id);
      expect((await api.gql(THREAD, { id: thread.id })).data.thread).toMatchObject({
        status: 'OPEN',
        acceptedAnswer: null,
        replyCount: 1,
      });
      expect((await ledger(answerer)).map((e) => e.points)).toEqual([15, -15]);
    }
  });

  it('a deleted or removed staff pick takes its +25 along, and the spam penalty adds to that; a restore does not re-pick', async () => {
    for (const how of ['author deletes', 'moderator removes as spam'] as const) {
      const { answerer, reply } = await answered();
      expect((await pick(moderator, reply.id)).errors).toBeUndefined();
      const res =
        how === 'author deletes'
          ? await api.gql(`mutation($id: ID!) { deletePost(postId: $id) }`, { id: reply.id }, as(answerer))
          : await remove(moderator, reply.id, 'SPAM');
      expect(res.errors).toBeUndefined();
      const [row] = await api.sql('select staff_picked_at, staff_picked_by from posts where id = $1', [reply.id]);
      expect(row).toEqual({ staff_picked_at: null, staff_picked_by: null });
      expect(await ledger(answerer)).toEqual([
        { kind: 'STAFF_PICK', points: 25, reason: null, reverses: null },
        { kind: 'REVERSAL', points: -25, reason: 'picked answer deleted', reverses: 'STAFF_PICK' },
        ...(how === 'author deletes'
          ? []
          : [{ kind: 'POST_REMOVED', points: -100, reason: 'post removed as spam', reverses: null }]),
      ]);

      await restore(moderator, reply.id);
      const [after] = await api.sql('select staff_picked_at from posts where id = $1', [reply.id]);
      expect(after.staff_picked_at).toBeNull();
      const points = (await ledger(answerer)).map((e) => e.points);
      expect(points).toEqual(how === 'author deletes' ? [25, -25] : [25, -25, -100, 100]);
    }
  });

  it('removing a question removes its thread; its replies come back only after it', async () => {
    const { asker, thread, reply } = await answered();
    const count = async () =>
      (
        await api.sql<{ n: number }>(
          'select thread_count as n from categories where id = (select category_id from threads where id = $1)',
          [thread.id],
        )
      )[0]!.n;
    const before = await count();
    await remove(moderator, reply.id, 'OTHER');
    expect((await remove(moderator, thread.question.id, 'SPAM')).errors).toBeUndefined();
    expect((await api.gql(THREAD, { id: thread.id })).errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    expect(await count()).toBe(before - 1);
    expect((await ledger(asker)).map((e) => e.kind)).toEqual(['POST_REMOVED']);

    expect((await restore(moderator, reply.id)).errors?.[0]).toMatchObject({
      message: 'This reply’s thread is deleted: restore its question first.',
      extensions: { code: 'CONFLICT' },
    });
    expect((await restore(moderator, thread.question.id)).errors).toBeUndefined();
    expect((await restore(moderator, reply.id)).errors).toBeUndefined();
    expect(await count()).toBe(before);
    expect((await api.gql(THREAD, { id: thread.id })).data.thread).toMatchObject({ replyCount: 1 });
    expect(await reputation(asker)).toBe(15);
    await expectConsistent();
  });
});
