import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildMember, buildReply, buildThread, type TestMember } from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// The reputation ledger (PRODUCT.md capability 2): every change is an event written with the
// action that causes it; totals equal ledger sums, under concurrency too.
let api: TestApi;
let capped: TestApi; // a small daily cap, to reach its boundary with a few votes
beforeAll(async () => {
  [api, capped] = await Promise.all([
    startTestApi(),
    startTestApi({ REPUTATION_RULES: JSON.stringify({ dailyVoteCap: 25 }) }),
  ]);
});
afterAll(async () => {
  await api?.close();
  await capped?.close();
});

const VOTE = `mutation($input: VoteInput!) { vote(input: $input) { id score viewerVote } }`;
const vote = (a: TestApi, m: TestMember, postId: string, value: string) =>
  a.gql(VOTE, { input: { postId, value } }, { token: m.token });
const accept = (a: TestApi, m: TestMember, postId: string) =>
  a.gql(`mutation($id: ID!) { acceptAnswer(postId: $id) { id status } }`, { id: postId }, { token: m.token });
const unaccept = (a: TestApi, m: TestMember, threadId: string) =>
  a.gql(`mutation($id: ID!) { unacceptAnswer(threadId: $id) { id status } }`, { id: threadId }, { token: m.token });

/**
 * Reputation earned by the actions under test: the total less the factory's starting
 * ADJUSTMENT (members hold 125 so they may vote up and down).
 */
async function total(a: TestApi, m: TestMember): Promise<number> {
  const [row] = await a.sql<{ reputation: number }>(
    `select reputation - coalesce((select sum(points) from reputation_events
                                     where member_id = $1 and kind = 'ADJUSTMENT'), 0)::int as reputation
       from members where id = $1`,
    [m.id],
  );
  return row!.reputation;
}
async function ledger(a: TestApi, m: TestMember) {
  return a.sql<{ kind: string; points: number; uncapped_points: number | null; reverses_id: string | null }>(
    `select kind, points, uncapped_points, reverses_id from reputation_events
      where member_id = $1 and kind <> 'ADJUSTMENT' order by id`,
    [m.id],
  );
}
async function expectConsistent(a: TestApi) {
  const rows = await a.sql(
    `select m.id from members m left join (select member_id, sum(points)::int s from reputation_events group by 1) e
       on e.member_id = m.id where m.reputation <> coalesce(e.s, 0)`,
  );
  expect(rows).toEqual([]);
  // The daily cap's counters agree with the capped events of their day, and every day that
  // can still decide a credit (today, yesterday) with capped events has its counter.
  const counters = await a.sql(
    `select k.member_id, k.day from reputation_cap_days k
      where k.earned <> (select coalesce(sum(e.points), 0) from reputation_events e
                          where e.member_id = k.member_id and e.cap_day = k.day)`,
  );
  expect(counters).toEqual([]);
  const uncounted = await a.sql(
    `select e.member_id, e.cap_day from reputation_events e
      where e.cap_day >= (now() at time zone 'utc')::date - 1
        and not exists (select 1 from reputation_cap_days k where k.member_id = e.member_id and k.day = e.cap_day)`,
  );
  expect(uncounted).toEqual([]);
}

