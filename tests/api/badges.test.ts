import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bootstrap } from '../../api/src/bootstrap.js';
import { loadConfig } from '../../api/src/config.js';
import { backfillBadges, grantForTrigger } from '../../api/src/modules/badges/badge-granter.js';
import { awardBadges, badgeCandidates } from '../../api/src/modules/badges/subscribers/award-badges.js';
import type { EventName } from '../../api/src/platform/events/events.js';
import {
  buildMember,
  buildReply,
  buildThread,
  firstCategoryId,
  QUESTION_BODY,
  type TestMember,
} from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// Badges (PRODUCT.md capability 2): set-based rules granted by the badge subscriber after the
// domain events of actions commit, or by the backfill over all data; badge_awards' uniqueness
// makes every path idempotent.
//
// A worker takes one job per poll (0.5 s in tests), so each group of tests has a database and
// worker of its own and the groups run concurrently; the tests inside a group run in turn.
// Data a test only needs as a starting point is written with SQL (no action, so no job); the
// action under test goes through the API.
let api: TestApi; // asking, answering, advocates, badge notifications, jobs sent by hand
let accepts: TestApi; // accepted answers
let votes: TestApi; // votes
let quiet: TestApi; // JOBS_WORKER=off: the backfill and the granter, with no job racing them
let web: TestApi; // JOBS_WORKER=off, as a web-only replica: its jobs wait for a worker
beforeAll(async () => {
  [api, accepts, votes, quiet, web] = await Promise.all([
    startTestApi(),
    startTestApi(),
    startTestApi(),
    startTestApi({ JOBS_WORKER: 'off' }),
    startTestApi({ JOBS_WORKER: 'off' }),
  ]);
});
afterAll(async () => {
  await Promise.all([api?.close(), accepts?.close(), votes?.close(), quiet?.close(), web?.close()]);
});

const unique = () => randomBytes(4).toString('hex');

const MEMBER_BADGES = `query($handle: String!) {
  member(handle: $handle) { badges { badge { key } count reason postId } badgeCounts { gold silver bronze } }
}`;
async function badgesOf(a: TestApi, m: TestMember) {
  const res = await a.gql(MEMBER_BADGES, { handle: m.handle });
  expect(res.errors).toBeUndefined();
  return res.data.member as {
    badges: { badge: { key: string }; count: number; reason: string; postId: string | null }[];
    badgeCounts: { gold: number; silver: number; bronze: number };
  };
}

interface AwardRow {
  id: string;
  badge: string;
  post_id: number | null;
  reason: string;
  seen_at: Date | null;
}
function awards(a: TestApi, m: Pick<TestMember, 'id'>, badge?: string): Promise<AwardRow[]> {
  return a.sql<AwardRow>(
    `select id::text, badge, post_id, reason, seen_at from badge_awards
      where member_id = $1 and ($2::text is null or badge = $2) order by id`,
    [m.id, badge ?? null],
  );
}

/** Waits (up to 10 s) until the member holds `count` awards of `badge`. */
function waitForAwards(a: TestApi, m: TestMember, badge: string, count = 1): Promise<AwardRow[]> {
  return vi.waitFor(
    async () => {
      const rows = await awards(a, m, badge);
      expect(rows.length).toBeGreaterThanOrEqual(count);
      return rows;
    },
    { timeout: 10_000, interval: 100 },
  );
}

/** Waits until the badge subscriber has passed every event recorded so far: all were evaluated. */
function drained(a: TestApi): Promise<void> {
  return vi.waitFor(
    async () => {
      const [row] = await a.sql<{ n: number }>(
        `select count(*)::int as n from domain_events e, event_subscriptions s
          where s.subscriber = 'badges.award' and (e.tx, e.id) > (s.position_tx, s.position_id)`,
      );
      expect(row!.n).toBe(0);
    },
    { timeout: 10_000, interval: 100 },
  );
}

/**
 * The badge checks an action caused for a member, oldest first: the events that the badge
 * subscriber evaluates for them ('completed' once it has passed them, 'created' before).
 */
