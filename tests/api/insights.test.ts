import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildReply, buildThread, type TestMember } from '../support/factories.js';
import { caughtUp } from '../support/events.js';
import { startTestApi, type TestApi } from '../support/test-api.js';
import { backfillSentiments } from '../../api/src/modules/insights/sentiment/sentiment.store.js';
import { scorePostSentiment } from '../../api/src/modules/insights/sentiment/sentiment.subscriber.js';
import type { DomainEvent } from '../../api/src/platform/events/events.js';

// Sentiment and influence signals (issue 14, item 4): computed after commit, read by staff only.
let api: TestApi;
let moderator: TestMember;
let admin: TestMember;
let member: TestMember;
let advocate: TestMember;
beforeAll(async () => {
  api = await startTestApi();
  [moderator, admin, member, advocate] = await Promise.all([
    buildMember(api, { role: 'MODERATOR' }),
    buildMember(api, { role: 'ADMIN' }),
    buildMember(api),
    buildMember(api),
  ]);
  await api.sql('update members set is_advocate = true where id = $1', [advocate.id]);
});
afterAll(() => api?.close());

const as = (m: TestMember | null) => (m ? { token: m.token, ip: m.ip } : {});
const SENTIMENT = `query($id: ID!) { post(id: $id) { id sentiment { score label cues } } }`;
const URGENT = 'Great product but our production is down and we need a fix ASAP, thanks!';

