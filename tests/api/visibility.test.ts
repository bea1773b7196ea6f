import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { awardBadges } from '../../api/src/modules/badges/subscribers/award-badges.js';
import { buildMember, buildReply, buildThread, firstCategoryId, type TestMember } from '../support/factories.js';
import { startTestApi, type GraphQLResponse, type TestApi } from '../support/test-api.js';

// The one visibility rule (community/visibility.ts): what a viewer may not read in a restricted
// category is absent everywhere, not only on its thread page. A member earns badges and
// reputation in the advocates' lounge; visitors and ordinary members must learn nothing of its
// threads through the member's profile (badge reasons and posts, reputation history, accepted
// answers), leaderboards, lists or mutations, while advocates and staff see all of it.
let api: TestApi;
let moderator: TestMember; // staff
let advocate: TestMember; // a viewer who is an advocate
let member: TestMember; // an ordinary signed-in viewer
let earner: TestMember; // an advocate who earns badges and reputation in the lounge
let colleague: TestMember; // an advocate who asks in the lounge and accepts the earner's answer
let lounge: { id: string; slug: string };
let public_: { id: string; title: string; answerId: string };
const unique = () => randomBytes(4).toString('hex');
// Distinctive titles: neither may appear in any response to a visitor or an ordinary member.
const ASKED = `Quokka escalation rota for the holiday weekend ${unique()}`;
const ANSWERED = `Quokka staffing plan when the hub vendor is down ${unique()}`;
let asked: { id: string; questionId: string };
let answered: { id: string; questionId: string; answerId: string };

const as = (m: TestMember | null) => (m ? { token: m.token, ip: m.ip } : {});
const GRANT = `mutation($input: GrantAdvocateInput!) { grantAdvocate(input: $input) { id isAdvocate } }`;
const REVOKE = `mutation($input: AdvocateInput!) { revokeAdvocate(input: $input) { id isAdvocate } }`;
const VOTE = `mutation($input: VoteInput!) { vote(input: $input) { id score } }`;
const ACCEPT = `mutation($id: ID!) { acceptAnswer(postId: $id) { id status } }`;
const PICK = `mutation($id: ID!) { staffPick(postId: $id) { id } }`;

async function ok(res: Promise<GraphQLResponse>) {
  const r = await res;
  expect(r.errors).toBeUndefined();
  return r.data;
}

beforeAll(async () => {
  api = await startTestApi();
  [moderator, advocate, member, earner, colleague] = await Promise.all([
    buildMember(api, { role: 'MODERATOR' }),
    buildMember(api),
    buildMember(api),
    buildMember(api),
    buildMember(api),
  ]);
  const slug = `advocates-lounge-${unique()}`;
  const [row] = await api.sql<{ id: number }>(
    `insert into categories (slug, name, kind) values ($1, 'Advocates’ lounge', 'RESTRICTED') returning id`,
    [slug],
  );
  lounge = { id: String(row!.id), slug };
  for (const m of [advocate, earner, colleague]) {
    await ok(api.gql(GRANT, { input: { memberId: m.id, reason: 'Helps every week' } }, as(moderator)));
  }
  // Ten advocates to vote (setup: made advocates directly).
  const voters = await Promise.all(Array.from({ length: 10 }, () => buildMember(api)));
  await api.sql('update members set is_advocate = true where id = any($1::int[])', [voters.map((v) => v.id)]);

  // The earner asks in the lounge (First Question) and answers a colleague's lounge question
  // at once (First Answer); it is accepted (Solution, Quick Draw), upvoted ten times (Nice
  // Answer) and picked by staff (Staff Pick). The votes and the accept earn reputation there.
  const q1 = await buildThread(api, earner, { categoryId: lounge.id, title: ASKED });
  asked = { id: q1.id, questionId: q1.question.id };
  const q2 = await buildThread(api, colleague, { categoryId: lounge.id, title: ANSWERED });
  const answer = await buildReply(api, earner, q2.id);
  answered = { id: q2.id, questionId: q2.question.id, answerId: answer.id };
  await ok(api.gql(ACCEPT, { id: answer.id }, as(colleague)));
  for (const v of voters) await ok(api.gql(VOTE, { input: { postId: answer.id, value: 'UP' } }, as(v)));
  await ok(api.gql(VOTE, { input: { postId: asked.questionId, value: 'UP' } }, as(voters[0]!)));
  await ok(api.gql(PICK, { id: answer.id }, as(moderator)));

  // And something public, which everyone may see.
  const asker = await buildMember(api);
  const open = await buildThread(api, asker, { categoryId: await firstCategoryId(api) });
  const publicAnswer = await buildReply(api, earner, open.id);
  await ok(api.gql(ACCEPT, { id: publicAnswer.id }, as(asker)));
  public_ = { id: open.id, title: open.title, answerId: publicAnswer.id };

  await vi.waitFor(
    async () => {
      const [row] = await api.sql<{ n: number }>(
        `select count(*)::int as n from domain_events e, event_subscriptions s
          where s.subscriber = 'badges.award' and (e.tx, e.id) > (s.position_tx, s.position_id)
            and e.name = any($1::text[])`,
        [awardBadges.events],
      );
      expect(row!.n).toBe(0);
    },
    { timeout: 15_000, interval: 100 },
  );
  const badges = await api.sql<{ badge: string }>(
    'select badge from badge_awards where member_id = $1 order by badge, id',
    [earner.id],
  );
  expect(badges.map((b) => b.badge)).toEqual([
    'advocate',
    'first-answer', // answered in the lounge first
    'first-question',
    'nice-answer',
    'quick-draw', // the lounge answer came first
    'solution',
    'solution',
    'staff-pick',
  ]);
}, 120_000);
afterAll(() => api?.close());

