import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildReply, buildThread, firstCategoryId, type TestMember } from '../support/factories.js';
import { startTestApi, type GraphQLResponse, type TestApi } from '../support/test-api.js';

// The production defaults (SECURITY.md): every limit on. Other test files run with them off.
let api: TestApi;
let author: TestMember;
let voter: TestMember;
let moderator: TestMember;
let thread: Awaited<ReturnType<typeof buildThread>>;

beforeAll(async () => {
  api = await startTestApi({ ABUSE_LIMITS: '{}' });
  [author, voter, moderator] = await Promise.all([
    buildMember(api),
    buildMember(api, { reputation: 200 }),
    buildMember(api, { role: 'MODERATOR' }),
  ]);
  thread = await buildThread(api, author, { body: `Opening question body for the limits thread ${Date.now()}` });
  await rewind(author);
});
afterAll(() => api?.close());

const ASK = `mutation($i: AskQuestionInput!) { askQuestion(input: $i) { id } }`;
const REPLY = `mutation($i: PostReplyInput!) { postReply(input: $i) { id } }`;
const EDIT = `mutation($i: EditPostInput!) { editPost(input: $i) { id body } }`;
const VOTE = `mutation($i: VoteInput!) { vote(input: $i) { id score } }`;

let serial = 0;
/** A body no other post has: the identical-post limit only sees repeats. */
const fresh = (what = 'reply') => `A ${what} with enough text to be posted, number ${++serial} of this run.`;

const reply = (m: TestMember, body = fresh(), threadId = thread.id) =>
  api.gql(REPLY, { i: { threadId, body } }, { token: m.token, ip: m.ip });
const ask = async (m: TestMember, body = fresh('question')) =>
  api.gql(
    ASK,
    { i: { categoryId: await firstCategoryId(api), title: `A question to test limits ${++serial}`, body, tags: [] } },
    { token: m.token, ip: m.ip },
  );

/** Moves a member's posts and threads into the past: what waiting would do, without the wait. */
async function rewind(m: TestMember, seconds = 600) {
  await api.sql(`update posts set created_at = created_at - make_interval(secs => $2) where author_id = $1`, [
    m.id,
    seconds,
  ]);
  await api.sql(`update threads set created_at = created_at - make_interval(secs => $2) where author_id = $1`, [
    m.id,
    seconds,
  ]);
}

const counts = async () =>
  (
    await api.sql(
      `select (select count(*) from posts)::int as posts, (select count(*) from threads)::int as threads,
              (select count(*) from post_revisions)::int as revisions, (select count(*) from post_votes)::int as votes,
              (select coalesce(sum(reply_count), 0) from threads)::int as replies`,
    )
  )[0];

/** RATE_LIMITED over HTTP 429 with Retry-After (within `retryAfter`), and the limit's message. */
function expectLimited(res: GraphQLResponse, message: RegExp, retryAfter: [number, number]) {
  expect(res.errors?.[0]?.extensions.code, JSON.stringify(res.errors)).toBe('RATE_LIMITED');
  expect(res.errors![0]!.message).toMatch(message);
  expect(res.status).toBe(429);
  const header = Number(res.headers.get('retry-after'));
  expect(header).toBe(res.errors![0]!.extensions.retryAfterSeconds);
  expect(header).toBeGreaterThanOrEqual(retryAfter[0]);
  expect(header).toBeLessThanOrEqual(retryAfter[1]);
}

describe('post interval', () => {
  it('one post every 5 seconds: the next is refused with when it lifts, and nothing is written', async () => {
    const m = await buildMember(api);
    expect((await reply(m)).errors).toBeUndefined();
    const before = await counts();
    expectLimited(await reply(m), /^You can post again in [1-5] seconds? \(one post every 5 seconds\)\.$/, [1, 5]);
    expect(await counts()).toEqual(before);
    await rewind(m, 6);
    expect((await reply(m)).errors).toBeUndefined();
  });

  it('new members: one post every 30 seconds', async () => {
    const m = await buildMember(api, { reputation: 0 });
    expect((await reply(m)).errors).toBeUndefined();
    await rewind(m, 10);
    expectLimited(
      await reply(m),
      /^You can post again in 2\d seconds \(new members: one post every 30 seconds\)\.$/,
      [19, 20],
    );
  });

  it('one thread every 15 seconds (new members: 2 minutes), whatever else was posted', async () => {
    const m = await buildMember(api);
    expect((await ask(m)).errors).toBeUndefined();
    await rewind(m, 6); // past the post interval, not the thread interval
    expect((await reply(m)).errors).toBeUndefined();
    await rewind(m, 6);
    const before = await counts();
    expectLimited(
      await ask(m),
      /^You can start another thread in [1-9] seconds? \(one thread every 15 seconds\)\.$/,
      [1, 9],
    );
    expect(await counts()).toEqual(before);

    const newcomer = await buildMember(api, { reputation: 0 });
    expect((await ask(newcomer)).errors).toBeUndefined();
    await rewind(newcomer, 60);
    expectLimited(
      await ask(newcomer),
      /^You can start another thread in (59|60) seconds \(new members: one thread every 2 minutes\)\.$/,
      [59, 60],
    );
  });

  it('two concurrent posts by one member: exactly one passes', async () => {
    const m = await buildMember(api);
    const before = await counts();
    const results = await Promise.all([reply(m), reply(m), reply(m), ask(m)]);
    const ok = results.filter((r) => !r.errors);
    expect(ok).toHaveLength(1);
    for (const r of results.filter((x) => x.errors)) expect(r.errors![0]!.extensions.code).toBe('RATE_LIMITED');
    const after = await counts();
    expect(after.posts).toBe(before.posts + 1);
  });
});