async function badgeJobs(a: TestApi, m: TestMember) {
  const rows = await a.sql<{ id: string; name: EventName; data: unknown; delivered: boolean }>(
    `select e.id, e.name, e.data, (e.tx, e.id) <= (s.position_tx, s.position_id) as delivered
       from domain_events e, event_subscriptions s
      where s.subscriber = 'badges.award' and e.name = any($2::text[])
        and (e.subject = $1 or e.related @> array[$1]) order by e.id`,
    [`member:${m.id}`, awardBadges.events],
  );
  return rows
    .map((e) => ({
      state: e.delivered ? 'completed' : 'created',
      data: { trigger: e.name, memberIds: badgeCandidates(e) },
    }))
    .filter((j) => j.data.memberIds.includes(Number(m.id)));
}

interface Prepared {
  id: string;
  title: string;
  answerIds: string[];
}

/**
 * Setup written directly: a thread asked by `asker` (`askedAgo` before now) with one answer per
 * `answerers`, posted now in that order; the first is accepted when `accept`. No action runs,
 * so no badge job is enqueued: only the action under test earns badges.
 */
async function insertThread(
  a: TestApi,
  asker: TestMember,
  answerers: TestMember[],
  opts: { accept?: boolean; askedAgo?: string } = {},
): Promise<Prepared> {
  const title = `Prepared question ${unique()}`;
  const ago = opts.askedAgo ?? '0 seconds';
  const [thread] = await a.sql<{ id: number }>(
    `insert into threads (category_id, author_id, title, reply_count, created_at, last_activity_at)
     values ($1, $2, $3, $4, now() - $5::interval, now()) returning id`,
    [await firstCategoryId(a), asker.id, title, answerers.length, ago],
  );
  const [question] = await a.sql<{ id: number }>(
    `insert into posts (thread_id, author_id, is_question, body, body_html, created_at)
     values ($1, $2, true, 'Prepared question body', '<p>Prepared question body</p>', now() - $3::interval)
     returning id`,
    [thread!.id, asker.id, ago],
  );
  const answerIds: string[] = [];
  for (const answerer of answerers) {
    const [answer] = await a.sql<{ id: number }>(
      `insert into posts (thread_id, author_id, body, body_html)
       values ($1, $2, 'Prepared answer body', '<p>Prepared answer body</p>') returning id`,
      [thread!.id, answerer.id],
    );
    answerIds.push(String(answer!.id));
  }
  const accepted = opts.accept ? answerIds[0]! : null;
  await a.sql(
    `update threads set question_post_id = $2, accepted_post_id = $3,
            status = case when $3::int is null then 'OPEN' else 'ANSWERED' end
      where id = $1`,
    [thread!.id, question!.id, accepted],
  );
  return { id: String(thread!.id), title, answerIds };
}

const ask = async (a: TestApi, m: TestMember, title: string) =>
  a.gql(
    `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`,
    { input: { categoryId: await firstCategoryId(a), title, body: QUESTION_BODY, tags: [] } },
    { token: m.token, ip: m.ip },
  );
const accept = (a: TestApi, m: TestMember, postId: string) =>
  a.gql(`mutation($id: ID!) { acceptAnswer(postId: $id) { id status } }`, { id: postId }, { token: m.token });
const VOTE = `mutation($input: VoteInput!) { vote(input: $input) { score } }`;
const upvote = (a: TestApi, m: TestMember, postId: string) =>
  a.gql(VOTE, { input: { postId, value: 'UP' } }, { token: m.token });
async function upvoteAll(a: TestApi, voters: TestMember[], postId: string) {
  const results = await Promise.all(voters.map((v) => upvote(a, v, postId)));
  expect(results.filter((r) => r.errors)).toEqual([]);
}
const members = (a: TestApi, n: number) => Promise.all(Array.from({ length: n }, () => buildMember(a)));

