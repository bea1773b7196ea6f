import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildReply, buildThread, firstCategoryId, type TestMember } from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// Leaderboards (PRODUCT.md capability 2) and serial-voting reversal (SECURITY.md).
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ REPUTATION_RULES: JSON.stringify({ serialVoting: { maxVotesPerDay: 3 } }) });
});
afterAll(() => api?.close());

const VOTE = `mutation($input: VoteInput!) { vote(input: $input) { id } }`;
const upvote = async (m: TestMember, postId: string) => {
  const res = await api.gql(VOTE, { input: { postId, value: 'UP' } }, { token: m.token });
  expect(res.errors).toBeUndefined();
};
const ACCEPT = `mutation($id: ID!) { acceptAnswer(postId: $id) { id } }`;
const BOARD = `query($period: LeaderboardPeriod!, $categoryId: ID, $ranking: LeaderboardRanking) {
  leaderboard(period: $period, categoryId: $categoryId, ranking: $ranking, first: 10) { rank points accepted member { handle } } }`;
const board = async (period: string, opts: { categoryId?: string; ranking?: string; token?: string } = {}) => {
  const res = await api.gql(
    BOARD,
    { period, categoryId: opts.categoryId, ranking: opts.ranking },
    { token: opts.token },
  );
  expect(res.errors).toBeUndefined();
  return res.data.leaderboard as { rank: number; points: number; accepted: number; member: { handle: string } }[];
};

