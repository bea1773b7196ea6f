import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildMember, buildReply, buildThread, type TestMember } from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
let asker: TestMember;
let helper: TestMember;

beforeAll(async () => {
  api = await startTestApi();
  // Both vote down as well as up: that takes 125 reputation.
  asker = await buildMember(api, { reputation: 125 });
  helper = await buildMember(api, { reputation: 125 });
});
afterAll(() => api?.close());

const VOTE = `mutation($input: VoteInput!) { vote(input: $input) { id score viewerVote } }`;
const vote = (m: TestMember, postId: string, value: string) =>
  api.gql(VOTE, { input: { postId, value } }, { token: m.token });

async function postState(postId: string) {
  const [post] = await api.sql('select score, up_votes, down_votes from posts where id = $1', [postId]);
  const votes = await api.sql('select voter_id, value from post_votes where post_id = $1 order by voter_id', [postId]);
  return { ...post, votes };
}

describe('vote', () => {
  it('records post.voted inside the vote statement: a first upvote is 7 SQL statements, its event included', async () => {
    const thread = await buildThread(api, asker);
    const reply = await buildReply(api, helper, thread.id);
    const res = await api.gql(
      `mutation($input: VoteInput!) { vote(input: $input) { id } }`,
      { input: { postId: reply.id, value: 'UP' } },
      { token: asker.token, headers: { 'x-hearth-debug': 'sql' } },
    );
    expect(res.errors).toBeUndefined();
    // session, post, begin, the vote row locked and read, the vote with its counters and its
    // event, the ledger credit with its cap counter, commit.
    expect(res.extensions!.sqlStatements).toBe(7);
    const events = await api.sql(
      `select actor_type, actor_id, subject, related, data from domain_events where name = 'post.voted' and subject = $1`,
      [`post:${reply.id}`],
    );
    expect(events).toEqual([
      {
        actor_type: 'member',
        actor_id: String(asker.id),
        subject: `post:${reply.id}`,
        related: [`thread:${thread.id}`, `member:${helper.id}`],
        data: {
          postId: Number(reply.id),
          threadId: Number(thread.id),
          authorId: Number(helper.id),
          value: 1,
          previous: 0,
          scoreBefore: 0,
          score: 1,
        },
      },
    ]);
  });

  it('upvotes, flips to down, retracts, and keeps score = sum of votes', async () => {
    const thread = await buildThread(api, asker);
    const reply = await buildReply(api, helper, thread.id);

    let res = await vote(asker, reply.id, 'UP');
    expect(res.data.vote).toEqual({ id: reply.id, score: 1, viewerVote: 'UP' });
    expect(await postState(reply.id)).toMatchObject({
      score: 1,
      up_votes: 1,
      down_votes: 0,
      votes: [{ voter_id: Number(asker.id), value: 1 }],
    });

    res = await vote(asker, reply.id, 'DOWN');
    expect(res.data.vote).toEqual({ id: reply.id, score: -1, viewerVote: 'DOWN' });
    expect(await postState(reply.id)).toMatchObject({ score: -1, up_votes: 0, down_votes: 1 });

    res = await vote(asker, reply.id, 'NONE');
    expect(res.data.vote).toEqual({ id: reply.id, score: 0, viewerVote: 'NONE' });
    expect(await postState(reply.id)).toEqual({ score: 0, up_votes: 0, down_votes: 0, votes: [] });
  });

  it('votes on the question move the thread score', async () => {
    const thread = await buildThread(api, asker);
    await vote(helper, thread.question.id, 'UP');
    const res = await api.gql(
      `query($id: ID!) { thread(id: $id) { score question { score viewerVote } } }`,
      { id: thread.id },
      { token: helper.token },
    );
    expect(res.data.thread).toEqual({ score: 1, question: { score: 1, viewerVote: 'UP' } });
  });

  it('rejects voting twice, voting on your own post, unknown posts and visitors, changing nothing', async () => {
    const thread = await buildThread(api, asker);
    const reply = await buildReply(api, helper, thread.id);
    await vote(asker, reply.id, 'UP');
    const before = await postState(reply.id);

    const twice = await vote(asker, reply.id, 'UP');
    expect(twice.errors?.[0]?.extensions.code).toBe('CONFLICT');
    expect(twice.errors?.[0]?.message).toMatch(/already upvoted/);

    const own = await vote(helper, reply.id, 'UP');
    expect(own.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect(own.errors?.[0]?.message).toMatch(/own post/);

    const retractNothing = await vote(helper, thread.question.id, 'NONE');
    expect(retractNothing.errors?.[0]?.extensions.code).toBe('CONFLICT');

    const unknown = await vote(asker, '99999999', 'UP');
    expect(unknown.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    const badValue = await api.gql(VOTE, { input: { postId: reply.id, value: 'SIDEWAYS' } }, { token: asker.token });
    expect(badValue.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    const visitor = await api.gql(VOTE, { input: { postId: reply.id, value: 'UP' } });
    expect(visitor.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');

    expect(await postState(reply.id)).toEqual(before);
  });

  it('refuses votes in a locked thread', async () => {
    const moderator = await buildMember(api, { role: 'MODERATOR' });
    const thread = await buildThread(api, asker);
    await api.gql(
      `mutation($input: SetThreadStatusInput!) { setThreadStatus(input: $input) { status } }`,
      { input: { threadId: thread.id, status: 'LOCKED' } },
      { token: moderator.token },
    );
    const res = await vote(helper, thread.question.id, 'UP');
    expect(res.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect((await postState(thread.question.id)).votes).toEqual([]);
  });

  it('deleted posts cannot be voted on', async () => {
    const thread = await buildThread(api, asker);
    const reply = await buildReply(api, helper, thread.id);
    await api.gql(`mutation($id: ID!) { deletePost(postId: $id) }`, { id: reply.id }, { token: helper.token });
    const res = await vote(asker, reply.id, 'UP');
    expect(res.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });
});

describe('vote concurrency', () => {
  it('200 members upvoting one post concurrently: score 200, 200 rows', async () => {
    const thread = await buildThread(api, asker);
    const reply = await buildReply(api, helper, thread.id);
    const voters: TestMember[] = [];
    for (let i = 0; i < 200; i += 20) {
      voters.push(...(await Promise.all(Array.from({ length: 20 }, () => buildMember(api)))));
    }
    const results = await Promise.all(voters.map((v) => vote(v, reply.id, 'UP')));
    expect(results.filter((r) => r.errors)).toEqual([]);
    const state = await postState(reply.id);
    expect(state.score).toBe(200);
    expect(state.up_votes).toBe(200);
    expect(state.votes).toHaveLength(200);
  }, 120_000);

  it('one member flipping a vote concurrently ends with at most one row and a consistent score', async () => {
    const thread = await buildThread(api, asker);
    const reply = await buildReply(api, helper, thread.id);
    // Each downvote on an answer costs the voter 1: keep well above the downvote threshold.
    const flipper = await buildMember(api, { reputation: 200 });
    const values = Array.from({ length: 60 }, (_, i) => ['UP', 'DOWN', 'NONE'][i % 3]!);
    const results = await Promise.all(values.map((v) => vote(flipper, reply.id, v)));
    // Each request either applied or was refused as a repeat of the current value; never a 500.
    for (const r of results) {
      if (r.errors) expect(r.errors[0]!.extensions.code).toBe('CONFLICT');
    }
    const state = await postState(reply.id);
    expect(state.votes.length).toBeLessThanOrEqual(1);
    const sum = state.votes.reduce((s: number, v: any) => s + v.value, 0);
    expect(state.score).toBe(sum);
    expect(state.up_votes).toBe(state.votes.filter((v: any) => v.value === 1).length);
    expect(state.down_votes).toBe(state.votes.filter((v: any) => v.value === -1).length);
  }, 60_000);
});

describe('vote against a concurrent deletion or lock', () => {
  /** Runs `statement` in a transaction of its own that stays open until the returned commit. */
  async function openChange(statement: string, params: unknown[]) {
    const client = new pg.Client({ connectionString: api.app.database.url });
    await client.connect();
    await client.query('begin');
    await client.query(statement, params);
    return async () => {
      await client.query('commit');
      await client.end();
    };
  }
  const waitForLockWait = () =>
    vi.waitFor(
      async () => {
        const [row] = await api.sql(
          `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
        );
        expect(row.n).toBeGreaterThan(0);
      },
      { timeout: 10_000, interval: 20 },
    );

  it('a vote waiting on a deletion that commits is NOT_FOUND and writes nothing', async () => {
    const thread = await buildThread(api, asker);
    const reply = await buildReply(api, helper, thread.id);
    const commit = await openChange('update posts set deleted_at = now() where id = $1', [reply.id]);
    const pending = vote(asker, reply.id, 'UP');
    await waitForLockWait();
    await commit();
    const res = await pending;
    expect(res.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    expect(await postState(reply.id)).toMatchObject({ score: 0, up_votes: 0, votes: [] });
    expect(
      await api.sql(`select 1 from domain_events where name = 'post.voted' and subject = $1`, [`post:${reply.id}`]),
    ).toEqual([]);
  });

  it('a vote waiting on a lock of its thread that commits is FORBIDDEN and writes nothing', async () => {
    const thread = await buildThread(api, asker);
    const reply = await buildReply(api, helper, thread.id);
    const commit = await openChange(`update threads set status = 'LOCKED' where id = $1`, [thread.id]);
    const pending = vote(asker, reply.id, 'UP');
    await waitForLockWait();
    await commit();
    const res = await pending;
    expect(res.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect(res.errors?.[0]?.message).toMatch(/locked/);
    expect(await postState(reply.id)).toMatchObject({ score: 0, votes: [] });
  });
});