describe('asking and answering', { concurrent: true }, () => {
  it.sequential('First Question after asking and First Answer after replying, each earned once', async () => {
    const [asker, answerer] = await members(api, 2);
    expect(await badgesOf(api, asker)).toEqual({ badges: [], badgeCounts: { gold: 0, silver: 0, bronze: 0 } });

    const title = `How do I rotate the sync tokens ${unique()}?`;
    const first = await buildThread(api, asker, { title });
    await waitForAwards(api, asker, 'first-question');
    expect(await awards(api, answerer)).toEqual([]);

    await buildReply(api, answerer, first.id);
    await waitForAwards(api, answerer, 'first-answer');

    // A second question and a second answer evaluate the same rules again: still one award each.
    const second = await buildThread(api, asker);
    await buildReply(api, answerer, second.id);
    await drained(api);

    expect(await badgesOf(api, asker)).toEqual({
      badges: [{ badge: { key: 'first-question' }, count: 1, reason: `Asked “${title}”`, postId: null }],
      badgeCounts: { gold: 0, silver: 0, bronze: 1 },
    });
    expect(await badgesOf(api, answerer)).toEqual({
      badges: [{ badge: { key: 'first-answer' }, count: 1, reason: `Answered “${title}”`, postId: null }],
      badgeCounts: { gold: 0, silver: 0, bronze: 1 },
    });
    expect((await awards(api, asker)).map((r) => r.badge)).toEqual(['first-question']);
    expect((await awards(api, answerer)).map((r) => r.badge)).toEqual(['first-answer']);
  });

  it.sequential('badges lists every definition with its holders; flags are not awardable yet', async () => {
    const res = await api.gql(`{ badges { key name tier perPost awardable holders } }`);
    expect(res.errors).toBeUndefined();
    const list = res.data.badges as {
      key: string;
      name: string;
      tier: string;
      perPost: boolean;
      awardable: boolean;
      holders: number;
    }[];
    // Gold first, then silver, then bronze; definition order within a tier.
    expect(list.map((b) => [b.key, b.tier, b.perPost, b.awardable])).toEqual([
      ['guru', 'GOLD', false, true],
      ['great-answer', 'GOLD', true, true],
      ['advocate', 'GOLD', false, true],
      ['knowledge-contributor', 'GOLD', true, true],
      ['problem-solver', 'SILVER', false, true],
      ['good-answer', 'SILVER', true, true],
      ['necromancer', 'SILVER', true, true],
      ['staff-pick', 'SILVER', true, true],
      ['first-question', 'BRONZE', false, true],
      ['first-answer', 'BRONZE', false, true],
      ['solution', 'BRONZE', true, true],
      ['nice-answer', 'BRONZE', true, true],
      ['quick-draw', 'BRONZE', false, true],
      ['helpful-flagger', 'BRONZE', false, true],
    ]);
    const byKey = new Map(list.map((b) => [b.key, b]));
    expect(byKey.get('helpful-flagger')).toMatchObject({ name: 'Helpful Flagger', awardable: true, holders: 0 });
    // Holders are live counts of distinct members.
    const holders = await api.sql<{ badge: string; n: number }>(
      'select badge, count(distinct member_id)::int as n from badge_awards group by badge',
    );
    for (const b of list) expect(b.holders).toBe(holders.find((h) => h.badge === b.key)?.n ?? 0);
  });

  it.sequential('a new award becomes a BADGE_AWARDED notification (the notices banner is gone)', async () => {
    const member = await buildMember(api);
    const badgeNotifications = async () => {
      const res = await api.gql(
        `{ notifications(first: 20) { edges { node { kind message thread { id } readAt } } } }`,
        {},
        { token: member.token },
      );
      expect(res.errors).toBeUndefined();
      return (
        res.data.notifications.edges as { node: { kind: string; message: string; thread: { id: string } | null } }[]
      )
        .map((e) => e.node)
        .filter((n) => n.kind === 'BADGE_AWARDED');
    };
    expect(await badgeNotifications()).toEqual([]);
    expect((await api.gql(`{ notices { badges { id } } }`)).errors?.[0]?.extensions?.code).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );

    const thread = await buildThread(api, member);
    await waitForAwards(api, member, 'first-question');
    await vi.waitFor(async () => expect(await badgeNotifications()).toHaveLength(1), { timeout: 10_000 });
    expect(await badgeNotifications()).toEqual([
      {
        kind: 'BADGE_AWARDED',
        message: 'You earned the badge “First Question”',
        thread: { id: thread.id },
        readAt: null,
      },
    ]);

    await buildReply(api, member, thread.id);
    await waitForAwards(api, member, 'first-answer');
    await vi.waitFor(async () => expect(await badgeNotifications()).toHaveLength(2), { timeout: 10_000 });
    expect((await badgeNotifications())[0]!.message).toBe('You earned the badge “First Answer”');
  });

  it.sequential('Advocate is earned when staff make a member an advocate', async () => {
    const [moderator, member] = await Promise.all([buildMember(api, { role: 'MODERATOR' }), buildMember(api)]);
    const res = await api.gql(
      `mutation($input: GrantAdvocateInput!) { grantAdvocate(input: $input) { id isAdvocate } }`,
      { input: { memberId: member.id, reason: 'Answers carefully every week' } },
      { token: moderator.token },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.grantAdvocate.isAdvocate).toBe(true);
    const [award] = await waitForAwards(api, member, 'advocate');
    expect(award).toMatchObject({ post_id: null, reason: 'Made an advocate', seen_at: null });
    expect(await badgesOf(api, member)).toEqual({
      badges: [{ badge: { key: 'advocate' }, count: 1, reason: 'Made an advocate', postId: null }],
      badgeCounts: { gold: 1, silver: 0, bronze: 0 },
    });
  });

  it.sequential('the same badge event delivered twice awards once, unseen', async () => {
    const member = await buildMember(api);
    await buildThread(api, member);
    await waitForAwards(api, member, 'first-question');
    await drained(api);
    // Delivered again from the thread's event on (a replay), and handled twice at once.
    const [event] = await api.sql<{ id: string }>(
      `select id::text from domain_events where name = 'thread.created' and subject like 'thread:%'
          and related @> array[$1] order by id desc limit 1`,
      [`member:${member.id}`],
    );
    await Promise.all([
      api.app.services.events.replay('badges.award', event!.id),
      grantForTrigger(api.app.services.orm.em.fork(), 'thread.created', [Number(member.id)]),
      grantForTrigger(api.app.services.orm.em.fork(), 'thread.created', [Number(member.id)]),
    ]);
    await drained(api);
    expect((await badgeJobs(api, member)).map((j) => j.state)).toEqual(['completed']);
    const rows = await awards(api, member);
    expect(rows).toEqual([expect.objectContaining({ badge: 'first-question', seen_at: null })]);
  });
});