describe('post sentiment', () => {
  it('a post gets its sentiment after commit, and again after an edit', async () => {
    const asker = await buildMember(api);
    const thread = await buildThread(api, asker, { title: 'Sync stopped after the update', body: URGENT });
    const reply = await buildReply(api, member, thread.id, 'Thank you, this saved my day.');
    await caughtUp(api, 'insights.post_sentiment');
    const question = await api.gql(SENTIMENT, { id: thread.question.id }, as(moderator));
    expect(question.errors).toBeUndefined();
    expect(question.data.post.sentiment).toMatchObject({ label: 'POSITIVE', cues: ['URGENCY', 'GRATITUDE'] });
    expect(question.data.post.sentiment.score).toBeGreaterThan(50);
    const answer = await api.gql(SENTIMENT, { id: reply.id }, as(moderator));
    expect(answer.data.post.sentiment).toMatchObject({ label: 'POSITIVE', cues: ['GRATITUDE'] });

    const edited = await api.gql(
      `mutation($input: EditPostInput!) { editPost(input: $input) { id } }`,
      { input: { postId: reply.id, body: 'Still broken. Third time I ask, this is ridiculous and terrible.' } },
      as(member),
    );
    expect(edited.errors).toBeUndefined();
    await caughtUp(api, 'insights.post_sentiment');
    const after = await api.gql(SENTIMENT, { id: reply.id }, as(admin));
    expect(after.data.post.sentiment).toMatchObject({ label: 'NEGATIVE', cues: ['FRUSTRATION'] });
    const [row] = await api.sql('select score, version from post_sentiments where post_id = $1', [reply.id]);
    expect(row.score).toBe(after.data.post.sentiment.score);
    expect(row.version).toBe(1);
  });

  it('only staff see it: null with FORBIDDEN for members, advocates and the author; UNAUTHENTICATED for visitors', async () => {
    const thread = await buildThread(api, member, { body: 'This is urgent, the deadline is tomorrow.' });
    await caughtUp(api, 'insights.post_sentiment');
    for (const [viewer, code] of [
      [member, 'FORBIDDEN'],
      [advocate, 'FORBIDDEN'],
      [null, 'UNAUTHENTICATED'],
    ] as const) {
      const res = await api.gql(SENTIMENT, { id: thread.question.id }, as(viewer));
      expect(res.data.post).toMatchObject({ id: thread.question.id, sentiment: null });
      expect(res.errors?.[0]?.extensions.code).toBe(code);
    }
    for (const staff of [moderator, admin]) {
      const res = await api.gql(SENTIMENT, { id: thread.question.id }, as(staff));
      expect(res.errors).toBeUndefined();
      expect(res.data.post.sentiment.cues).toContain('URGENCY');
    }
  });

  it("a member's sentiment signal: the trend of their recent posts, mean score and cues (staff only)", async () => {
    const author = await buildMember(api);
    const thread = await buildThread(api, author, { body: 'I love how simple the setup was.' });
    await buildReply(api, author, thread.id, 'We are looking for alternatives, this is terrible and still broken.');
    await buildReply(api, author, thread.id, 'Thanks, the fix worked!');
    await caughtUp(api, 'insights.post_sentiment');
    const SIGNAL = `query($h: String!) { member(handle: $h) {
      sentimentSignal(limit: 2) { score label cues trend { postId score label cues at } } } }`;
    const res = await api.gql(SIGNAL, { h: author.handle }, as(moderator));
    expect(res.errors).toBeUndefined();
    const signal = res.data.member.sentimentSignal;
    expect(signal.trend).toHaveLength(2);
    expect(signal.trend[0].cues).toEqual(['FRUSTRATION', 'CHURN_RISK']);
    expect(signal.trend[1].cues).toEqual(['GRATITUDE']);
    expect(signal.score).toBe(Math.round((signal.trend[0].score + signal.trend[1].score) / 2));
    expect(signal.cues).toEqual(expect.arrayContaining(['FRUSTRATION', 'CHURN_RISK', 'GRATITUDE']));
    const refused = await api.gql(SIGNAL, { h: author.handle }, as(author));
    expect(refused.data.member.sentimentSignal).toBeNull();
    expect(refused.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });

  it('the backfill computes missing and outdated rows in batches, and again changes nothing', async () => {
    const thread = await buildThread(api, member, { body: 'I am confused: what does mesh fallback mean?' });
    await caughtUp(api, 'insights.post_sentiment');
    await api.sql('delete from post_sentiments where post_id = $1', [thread.question.id]);
    await api.sql('update post_sentiments set version = 0, cues = $1 where post_id <> $2', ['{}', thread.question.id]);
    const [{ n: posts }] = await api.sql('select count(*)::int as n from posts');
    const batches: number[] = [];
    const done = await backfillSentiments(api.app.services.orm.em.fork(), {
      batchSize: 3,
      onBatch: (count) => batches.push(count),
    });
    expect(done).toBe(posts);
    expect(batches.length).toBe(Math.ceil(posts / 3));
    const [row] = await api.sql('select cues, version from post_sentiments where post_id = $1', [thread.question.id]);
    expect(row).toEqual({ cues: ['CONFUSION'], version: 1 });
    const [{ n: rows }] = await api.sql('select count(*)::int as n from post_sentiments where version = 1');
    expect(rows).toBe(posts);
    expect(await backfillSentiments(api.app.services.orm.em.fork())).toBe(0);
  });

  it("the subscriber's cost per post, measured on 1,000 posts", async () => {
    const thread = { id: Number((await buildThread(api, member)).id) };
    const bodies = [
      URGENT,
      'Still broken after the update. Third time I report this; we are looking for alternatives.',
      'I do not understand the pairing step. What does "mesh fallback" mean?\n\n```\nerror: urgent\n```',
      'Sign out and back in; the update rotated the sync tokens for every device. Thanks!',
    ];
    const ids = await api.sql<{ id: number }>(
      `insert into posts (thread_id, author_id, body, body_html)
       select $1, $2, ($3::text[])[1 + g % 4] || ' ' || repeat('The hub pairs again after a reset. ', g % 7), ''
         from generate_series(1, 1000) g returning id`,
      [thread.id, member.id, bodies],
    );
    const events = ids.map(
      (r) =>
        ({
          name: 'post.created',
          data: { postId: r.id, threadId: thread.id, categoryId: 0, authorId: 0 },
        }) as DomainEvent,
    );
    const em = api.app.services.orm.em.fork();
    const started = performance.now();
    for (let i = 0; i < events.length; i += 500) {
      await em.transactional((tx) =>
        scorePostSentiment.handle(events.slice(i, i + 500), { tx, services: api.app.services }),
      );
    }
    const perPost = (performance.now() - started) / events.length;
    console.info(`sentiment subscriber: ${perPost.toFixed(3)} ms per post (1,000 posts, batches of 500)`);
    const [{ n }] = await api.sql('select count(*)::int as n from post_sentiments where post_id = any($1::int[])', [
      ids.map((r) => r.id),
    ]);
    expect(n).toBe(1000);
    expect(perPost).toBeLessThan(10);
  });
});