describe('identical posts', () => {
  it('the same text again within 5 minutes is refused, however it is cased, spaced or padded', async () => {
    const m = await buildMember(api);
    const text = `Restart the sync service, then clear the cache ${++serial}.`;
    expect((await reply(m, text)).errors).toBeUndefined();
    await rewind(m, 60);
    const other = await buildThread(api, moderator, { body: fresh('question') });
    const before = await counts();
    for (const again of [
      text,
      `  ${text.toUpperCase()}  `,
      text.replace(/ /g, '\n\n'),
      text.replace(/e/g, 'e\u200B').replace(/ /g, ' \u00AD'),
    ]) {
      expectLimited(
        await reply(m, again),
        /^You already posted this same text\. You can post it again in 4 minutes \(the same text is refused for 5 minutes\)\.$/,
        [230, 240],
      );
    }
    // In another thread too: it is the same text that is refused.
    expectLimited(await reply(m, text, other.id), /same text/, [230, 240]);
    expect(await counts()).toEqual(before);
    expect((await reply(m, `${text} And then sign in again.`)).errors).toBeUndefined();
    await rewind(m, 300);
    expect((await reply(m, text)).errors).toBeUndefined();
  });
});

describe('daily caps', () => {
  it('threads: 20 in any 24 hours; the cap lifts when the 20th most recent is a day old', async () => {
    const m = await buildMember(api);
    const category = await firstCategoryId(api);
    // 20 threads, one an hour over the last 20 hours.
    await api.sql(
      `insert into threads (category_id, author_id, title, created_at)
       select $1, $2, 'An older thread of this member', now() - make_interval(hours => i) from generate_series(1, 20) i`,
      [category, m.id],
    );
    const before = await counts();
    expectLimited(await ask(m), /^You can start at most 20 threads a day\. You can start another in 4 hours\.$/, [
      4 * 3600 - 60,
      4 * 3600,
    ]);
    expect(await counts()).toEqual(before);
    expect((await reply(m)).errors).toBeUndefined(); // replies are not threads
    await api.sql(`update threads set created_at = created_at - interval '5 hours' where author_id = $1`, [m.id]);
    await rewind(m, 60);
    expect((await ask(m)).errors).toBeUndefined();
  });

  it("replies: 10 on a new member's first day; others are not counted", async () => {
    const m = await buildMember(api, { reputation: 0 });
    await api.sql(
      `insert into posts (thread_id, author_id, body, body_html, created_at)
       select $1, $2, 'An earlier reply ' || i, '<p>An earlier reply</p>', now() - make_interval(mins => i)
         from generate_series(1, 10) i`,
      [thread.id, m.id],
    );
    const before = await counts();
    expectLimited(
      await reply(m),
      /^New members can post at most 10 replies on their first day\. You can reply again in 24 hours\.$/,
      [86_000, 86_400],
    );
    expect(await counts()).toEqual(before);
    // A member past the new-member limits posts on.
    const regular = await buildMember(api);
    await api.sql(
      `insert into posts (thread_id, author_id, body, body_html, created_at)
       select $1, $2, 'An earlier reply ' || i, '<p>An earlier reply</p>', now() - make_interval(mins => i)
         from generate_series(1, 10) i`,
      [thread.id, regular.id],
    );
    expect((await reply(regular)).errors).toBeUndefined();
  });

  it('edits: 30 in any 24 hours', async () => {
    const m = await buildMember(api);
    const mine = await buildReply(api, m, thread.id, fresh());
    await api.sql(
      `insert into post_revisions (post_id, revision, editor_id, body, created_at)
       select $1, i + 1, $2, 'An earlier edit', now() - make_interval(mins => 30 * i) from generate_series(1, 30) i`,
      [mine.id, m.id],
    );
    const before = await counts();
    const res = await api.gql(EDIT, { i: { postId: mine.id, body: fresh('edit') } }, { token: m.token });
    // The 30th most recent edit is 15 hours old: the cap lifts in 9 hours.
    expectLimited(res, /^You can edit at most 30 times a day\. You can edit again in 9 hours\.$/, [
      9 * 3600 - 60,
      9 * 3600,
    ]);
    expect(await counts()).toEqual(before);
    const [post] = await api.sql('select body from posts where id = $1', [mine.id]);
    expect(post.body).not.toMatch(/an edit/);
  });

  it('votes: 40 a UTC day, counted once per vote cast; retracting is free; a refused vote writes nothing', async () => {
    const posts = await Promise.all(
      Array.from(
        { length: 3 },
        async () => (await buildThread(api, moderator, { body: fresh('question') })).question.id,
      ),
    );
    const vote = (postId: string, value: string, m = voter) =>
      api.gql(VOTE, { i: { postId, value } }, { token: m.token });
    const today = async () =>
      (
        await api.sql(
          `select votes from member_vote_days where member_id = $1 and day = (now() at time zone 'utc')::date`,
          [voter.id],
        )
      )[0]?.votes;

    expect((await vote(posts[0]!, 'UP')).errors).toBeUndefined();
    expect(await today()).toBe(1);
    expect((await vote(posts[0]!, 'UP')).errors?.[0]?.extensions.code).toBe('CONFLICT'); // rolled back: not counted
    expect((await vote(posts[0]!, 'NONE')).errors).toBeUndefined();
    expect(await today()).toBe(1);

    await api.sql(
      `update member_vote_days set votes = 39 where member_id = $1 and day = (now() at time zone 'utc')::date`,
      [voter.id],
    );
    expect((await vote(posts[1]!, 'UP')).errors).toBeUndefined(); // the 40th
    const before = await counts();
    const [score] = await api.sql('select score from posts where id = $1', [posts[2]]);
    const midnight = new Date();
    midnight.setUTCHours(24, 0, 0, 0);
    const untilMidnight = Math.ceil((midnight.getTime() - Date.now()) / 1000);
    expectLimited(
      await vote(posts[2]!, 'UP'),
      /^You can vote at most 40 times a day\. You can vote again in \d+ (seconds?|minutes?|hours?) \(at midnight UTC\)\.$/,
      [untilMidnight - 5, untilMidnight + 1],
    );
    expect(await counts()).toEqual(before);
    expect((await api.sql('select score from posts where id = $1', [posts[2]]))[0]).toEqual(score);
    expect(await today()).toBe(40);
    expect((await vote(posts[1]!, 'NONE')).errors).toBeUndefined(); // retracting still works
  });
});