describe('accepted answers', { concurrent: true }, () => {
  it.sequential(
    'Solution for every accepted answer, and Quick Draw once for an answer accepted within 5 minutes',
    async () => {
      const [asker, solver] = await members(accepts, 2);
      const first = await insertThread(accepts, asker, [solver]);
      const second = await insertThread(accepts, asker, [solver]);

      expect((await accept(accepts, asker, first.answerIds[0]!)).errors).toBeUndefined();
      const [solution] = await waitForAwards(accepts, solver, 'solution');
      expect(solution).toMatchObject({
        post_id: Number(first.answerIds[0]),
        reason: `Accepted as the solution to “${first.title}”`,
      });
      const [quickDraw] = await waitForAwards(accepts, solver, 'quick-draw');
      expect(quickDraw).toMatchObject({
        post_id: null,
        reason: `Answered “${first.title}” within 5 minutes, and it was accepted`,
      });

      expect((await accept(accepts, asker, second.answerIds[0]!)).errors).toBeUndefined();
      const solutions = await waitForAwards(accepts, solver, 'solution', 2);
      await drained(accepts);
      expect(solutions.map((r) => r.post_id)).toEqual([Number(first.answerIds[0]), Number(second.answerIds[0])]);
      expect(await awards(accepts, solver, 'quick-draw')).toHaveLength(1);
      const { badges } = await badgesOf(accepts, solver);
      expect(badges.find((b) => b.badge.key === 'solution')).toEqual({
        badge: { key: 'solution' },
        count: 2,
        reason: `Accepted as the solution to “${second.title}”`,
        postId: second.answerIds[0],
      });
    },
  );

  it.sequential('accepting your own answer earns neither Solution nor Quick Draw', async () => {
    const asker = await buildMember(accepts);
    const thread = await insertThread(accepts, asker, [asker]);
    expect((await accept(accepts, asker, thread.answerIds[0]!)).errors).toBeUndefined();
    expect(await badgeJobs(accepts, asker)).toHaveLength(1);
    await drained(accepts);
    expect(await awards(accepts, asker)).toEqual([]);
  });

  it.sequential('no Quick Draw when the accepted answer came more than 5 minutes after the question', async () => {
    const [asker, solver] = await members(accepts, 2);
    const thread = await insertThread(accepts, asker, [solver], { askedAgo: '10 minutes' });
    expect((await accept(accepts, asker, thread.answerIds[0]!)).errors).toBeUndefined();
    await waitForAwards(accepts, solver, 'solution');
    await drained(accepts);
    expect((await awards(accepts, solver)).map((r) => r.badge)).toEqual(['solution']);
  });

  it.sequential('Problem Solver at 10 accepted answers, not at 9', async () => {
    const solver = await buildMember(accepts);
    const askers = await members(accepts, 10);
    // Eight answers accepted before (setup); the 9th and 10th are accepted through the API.
    const threads: Prepared[] = [];
    for (const [i, asker] of askers.entries()) {
      threads.push(await insertThread(accepts, asker, [solver], { accept: i < 8 }));
    }
    expect((await accept(accepts, askers[8]!, threads[8]!.answerIds[0]!)).errors).toBeUndefined();
    await waitForAwards(accepts, solver, 'solution', 9);
    await drained(accepts);
    expect(await awards(accepts, solver, 'problem-solver')).toEqual([]);

    expect((await accept(accepts, askers[9]!, threads[9]!.answerIds[0]!)).errors).toBeUndefined();
    const [award] = await waitForAwards(accepts, solver, 'problem-solver');
    expect(award).toMatchObject({ post_id: null, reason: '10 answers accepted as solutions' });
    await drained(accepts);
    expect(await awards(accepts, solver, 'solution')).toHaveLength(10);
    expect(await awards(accepts, solver, 'guru')).toEqual([]);
    expect((await badgesOf(accepts, solver)).badgeCounts).toEqual({ gold: 0, silver: 1, bronze: 11 });
  });
});