const PROFILE = `query($handle: String!) {
  member(handle: $handle) {
    id handle reputation
    badges { badge { key } count reason postId }
    badgeCounts { gold silver bronze }
    reputationHistory(first: 100) { edges { node { kind points postId threadId reason } } }
    acceptedAnswers(first: 20) { edges { node { id thread { id title } } } }
  }
}`;
interface Profile {
  id: string;
  reputation: number;
  badges: { badge: { key: string }; count: number; reason: string; postId: string | null }[];
  badgeCounts: { gold: number; silver: number; bronze: number };
  reputationHistory: {
    edges: {
      node: { kind: string; points: number; postId: string | null; threadId: string | null; reason: string | null };
    }[];
  };
  acceptedAnswers: { edges: { node: { id: string; thread: { id: string; title: string } } }[] };
}

/** Every response a viewer gets, kept to search the whole bodies for the lounge's titles. */
function recorder(viewer: TestMember | null) {
  const bodies: string[] = [];
  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await api.gql(query, variables, as(viewer));
    bodies.push(JSON.stringify({ status: res.status, data: res.data, errors: res.errors, extensions: res.extensions }));
    return res;
  };
  return { gql, bodies };
}

const badgeOf = (p: Profile, key: string) => p.badges.find((b) => b.badge.key === key)!;
const history = (p: Profile) => p.reputationHistory.edges.map((e) => e.node);

const OUTSIDERS = [
  ['a visitor', () => null],
  ['an ordinary member', () => member],
] as const;
const INSIDERS = [
  ['an advocate', () => advocate],
  ['staff', () => moderator],
] as const;