describe('votes write reputation events', () => {
  it('credits an answer upvote, reverses it on retraction, and charges a downvote to both sides', async () => {
    const [asker, answerer, voter] = await Promise.all([
      buildMember(api, { reputation: 125 }),
      buildMember(api, { reputation: 125 }),
      buildMember(api, { reputation: 125 }),
    ]);
    const thread = await buildThread(api, asker);
    const reply = await buildReply(api, answerer, thread.id);

    expect((await vote(api, voter, reply.id, 'UP')).errors).toBeUndefined();
    expect(await total(api, answerer)).toBe(10);
    expect((await vote(api, voter, reply.id, 'NONE')).errors).toBeUndefined();
    expect(await total(api, answerer)).toBe(0);
    expect((await vote(api, voter, reply.id, 'DOWN')).errors).toBeUndefined();
    expect(await total(api, answerer)).toBe(-2);
    expect(await total(api, voter)).toBe(-1);
    expect((await vote(api, voter, reply.id, 'UP')).errors).toBeUndefined();
    expect(await total(api, answerer)).toBe(10);
    expect(await total(api, voter)).toBe(0);

    const kinds = (await ledger(api, answerer)).map((e) => `${e.kind} ${e.points}`);
    expect(kinds).toEqual([
      'ANSWER_UPVOTED 10',
      'REVERSAL -10',
      'DOWNVOTE_RECEIVED -2',
      // down → up: the upvote is credited first (see applyVoteReputation), then the downvote undone
      'ANSWER_UPVOTED 10',
      'REVERSAL 2',
    ]);
    await expectConsistent(api);
  });

  it('credits a question upvote 5, and a question downvote costs the voter nothing', async () => {
    const [asker, voter] = await Promise.all([
      buildMember(api, { reputation: 125 }),
      buildMember(api, { reputation: 125 }),
    ]);
    const thread = await buildThread(api, asker);
    await vote(api, voter, thread.question.id, 'UP');
    expect(await total(api, asker)).toBe(5);
    await vote(api, voter, thread.question.id, 'DOWN');
    expect(await total(api, asker)).toBe(-2);
    expect(await total(api, voter)).toBe(0);
  });

  it('a refused vote writes no event', async () => {
    const [asker, voter] = await Promise.all([
      buildMember(api, { reputation: 125 }),
      buildMember(api, { reputation: 125 }),
    ]);
    const thread = await buildThread(api, asker);
    await vote(api, voter, thread.question.id, 'UP');
    const again = await vote(api, voter, thread.question.id, 'UP');
    expect(again.errors?.[0]?.extensions.code).toBe('CONFLICT');
    const own = await vote(api, asker, thread.question.id, 'UP');
    expect(own.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect(await ledger(api, asker)).toHaveLength(1);
    expect(await total(api, asker)).toBe(5);
  });
});

describe('the daily vote cap', () => {
  it('credits the crossing vote in part, then nothing, and reopens room when a capped vote is retracted', async () => {
    const [asker, answerer] = await Promise.all([
      buildMember(capped, { reputation: 125 }),
      buildMember(capped, { reputation: 125 }),
    ]);
    const voters = await Promise.all(Array.from({ length: 4 }, () => buildMember(capped, { reputation: 125 })));
    const thread = await buildThread(capped, asker);
    const reply = await buildReply(capped, answerer, thread.id);
    for (const v of voters) expect((await vote(capped, v, reply.id, 'UP')).errors).toBeUndefined();
    expect(await total(capped, answerer)).toBe(25);
    expect((await ledger(capped, answerer)).map((e) => [e.points, e.uncapped_points])).toEqual([
      [10, 10],
      [10, 10],
      [5, 10],
      [0, 10],
    ]);
    // Retracting the partly credited vote undoes exactly its 5 points, which today's cap gets back.
    await vote(capped, voters[2]!, reply.id, 'NONE');
    expect(await total(capped, answerer)).toBe(20);
    await vote(capped, voters[2]!, reply.id, 'UP');
    expect(await total(capped, answerer)).toBe(25);
    // Accepts are exempt from the cap.
    expect((await accept(capped, asker, reply.id)).errors).toBeUndefined();
    expect(await total(capped, answerer)).toBe(40);
    await expectConsistent(capped);
  });
});

describe('accepts write reputation events', () => {
  it('credits the answerer 15 and the asker 2, reverses both on unaccept and when another answer is accepted', async () => {
    const [asker, first, second] = await Promise.all([
      buildMember(api, { reputation: 125 }),
      buildMember(api, { reputation: 125 }),
      buildMember(api, { reputation: 125 }),
    ]);
    const thread = await buildThread(api, asker);
    const a = await buildReply(api, first, thread.id);
    const b = await buildReply(api, second, thread.id);
    expect((await accept(api, asker, a.id)).errors).toBeUndefined();
    expect([await total(api, first), await total(api, asker)]).toEqual([15, 2]);
    expect((await accept(api, asker, b.id)).errors).toBeUndefined();
    expect([await total(api, first), await total(api, second), await total(api, asker)]).toEqual([0, 15, 2]);
    expect((await unaccept(api, asker, thread.id)).errors).toBeUndefined();
    expect([await total(api, second), await total(api, asker)]).toEqual([0, 0]);
    await expectConsistent(api);
  });

  it('accepting your own answer earns nothing; a moderator accepting credits the answerer only', async () => {
    const [asker, answerer] = await Promise.all([
      buildMember(api, { reputation: 125 }),
      buildMember(api, { reputation: 125 }),
    ]);
    const moderator = await buildMember(api, { role: 'MODERATOR' });
    const thread = await buildThread(api, asker);
    const own = await buildReply(api, asker, thread.id);
    expect((await accept(api, asker, own.id)).errors).toBeUndefined();
    expect(await total(api, asker)).toBe(0);
    const other = await buildReply(api, answerer, thread.id);
    expect((await accept(api, moderator, other.id)).errors).toBeUndefined();
    expect([await total(api, answerer), await total(api, asker), await total(api, moderator)]).toEqual([15, 0, 0]);
  });
});

describe('concurrency', () => {
  it('300 members upvoting one answer at once: the author gains exactly the cap, and the ledger sums to it', async () => {
    const [asker, answerer] = await Promise.all([
      buildMember(api, { reputation: 125 }),
      buildMember(api, { reputation: 125 }),
    ]);
    const thread = await buildThread(api, asker);
    const reply = await buildReply(api, answerer, thread.id);
    const voters: TestMember[] = [];
    for (let i = 0; i < 300; i += 25) {
      voters.push(...(await Promise.all(Array.from({ length: 25 }, () => buildMember(api, { reputation: 125 })))));
    }
    const results = await Promise.all(voters.map((v) => vote(api, v, reply.id, 'UP')));
    expect(results.filter((r) => r.errors)).toEqual([]);
    expect(await total(api, answerer)).toBe(Math.min(300 * 10, 200));
    const events = await ledger(api, answerer);
    expect(events).toHaveLength(300);
    expect(events.reduce((s, e) => s + e.points, 0)).toBe(200);
    await expectConsistent(api);
  }, 180_000);

  it('a member flipping a vote 50 times at once leaves totals that match the final vote alone', async () => {
    const [asker, answerer, flipper] = await Promise.all([
      buildMember(api, { reputation: 125 }),
      buildMember(api, { reputation: 125 }),
      // each downvote on an answer costs 1: stay above the downvote threshold throughout
      buildMember(api, { reputation: 200 }),
    ]);
    const thread = await buildThread(api, asker);
    const reply = await buildReply(api, answerer, thread.id);
    const values = Array.from({ length: 50 }, (_, i) => ['UP', 'DOWN', 'NONE'][i % 3]!);
    const results = await Promise.all(values.map((v) => vote(api, flipper, reply.id, v)));
    for (const r of results) if (r.errors) expect(r.errors[0]!.extensions.code).toBe('CONFLICT');
    const [row] = await api.sql<{ value: number }>('select value from post_votes where post_id = $1', [reply.id]);
    const final = row?.value ?? 0;
    expect(await total(api, answerer)).toBe(final === 1 ? 10 : final === -1 ? -2 : 0);
    expect(await total(api, flipper)).toBe(final === -1 ? -1 : 0);
    await expectConsistent(api);
  }, 60_000);
});

describe('cap counters', () => {
  it('a daily job prunes counters from before yesterday; today and yesterday stay', async () => {
    const member = await buildMember(api);
    await api.sql(
      `insert into reputation_cap_days (member_id, day, earned)
       select $1, (now() at time zone 'utc')::date - d, 10 from generate_series(0, 3) d`,
      [member.id],
    );
    const { pruneCapCounters } = await import('../../api/src/modules/reputation/cap-counters.jobs.js');
    expect(await pruneCapCounters(api.app.services)).toBeGreaterThanOrEqual(2);
    const days = await api.sql(
      `select (now() at time zone 'utc')::date - day as age from reputation_cap_days where member_id = $1 order by 1`,
      [member.id],
    );
    expect(days).toEqual([{ age: 0 }, { age: 1 }]);
    // These counters stand for no events: leave the ledger consistent for the other tests.
    await api.sql('delete from reputation_cap_days where member_id = $1', [member.id]);
  });
});

describe('lock order', () => {
  /**
   * A downvote turned into an upvote reverses an uncapped event and writes a capped one; other
   * upvotes to the same author lock the day's counter, then the member. Both must take the
   * locks in that order, or they deadlock (and PostgreSQL makes one of them wait a second and
   * retry). The API logs every retried transaction: there must be none.
   */
  it('members turning downvotes into upvotes while others upvote the same author never deadlock', async () => {
    const [asker, answerer] = await Promise.all([
      buildMember(api, { reputation: 125 }),
      buildMember(api, { reputation: 125 }),
    ]);
    const thread = await buildThread(api, asker);
    // Votes on one post queue on its row; the author's other posts are where they would meet.
    const replies: { id: string }[] = [];
    for (let i = 0; i < 10; i++)
      replies.push(await buildReply(api, answerer, thread.id, `Another way to try, number ${i}: reset the hub first.`));
    const flippers = await Promise.all(Array.from({ length: 20 }, () => buildMember(api, { reputation: 125 })));
    const upvoters = await Promise.all(Array.from({ length: 20 }, () => buildMember(api, { reputation: 125 })));
    const postOf = (i: number) => replies[i % replies.length]!.id;
    for (const [i, f] of flippers.entries()) expect((await vote(api, f, postOf(i), 'DOWN')).errors).toBeUndefined();

    const stderr = vi.spyOn(process.stderr, 'write');
    try {
      const results = await Promise.all([
        ...flippers.map((f, i) => vote(api, f, postOf(i), 'UP')),
        ...upvoters.map((u, i) => vote(api, u, postOf(i + 5), 'UP')),
      ]);
      expect(results.filter((r) => r.errors)).toEqual([]);
      const retried = stderr.mock.calls.map(([line]) => String(line)).filter((l) => l.includes('retrying transaction'));
      expect(retried).toEqual([]);
    } finally {
      stderr.mockRestore();
    }
    expect(await total(api, answerer)).toBe(200); // 40 upvotes reach the daily cap
    await expectConsistent(api);
  }, 60_000);
});

describe('GraphQL', () => {
  it('exposes reputation, level with progress, and the history newest first with cursors', async () => {
    const [asker, answerer, voter] = await Promise.all([
      buildMember(api, { reputation: 125 }),
      buildMember(api, { reputation: 0 }),
      buildMember(api, { reputation: 125 }),
    ]);
    const thread = await buildThread(api, asker);
    const reply = await buildReply(api, answerer, thread.id);
    await vote(api, voter, reply.id, 'UP');
    await accept(api, asker, reply.id);
    const q = `query($h: String!, $after: String) { member(handle: $h) { reputation level { name min next progress }
      reputationHistory(first: 1, after: $after) { edges { node { kind points } } pageInfo { hasNextPage endCursor } } } }`;
    const page1 = await api.gql(q, { h: answerer.handle });
    expect(page1.data.member.reputation).toBe(25);
    expect(page1.data.member.level).toEqual({ name: 'Member', min: 10, next: 100, progress: 15 / 90 });
    expect(page1.data.member.reputationHistory.edges[0].node).toEqual({ kind: 'ANSWER_ACCEPTED', points: 15 });
    const page2 = await api.gql(q, {
      h: answerer.handle,
      after: page1.data.member.reputationHistory.pageInfo.endCursor,
    });
    expect(page2.data.member.reputationHistory.edges[0].node).toEqual({ kind: 'ANSWER_UPVOTED', points: 10 });
    expect(page2.data.member.reputationHistory.pageInfo.hasNextPage).toBe(false);
  });

  it('lets only admins run the reputation audit, which finds a tampered total', async () => {
    const [admin, member] = await Promise.all([
      buildMember(api, { role: 'ADMIN' }),
      buildMember(api, { reputation: 125 }),
    ]);
    const AUDIT = `{ reputationAudit { membersChecked mismatchedMemberIds } }`;
    expect((await api.gql(AUDIT, {}, { token: member.token })).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const clean = await api.gql(AUDIT, {}, { token: admin.token });
    expect(clean.data.reputationAudit.mismatchedMemberIds).toEqual([]);
    await api.sql('update members set reputation = reputation + 1 where id = $1', [member.id]);
    const tampered = await api.gql(AUDIT, {}, { token: admin.token });
    expect(tampered.data.reputationAudit.mismatchedMemberIds).toEqual([member.id]);
    await api.sql('update members set reputation = reputation - 1 where id = $1', [member.id]);
  });
});