describe('votes', { concurrent: true }, () => {
  let voterPool: Promise<TestMember[]> | undefined;
  const tenVoters = () => (voterPool ??= members(votes, 10));

  it.sequential('Nice Answer when an answer reaches 10, not at 9, once per answer', async () => {
    const [[asker, answerer], voters] = await Promise.all([members(votes, 2), tenVoters()]);
    const first = await insertThread(votes, asker, [answerer]);
    const second = await insertThread(votes, asker, [answerer]);

    // At 9 the check (what the job runs) awards nothing.
    await upvoteAll(votes, voters.slice(0, 9), first.answerIds[0]!);
    expect(await grantForTrigger(votes.app.services.orm.em.fork(), 'post.voted', [Number(answerer.id)])).toBe(0);
    expect(await awards(votes, answerer)).toEqual([]);

    await upvoteAll(votes, voters.slice(9), first.answerIds[0]!);
    const [nice] = await waitForAwards(votes, answerer, 'nice-answer');
    expect(nice).toMatchObject({
      post_id: Number(first.answerIds[0]),
      reason: `Answer scored 10 or more on “${first.title}”`,
    });

    await upvoteAll(votes, voters, second.answerIds[0]!);
    const both = await waitForAwards(votes, answerer, 'nice-answer', 2);
    await drained(votes);
    expect(both.map((r) => r.post_id)).toEqual([Number(first.answerIds[0]), Number(second.answerIds[0])]);
    // A vote enqueues a check only when it crosses a threshold: 5 (Necromancer's) and 10 on each answer.
    expect(await badgeJobs(votes, answerer)).toHaveLength(4);
    expect((await badgesOf(votes, answerer)).badges).toEqual([
      {
        badge: { key: 'nice-answer' },
        count: 2,
        reason: `Answer scored 10 or more on “${second.title}”`,
        postId: second.answerIds[0],
      },
    ]);
    expect(await awards(votes, answerer, 'good-answer')).toEqual([]);
  });

  it.sequential(
    'Necromancer for the first answer 60 days after the question once it scores 5, not for a later or sooner one',
    async () => {
      const [[asker, necro, earlier], voters] = await Promise.all([
        members(votes, 3),
        tenVoters().then((all) => all.slice(0, 5)),
      ]);
      const revived = await insertThread(votes, asker, [necro], { askedAgo: '61 days' });
      const alreadyAnswered = await insertThread(votes, asker, [earlier, necro], { askedAgo: '61 days' });
      const tooSoon = await insertThread(votes, asker, [necro], { askedAgo: '59 days' });

      // At 4 the check (what the job runs) awards nothing.
      await upvoteAll(votes, voters.slice(0, 4), revived.answerIds[0]!);
      expect(await grantForTrigger(votes.app.services.orm.em.fork(), 'post.voted', [Number(necro.id)])).toBe(0);
      expect(await awards(votes, necro)).toEqual([]);

      await Promise.all([
        upvoteAll(votes, voters.slice(4), revived.answerIds[0]!),
        upvoteAll(votes, voters, alreadyAnswered.answerIds[1]!),
        upvoteAll(votes, voters, tooSoon.answerIds[0]!),
      ]);
      await waitForAwards(votes, necro, 'necromancer');
      await drained(votes);
      expect(await badgeJobs(votes, necro)).toHaveLength(3);
      expect(await awards(votes, necro)).toEqual([
        expect.objectContaining({
          badge: 'necromancer',
          post_id: Number(revived.answerIds[0]),
          reason: `Revived “${revived.title}” after 60 days without an answer`,
        }),
      ]);
    },
  );
});