describe.each(OUTSIDERS)('%s', (_label, viewerOf) => {
  it('sees the badges earned in the lounge without their reasons or posts', async () => {
    const { gql, bodies } = recorder(viewerOf());
    const res = await gql(PROFILE, { handle: earner.handle });
    expect(res.errors).toBeUndefined();
    const profile = res.data.member as Profile;
    // Listed and counted (a badge is no secret), but the reason is the badge's description.
    expect(profile.badgeCounts).toEqual({ gold: 1, silver: 1, bronze: 6 });
    expect(badgeOf(profile, 'first-question')).toEqual({
      badge: { key: 'first-question' },
      count: 1,
      reason: 'Asked a first question.',
      postId: null,
    });
    expect(badgeOf(profile, 'first-answer')).toMatchObject({
      reason: 'Answered a question for the first time.',
      postId: null,
    });
    expect(badgeOf(profile, 'quick-draw')).toMatchObject({
      reason: 'An answer posted within 5 minutes of the question was accepted.',
      postId: null,
    });
    expect(badgeOf(profile, 'nice-answer')).toMatchObject({
      count: 1,
      reason: 'An answer scored 10 or more. Earned for every such answer.',
      postId: null,
    });
    expect(badgeOf(profile, 'staff-pick')).toMatchObject({
      count: 1,
      reason: 'Staff picked an answer as exemplary. Earned for every picked answer.',
      postId: null,
    });
    // The latest Solution is the public one: shown as it is.
    expect(badgeOf(profile, 'solution')).toMatchObject({
      count: 2,
      reason: `Accepted as the solution to “${public_.title}”`,
      postId: public_.answerId,
    });
    expect(badgeOf(profile, 'advocate')).toMatchObject({ reason: 'Made an advocate', postId: null });
    expect(profile.badges.map((b) => b.postId).filter((id) => id !== null)).toEqual([public_.answerId]);
    expect(bodies.join()).not.toContain('Quokka');
  });

  it('sees every reputation entry (the points add up) but no post or thread of the lounge', async () => {
    const { gql, bodies } = recorder(viewerOf());
    const profile = (await gql(PROFILE, { handle: earner.handle })).data.member as Profile;
    const entries = history(profile);
    const ledger = await api.sql<{ kind: string; points: number; thread_id: number | null }>(
      'select kind, points, thread_id from reputation_events where member_id = $1 order by id desc',
      [earner.id],
    );
    expect(entries.map((e) => [e.kind, e.points])).toEqual(ledger.map((r) => [r.kind, r.points]));
    expect(entries.reduce((sum, e) => sum + e.points, 0)).toBe(profile.reputation);
    const hidden = [asked.id, answered.id].map(Number);
    const inLounge = ledger.map((r) => r.thread_id !== null && hidden.includes(r.thread_id));
    expect(inLounge.filter(Boolean).length).toBeGreaterThanOrEqual(13); // 11 upvotes, the accept, the pick
    entries.forEach((e, i) => {
      if (inLounge[i]) expect(e).toMatchObject({ postId: null, threadId: null });
      else if (ledger[i]!.thread_id !== null) expect(e.threadId).toBe(public_.id);
    });
    expect(entries.some((e) => e.threadId === public_.id && e.postId === public_.answerId)).toBe(true);

    // The colleague's side of the lounge accept is masked too.
    const colleagueHistory = history((await gql(PROFILE, { handle: colleague.handle })).data.member as Profile);
    expect(colleagueHistory.every((e) => e.threadId === null && e.postId === null)).toBe(true);
    expect(bodies.join()).not.toContain('Quokka');
  });

  it('does not find the lounge answer among the accepted answers', async () => {
    const { gql, bodies } = recorder(viewerOf());
    const profile = (await gql(PROFILE, { handle: earner.handle })).data.member as Profile;
    expect(profile.acceptedAnswers.edges.map((e) => e.node)).toEqual([
      { id: public_.answerId, thread: { id: public_.id, title: public_.title } },
    ]);
    expect(bodies.join()).not.toContain('Quokka');
  });

  it('finds no lounge threads, leaderboard or category: NOT_FOUND or empty, as if absent', async () => {
    const { gql, bodies } = recorder(viewerOf());
    for (const id of [asked.id, answered.id]) {
      const res = await gql(`query($id: ID!) { thread(id: $id) { id title } }`, { id });
      expect(res.data.thread).toBeNull();
      expect(res.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    }
    const absent = await gql(`query($id: ID!) { thread(id: $id) { id title } }`, { id: '987654321' });
    const hidden = await gql(`query($id: ID!) { thread(id: $id) { id title } }`, { id: answered.id });
    expect(hidden.errors?.map((e) => [e.message, e.extensions.code])).toEqual(
      absent.errors?.map((e) => [e.message, e.extensions.code]),
    );

    const LIST = `query($filter: ThreadFilterInput, $order: ThreadOrder) {
      threads(filter: $filter, first: 100, order: $order) { edges { node { id title } } }
    }`;
    for (const filter of [
      { categoryId: lounge.id },
      { categorySlug: lounge.slug },
      { authorHandle: earner.handle },
      { authorHandle: colleague.handle },
      null,
    ]) {
      for (const order of ['LATEST', 'NEWEST', 'TOP', 'UNANSWERED']) {
        const res = await gql(LIST, { filter, order });
        if (res.errors) {
          expect(res.errors[0]!.extensions.code).toBe('NOT_FOUND');
        } else {
          const ids = res.data.threads.edges.map((e: { node: { id: string } }) => e.node.id);
          expect(ids).not.toContain(asked.id);
          expect(ids).not.toContain(answered.id);
        }
      }
    }
    expect((await gql(LIST, { filter: { categoryId: lounge.id } })).data.threads.edges).toEqual([]);

    for (const period of ['WEEK', 'MONTH', 'ALL_TIME']) {
      for (const ranking of ['REPUTATION', 'SOLUTIONS']) {
        const res = await gql(
          `query($c: ID, $p: LeaderboardPeriod!, $r: LeaderboardRanking) {
            leaderboard(categoryId: $c, period: $p, ranking: $r) { rank points accepted member { handle } }
          }`,
          { c: lounge.id, p: period, r: ranking },
        );
        expect(res.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
        expect(res.data).toBeNull();
      }
    }

    const category = await gql(`query($slug: String!) { category(slug: $slug) { id name } }`, { slug: lounge.slug });
    expect(category.data?.category ?? null).toBeNull();
    const categories = await gql(`{ categories { id } }`);
    expect(categories.data.categories.map((c: { id: string }) => c.id)).not.toContain(lounge.id);
    expect(bodies.join()).not.toContain('Quokka');
  });

  it('cannot reach the lounge through mutations either: the same NOT_FOUND as a missing post or thread', async () => {
    const viewer = viewerOf();
    const { gql, bodies } = recorder(viewer);
    const viewThread = (id: string) => gql(`mutation($id: ID!) { recordThreadView(threadId: $id) }`, { id });
    expect((await viewThread(answered.id)).errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    if (viewer) {
      const vote = (postId: string) => gql(VOTE, { input: { postId, value: 'UP' } });
      const hidden = await vote(answered.answerId);
      const missing = await vote('987654321');
      expect(hidden.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
      expect(hidden.errors?.map((e) => e.message)).toEqual(missing.errors?.map((e) => e.message));
      const reply = await gql(`mutation($input: PostReplyInput!) { postReply(input: $input) { id } }`, {
        input: { threadId: answered.id, body: 'Trying to reply where I may not read anything at all.' },
      });
      expect(reply.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
      const accept = await gql(ACCEPT, { id: answered.answerId });
      expect(accept.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
      const ask = await gql(`mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`, {
        input: {
          categoryId: lounge.id,
          title: 'Can I ask in here please?',
          body: 'Trying to ask where I may not.',
          tags: [],
        },
      });
      expect(ask.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    }
    const [row] = await api.sql<{ view_count: number }>('select view_count from threads where id = $1', [answered.id]);
    expect(row!.view_count).toBe(0);
    expect(bodies.join()).not.toContain('Quokka');
  });
});

describe.each(INSIDERS)('%s', (_label, viewerOf) => {
  it('sees the lounge badges with their reasons and posts', async () => {
    const res = await api.gql(PROFILE, { handle: earner.handle }, as(viewerOf()));
    expect(res.errors).toBeUndefined();
    const profile = res.data.member as Profile;
    expect(profile.badgeCounts).toEqual({ gold: 1, silver: 1, bronze: 6 });
    expect(badgeOf(profile, 'first-question')).toEqual({
      badge: { key: 'first-question' },
      count: 1,
      reason: `Asked “${ASKED}”`,
      postId: null,
    });
    expect(badgeOf(profile, 'first-answer')).toMatchObject({ reason: `Answered “${ANSWERED}”`, postId: null });
    expect(badgeOf(profile, 'quick-draw')).toMatchObject({
      reason: `Answered “${ANSWERED}” within 5 minutes, and it was accepted`,
    });
    expect(badgeOf(profile, 'nice-answer')).toMatchObject({
      reason: `Answer scored 10 or more on “${ANSWERED}”`,
      postId: answered.answerId,
    });
    expect(badgeOf(profile, 'staff-pick')).toMatchObject({
      reason: `Answer to “${ANSWERED}” picked by staff`,
      postId: answered.answerId,
    });
    expect(badgeOf(profile, 'solution')).toMatchObject({ count: 2, postId: public_.answerId });
  });

  it('sees the lounge posts and threads in the reputation history and accepted answers', async () => {
    const profile = (await api.gql(PROFILE, { handle: earner.handle }, as(viewerOf()))).data.member as Profile;
    const ledger = await api.sql<{ post_id: number | null; thread_id: number | null }>(
      'select post_id, thread_id from reputation_events where member_id = $1 order by id desc',
      [earner.id],
    );
    expect(history(profile).map((e) => [e.postId, e.threadId])).toEqual(
      ledger.map((r) => [r.post_id && String(r.post_id), r.thread_id && String(r.thread_id)]),
    );
    expect(history(profile).filter((e) => e.threadId === answered.id)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'ANSWER_ACCEPTED', postId: answered.answerId }),
        expect.objectContaining({ kind: 'ANSWER_UPVOTED', postId: answered.answerId }),
        expect.objectContaining({ kind: 'STAFF_PICK', postId: answered.answerId }),
      ]),
    );
    expect(history(profile)).toContainEqual(
      expect.objectContaining({ kind: 'QUESTION_UPVOTED', postId: asked.questionId, threadId: asked.id }),
    );
    expect(profile.acceptedAnswers.edges.map((e) => e.node).sort((a, b) => Number(a.id) - Number(b.id))).toEqual(
      [
        { id: answered.answerId, thread: { id: answered.id, title: ANSWERED } },
        { id: public_.answerId, thread: { id: public_.id, title: public_.title } },
      ].sort((a, b) => Number(a.id) - Number(b.id)),
    );
  });

  it('reads the lounge: its threads, its leaderboard, its category', async () => {
    const viewer = viewerOf();
    const thread = await api.gql(`query($id: ID!) { thread(id: $id) { id title } }`, { id: answered.id }, as(viewer));
    expect(thread.data.thread).toEqual({ id: answered.id, title: ANSWERED });
    const list = await api.gql(
      `query($c: ID!) { threads(filter: { categoryId: $c }, first: 10) { edges { node { id title } } } }`,
      { c: lounge.id },
      as(viewer),
    );
    expect(list.data.threads.edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual(
      [asked.id, answered.id].sort(),
    );
    const board = await api.gql(
      `query($c: ID) { leaderboard(categoryId: $c, period: ALL_TIME) { rank points member { handle } } }`,
      { c: lounge.id },
      as(viewer),
    );
    expect(board.errors).toBeUndefined();
    expect(board.data.leaderboard[0]).toMatchObject({ rank: 1, member: { handle: earner.handle } });
    expect(board.data.leaderboard[0].points).toBeGreaterThan(100);
    const solutions = await api.gql(
      `query($c: ID) { leaderboard(categoryId: $c, period: ALL_TIME, ranking: SOLUTIONS) { accepted member { handle } } }`,
      { c: lounge.id },
      as(viewer),
    );
    expect(solutions.data.leaderboard).toEqual([{ accepted: 1, member: { handle: earner.handle } }]);
    const category = await api.gql(`query($s: String!) { category(slug: $s) { id } }`, { s: lounge.slug }, as(viewer));
    expect(category.data.category).toEqual({ id: lounge.id });
  });
});

describe('the earner', () => {
  it('sees the lounge in their badge notifications while an advocate, and no longer once access is revoked', async () => {
    const NOTIFICATIONS = `{ notifications(first: 50) { edges { node { kind message thread { id title } } } } }`;
    const PROFILE_OWN = `query($h: String!) { member(handle: $h) { badges { badge { key } reason postId } } }`;
    const badgeNotifications = async () => {
      const res = await api.gql(NOTIFICATIONS, {}, as(earner));
      expect(res.errors).toBeUndefined();
      return (res.data.notifications.edges as { node: { kind: string; thread: { id: string } | null } }[])
        .map((e) => e.node)
        .filter((n) => n.kind === 'BADGE_AWARDED');
    };
    // The fan-out runs after commit: wait for the two badges earned in the lounge.
    const threadsOf = async () => new Set((await badgeNotifications()).flatMap((n) => (n.thread ? [n.thread.id] : [])));
    await expect
      .poll(async () => [...(await threadsOf())].filter((id) => id === asked.id || id === answered.id).sort())
      .toEqual([answered.id, asked.id].sort());

    await ok(
      api.gql(REVOKE, { input: { memberId: earner.id, reason: 'Stepped back from the programme' } }, as(moderator)),
    );
    const res = await api.gql(NOTIFICATIONS, {}, as(earner));
    expect(res.errors).toBeUndefined();
    // What leads into the lounge is left out, as if it had never been.
    const after = await threadsOf();
    expect(after.has(asked.id) || after.has(answered.id)).toBe(false);
    const own = await api.gql(PROFILE_OWN, { h: earner.handle }, as(earner));
    expect(own.data.member.badges.find((b: { badge: { key: string } }) => b.badge.key === 'nice-answer')).toMatchObject(
      { postId: null },
    );
    const history = await api.gql(
      `query($h: String!) { member(handle: $h) { reputationHistory(first: 100) { edges { node { threadId } } } } }`,
      { h: earner.handle },
      as(earner),
    );
    const threadIds = history.data.member.reputationHistory.edges.map(
      (e: { node: { threadId: string } }) => e.node.threadId,
    );
    expect(threadIds).not.toContain(answered.id);
    expect(threadIds).not.toContain(asked.id);
    expect(JSON.stringify([res, own, history].map((r) => r.data))).not.toContain('Quokka');
  });
});