describe('vote counters', () => {
  it('the daily job prunes past days and keeps today', async () => {
    const m = await buildMember(api);
    await api.sql(
      `insert into member_vote_days (member_id, day, votes)
       values ($1, (now() at time zone 'utc')::date - 1, 40), ($1, (now() at time zone 'utc')::date - 5, 3),
              ($1, (now() at time zone 'utc')::date, 2)`,
      [m.id],
    );
    const { pruneVoteDays } = await import('../../api/src/modules/community/vote-days.jobs.js');
    expect(await pruneVoteDays(api.app.services)).toBeGreaterThanOrEqual(2);
    expect(await api.sql('select votes from member_vote_days where member_id = $1', [m.id])).toEqual([{ votes: 2 }]);
  });
});

describe('staff', () => {
  it('are exempt from every limit', async () => {
    const m = await buildMember(api, { role: 'ADMIN' });
    const text = fresh();
    for (let i = 0; i < 3; i++) expect((await reply(m, text)).errors).toBeUndefined();
    for (let i = 0; i < 2; i++) expect((await ask(m)).errors).toBeUndefined();
    await api.sql(
      `insert into member_vote_days (member_id, day, votes) values ($1, (now() at time zone 'utc')::date, 40)`,
      [m.id],
    );
    expect((await api.gql(VOTE, { i: { postId: thread.question.id, value: 'UP' } }, { token: m.token })).errors).toBe(
      undefined,
    );
    const mine = await reply(m);
    await api.sql(
      `insert into post_revisions (post_id, revision, editor_id, body)
       select $1, i + 1, $2, 'An earlier edit' from generate_series(1, 30) i`,
      [mine.data.postReply.id, m.id],
    );
    const edit = await api.gql(
      EDIT,
      { i: { postId: mine.data.postReply.id, body: fresh('edit') } },
      { token: m.token },
    );
    expect(edit.errors).toBeUndefined();
  });
});

describe('cost on the vote path', () => {
  it('the vote cap adds one SQL statement to a vote, and none to a retraction', async () => {
    const relaxed = await startTestApi();
    try {
      const statements = async (target: TestApi, m: TestMember, postId: string, value: string) => {
        const res = await target.gql(
          VOTE,
          { i: { postId, value } },
          { token: m.token, headers: { 'x-hearth-debug': 'sql' } },
        );
        expect(res.errors).toBeUndefined();
        return res.extensions!.sqlStatements as number;
      };
      const measure = async (target: TestApi) => {
        const [asker, answerer, v] = await Promise.all([buildMember(target), buildMember(target), buildMember(target)]);
        const t = await buildThread(target, asker, { body: fresh('question') });
        const r = await buildReply(target, answerer, t.id, fresh());
        return {
          up: await statements(target, v, r.id, 'UP'),
          none: await statements(target, v, r.id, 'NONE'),
        };
      };
      const off = await measure(relaxed);
      const on = await measure(api);
      expect(on.up).toBe(off.up + 1);
      expect(on.none).toBe(off.none);
    } finally {
      await relaxed.close();
    }
  });
});