describe('the granter and the backfill', { concurrent: true }, () => {
  const em = () => quiet.app.services.orm.em.fork();
  const backfill = () => backfillBadges(em());
  const countAwards = async () => (await quiet.sql<{ n: number }>('select count(*)::int as n from badge_awards'))[0]!.n;

  it.sequential('granting a trigger twice awards once', async () => {
    const member = await buildMember(quiet);
    await insertThread(quiet, member, []);
    expect(await grantForTrigger(em(), 'thread.created', [Number(member.id)])).toBe(1);
    expect(await grantForTrigger(em(), 'thread.created', [Number(member.id)])).toBe(0);
    expect(await awards(quiet, member)).toEqual([expect.objectContaining({ badge: 'first-question', seen_at: null })]);
  });

  it.sequential('the backfill awards only what is missing, silently, and nothing when run again', async () => {
    const [asker, answerer] = await members(quiet, 2);
    const thread = await buildThread(quiet, asker); // its job is queued: no worker runs here
    await buildReply(quiet, answerer, thread.id);
    expect(await grantForTrigger(em(), 'thread.created', [Number(asker.id)])).toBe(1); // as its job would
    const [announced] = await awards(quiet, asker);

    const before = await countAwards();
    const awarded = await backfill();
    expect(awarded).toBeGreaterThan(0);
    expect(await countAwards()).toBe(before + awarded);
    expect(await awards(quiet, asker)).toEqual([announced]); // untouched: still once, still unseen
    expect(announced!.seen_at).toBeNull();
    const [silent] = await awards(quiet, answerer);
    expect(silent).toMatchObject({ badge: 'first-answer', reason: `Answered “${thread.title}”` });
    expect(silent!.seen_at).not.toBeNull();
    // Not announced: no badge.awarded event, so no notification follows.
    expect(
      await quiet.sql(`select 1 from domain_events where name = 'badge.awarded' and data->>'memberId' = $1`, [
        answerer.id,
      ]),
    ).toEqual([]);

    expect(await backfill()).toBe(0);
    expect(await countAwards()).toBe(before + awarded);
  });

  it.sequential('Guru at 50 accepted answers, not at 49', async () => {
    const [asker, solver] = await members(quiet, 2);
    for (let i = 0; i < 49; i++) await insertThread(quiet, asker, [solver], { accept: true });
    await backfill();
    expect(await awards(quiet, solver, 'solution')).toHaveLength(49);
    expect(await awards(quiet, solver, 'problem-solver')).toHaveLength(1);
    expect(await awards(quiet, solver, 'guru')).toEqual([]);

    await insertThread(quiet, asker, [solver], { accept: true });
    expect(await backfill()).toBe(2); // the 50th Solution and Guru
    expect(await awards(quiet, solver, 'guru')).toEqual([
      expect.objectContaining({ post_id: null, reason: '50 answers accepted as solutions' }),
    ]);
    // Bronze: 50 Solutions, Quick Draw (the prepared answers came at once) and First Answer.
    expect((await badgesOf(quiet, solver)).badgeCounts).toEqual({ gold: 1, silver: 1, bronze: 52 });
  });

  it.sequential('Good Answer at score 25 (not 24) and Great Answer at 100 (not 99), per answer', async () => {
    const [asker, answerer] = await members(quiet, 2);
    const thread = await insertThread(quiet, asker, [answerer]);
    const answerId = Number(thread.answerIds[0]);
    const score = async (n: number) => {
      await quiet.sql('update posts set up_votes = $2, score = $2 where id = $1', [answerId, n]);
      await backfill();
      return (await awards(quiet, answerer))
        .filter((r) => r.badge.endsWith('-answer') && r.badge !== 'first-answer')
        .map((r) => [r.badge, r.post_id]);
    };
    expect(await score(24)).toEqual([['nice-answer', answerId]]);
    expect(await score(25)).toEqual([
      ['nice-answer', answerId],
      ['good-answer', answerId],
    ]);
    expect(await score(99)).toHaveLength(2);
    expect(await score(100)).toEqual([
      ['nice-answer', answerId],
      ['good-answer', answerId],
      ['great-answer', answerId],
    ]);
    const [great] = await awards(quiet, answerer, 'great-answer');
    expect(great!.reason).toBe(`Answer scored 100 or more on “${thread.title}”`);
  });

  it.sequential(
    'the backfill awards Staff Pick per picked answer (not self-picks), never Helpful Flagger',
    async () => {
      const [asker, answerer, staff] = await members(quiet, 3);
      const thread = await insertThread(quiet, asker, [answerer, staff]);
      const [picked, own] = thread.answerIds.map(Number);
      await quiet.sql('update posts set staff_picked_at = now(), staff_picked_by = $1 where id = any($2)', [
        staff.id,
        [picked, own],
      ]);
      await backfill();
      expect((await awards(quiet, answerer, 'staff-pick')).map((r) => r.post_id)).toEqual([picked]);
      expect(await awards(quiet, staff, 'staff-pick')).toEqual([]);
      expect(await backfill()).toBe(0);

      // A pick whose moderator's account is gone (staff_picked_by set null) still counts.
      const [asker2, answerer2] = await members(quiet, 2);
      const orphaned = Number((await insertThread(quiet, asker2, [answerer2])).answerIds[0]);
      await quiet.sql('update posts set staff_picked_at = now(), staff_picked_by = null where id = $1', [orphaned]);
      await backfill();
      expect((await awards(quiet, answerer2, 'staff-pick')).map((r) => r.post_id)).toEqual([orphaned]);

      const res = await quiet.gql(`{ badges { key awardable holders } }`);
      expect(res.data.badges.filter((b: { awardable: boolean }) => !b.awardable)).toEqual([]);
    },
  );
});