describe('leaderboards', () => {
  let a: TestMember;
  let b: TestMember;
  let asker: TestMember;
  let categoryA: string;
  let categoryB: string;

  beforeAll(async () => {
    asker = await buildMember(api, { role: 'MODERATOR' });
    [a, b] = await Promise.all([buildMember(api), buildMember(api)]);
    categoryA = await firstCategoryId(api);
    const [row] = await api.sql<{ id: number }>(
      `insert into categories (slug, name, kind) values ('second', 'Second', 'QA') returning id`,
    );
    categoryB = String(row!.id);
    const voters = await Promise.all(Array.from({ length: 3 }, () => buildMember(api)));
    // a: two upvotes and an accept in A (35); b: three upvotes in B (30), one of them last month.
    const t1 = await buildThread(api, asker, { categoryId: categoryA });
    const ra = await buildReply(api, a, t1.id);
    await upvote(voters[0]!, ra.id);
    await upvote(voters[1]!, ra.id);
    expect((await api.gql(ACCEPT, { id: ra.id }, { token: asker.token })).errors).toBeUndefined();
    const t2 = await buildThread(api, asker, { categoryId: categoryB });
    const rb = await buildReply(api, b, t2.id);
    for (const v of voters) await upvote(v, rb.id);
  });

  it('ranks reputation gained this week, overall and per category; staff adjustments count for all time only', async () => {
    const week = await board('WEEK');
    // The asker earned 2 for accepting a's answer.
    expect(week.map((e) => [e.rank, e.member.handle, e.points])).toEqual([
      [1, a.handle, 35],
      [2, b.handle, 30],
      [3, asker.handle, 2],
    ]);
    expect((await board('WEEK', { categoryId: categoryA })).map((e) => [e.member.handle, e.points])).toEqual([
      [a.handle, 35],
      [asker.handle, 2],
    ]);
    expect((await board('WEEK', { categoryId: categoryB })).map((e) => [e.member.handle, e.points])).toEqual([
      [b.handle, 30],
    ]);
    // All time includes the factories' starting 15 (an ADJUSTMENT), so everyone with reputation is listed.
    const allTime = await board('ALL_TIME');
    expect(allTime.slice(0, 2).map((e) => [e.member.handle, e.points])).toEqual([
      [a.handle, 50],
      [b.handle, 45],
    ]);
    const totals = await api.sql<{ handle: string; reputation: number }>(
      'select handle, reputation from members where id = any($1::int[])',
      [[a.id, b.id]],
    );
    for (const t of totals) expect(allTime.find((e) => e.member.handle === t.handle)!.points).toBe(t.reputation);
  });

  it('moves events to the week and month they happened in', async () => {
    // A month-old vote on b's answer, written as the rollup trigger would have seen it then.
    await api.sql(
      `insert into reputation_events (member_id, kind, points, created_at)
       values ($1, 'ADJUSTMENT', 0, now()), ($1, 'ANSWER_ACCEPTED', 15, now() - interval '40 days')`,
      [b.id],
    );
    await api.sql(`update members set reputation = reputation + 15 where id = $1`, [b.id]);
    expect((await board('WEEK')).find((e) => e.member.handle === b.handle)!.points).toBe(30);
    expect((await board('MONTH')).find((e) => e.member.handle === b.handle)!.points).toBe(30);
    expect((await board('ALL_TIME')).find((e) => e.member.handle === b.handle)!.points).toBe(60);
  });

  it('ranks top solvers by accepted answers', async () => {
    const solvers = await board('WEEK', { ranking: 'SOLUTIONS' });
    expect(solvers.map((e) => [e.rank, e.member.handle, e.accepted])).toEqual([[1, a.handle, 1]]);
    const allTime = await board('ALL_TIME', { ranking: 'SOLUTIONS' });
    // Ties are ordered by member id (a and b were created concurrently, in either order).
    expect(allTime.map((e) => [e.member.handle, e.accepted]).sort()).toEqual(
      [
        [a.handle, 1],
        [b.handle, 1],
      ].sort(),
    );
    expect(allTime.map((e) => e.rank)).toEqual([1, 1]);
  });

  it('keeps restricted categories private and refuses unknown ones', async () => {
    const lounge = await firstCategoryId(api, 'RESTRICTED');
    const res = await api.gql(BOARD, { period: 'WEEK', categoryId: lounge }, { token: a.token });
    expect(res.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    expect((await api.gql(BOARD, { period: 'WEEK', categoryId: '999999' })).errors?.[0]?.extensions.code).toBe(
      'NOT_FOUND',
    );
    expect((await api.gql(BOARD, { period: 'YEAR' })).errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('the rollups agree with the ledger for every member', async () => {
    const rows = await api.sql(
      `select m.id from members m
         left join reputation_rollups r on r.member_id = m.id and r.period = 'ALL_TIME' and r.category_id = 0
        where m.reputation <> coalesce(r.points, 0)`,
    );
    expect(rows).toEqual([]);
  });
});

describe('serial voting', () => {
  it('reverses the reputation from a voter who voted on more than 3 of one member’s posts in 24 hours', async () => {
    const [author, serial, fair] = await Promise.all([buildMember(api), buildMember(api), buildMember(api)]);
    const asker = await buildMember(api, { role: 'MODERATOR' });
    const replies = [];
    for (let i = 0; i < 4; i++) {
      const thread = await buildThread(api, asker);
      replies.push(await buildReply(api, author, thread.id));
    }
    for (const r of replies) await upvote(serial, r.id);
    for (const r of replies.slice(0, 3)) await upvote(fair, r.id);
    const before = (await api.sql('select reputation from members where id = $1', [author.id]))[0].reputation;
    expect(before).toBe(15 + 70);

    await api.app.services.jobs.send('reputation.detect-serial-voting', {});
    await expect
      .poll(async () => (await api.sql('select reputation from members where id = $1', [author.id]))[0].reputation, {
        timeout: 10_000,
      })
      .toBe(15 + 30);
    const reversals = await api.sql(
      `select r.points, r.reason, o.actor_id from reputation_events r join reputation_events o on o.id = r.reverses_id
        where r.member_id = $1 and r.kind = 'REVERSAL'`,
      [author.id],
    );
    expect(reversals).toHaveLength(4);
    for (const r of reversals) {
      expect(r).toMatchObject({ points: -10, actor_id: Number(serial.id) });
      expect(r.reason).toBe(
        `serial voting: @${serial.handle} voted on 4 of this member's posts within 24 hours (more than 3)`,
      );
    }
    // The votes stay; running again reverses nothing twice.
    const votes = await api.sql('select count(*)::int as n from post_votes where voter_id = $1', [serial.id]);
    expect(votes[0].n).toBe(4);
    const { detectSerialVoting } = await import('../../api/src/modules/reputation/serial-voting.jobs.js');
    expect(await detectSerialVoting(api.app.services)).toEqual({ pairs: 0, reversed: 0 });
    // Retracting a reversed vote changes nothing more.
    const res = await api.gql(VOTE, { input: { postId: replies[0]!.id, value: 'NONE' } }, { token: serial.token });
    expect(res.errors).toBeUndefined();
    expect((await api.sql('select reputation from members where id = $1', [author.id]))[0].reputation).toBe(45);
    const audit = await api.sql(
      `select m.id from members m left join (select member_id, sum(points)::int s from reputation_events group by 1) e
         on e.member_id = m.id where m.reputation <> coalesce(e.s, 0)`,
    );
    expect(audit).toEqual([]);
  });
});