describe('badge events and the action transaction', { concurrent: true }, () => {
  it.sequential(
    'an action rolled back after recording its event leaves no event; one retried after a conflict leaves one',
    async () => {
      const member = await buildMember(web);
      // Fails the commit, after askQuestion has recorded its event: always for one title, once
      // (as a serialization failure, which the command retries) for another.
      await web.sql('create sequence badge_test_attempts');
      await web.sql(`create function badge_test_fail_commit() returns trigger language plpgsql as $$
      begin
        if new.title like 'Rolled back%' then raise exception 'refused at commit'; end if;
        if new.title like 'Retried%' and nextval('badge_test_attempts') = 1 then
          raise exception 'conflict at commit' using errcode = '40001';
        end if;
        return null;
      end $$`);
      await web.sql(`create constraint trigger badge_test_fail_commit after insert on threads
      deferrable initially deferred for each row execute function badge_test_fail_commit()`);
      const threads = () => web.sql('select title from threads where author_id = $1', [member.id]);
      try {
        // Refused before its transaction (validation): nothing to roll back, and no event.
        expect((await ask(web, member, '')).errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
        expect(await badgeJobs(web, member)).toEqual([]);

        const rolledBack = await ask(web, member, `Rolled back question ${unique()}`);
        expect(rolledBack.errors?.[0]?.extensions.code).toBe('INTERNAL_SERVER_ERROR');
        expect(await threads()).toEqual([]);
        expect(await badgeJobs(web, member)).toEqual([]);

        const title = `Retried question ${unique()}`;
        expect((await ask(web, member, title)).errors).toBeUndefined();
        expect(await threads()).toEqual([{ title }]);
        expect(await badgeJobs(web, member)).toEqual([
          { state: 'created', data: { trigger: 'thread.created', memberIds: [Number(member.id)] } },
        ]);
      } finally {
        await web.sql('drop trigger badge_test_fail_commit on threads');
        await web.sql('drop function badge_test_fail_commit()');
        await web.sql('drop sequence badge_test_attempts');
      }
    },
  );

  it.sequential(
    'a committed event waits for a subscriber, which may start later: after a crash, or on another replica',
    async () => {
      const member = await buildMember(web, { reputation: 0 }); // a new member: three threads on day one
      const thread = await buildThread(web, member);
      expect(await badgeJobs(web, member)).toEqual([
        { state: 'created', data: { trigger: 'thread.created', memberIds: [Number(member.id)] } },
      ]);
      // The first-day limit refuses the fourth question inside its transaction: no event for it.
      expect((await ask(web, member, `Second question ${unique()}`)).errors).toBeUndefined();
      expect((await ask(web, member, `Third question ${unique()}`)).errors).toBeUndefined();
      expect((await ask(web, member, `Fourth question ${unique()}`)).errors?.[0]?.extensions.code).toBe('RATE_LIMITED');
      expect((await badgeJobs(web, member)).map((j) => j.state)).toEqual(['created', 'created', 'created']);

      await new Promise((resolve) => setTimeout(resolve, 1000)); // two poll intervals
      expect(await awards(web, member)).toEqual([]);

      // No worker has ever run on this database. One starts now.
      const url = web.app.database.url;
      const worker = await bootstrap(
        loadConfig({
          NODE_ENV: 'test',
          DATABASE_URL: url,
          SEED_DEMO: 'never',
          LOG_LEVEL: 'error',
          JOBS_POLL_SECONDS: '0.5',
        }),
        { url },
      );
      try {
        const [award] = await waitForAwards(web, member, 'first-question');
        expect(award).toMatchObject({ reason: `Asked “${thread.title}”`, seen_at: null });
        await drained(web);
        expect((await badgeJobs(web, member)).map((j) => j.state)).toEqual(['completed', 'completed', 'completed']);
        expect(await awards(web, member)).toHaveLength(1);
      } finally {
        await worker.close();
      }
    },
  );
});
