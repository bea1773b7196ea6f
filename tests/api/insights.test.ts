import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildReply, buildThread, type TestMember } from '../support/factories.js';
import { caughtUp } from '../support/events.js';
import { startTestApi, type TestApi } from '../support/test-api.js';
import { backfillSentiments } from '../../api/src/modules/insights/sentiment/sentiment.store.js';
import { scorePostSentiment } from '../../api/src/modules/insights/sentiment/sentiment.subscriber.js';
import type { DomainEvent } from '../../api/src/platform/events/events.js';
import { recomputeInfluenceJob } from '../../api/src/modules/insights/influence/influence.jobs.js';

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

describe('influence', () => {
  const ACCEPT = `mutation($id: ID!) { acceptAnswer(postId: $id) { id } }`;
  const HIDDEN = `query { hiddenInfluencers(first: 50) {
    member { id handle } rank outOf why nominatedAt influence { score parts { name value weight explanation } } } }`;
  const INFLUENCE = `query($h: String!) { member(handle: $h) { influence { score computedAt parts { name value weight } } } }`;
  const NOMINATE = `mutation($id: ID!) { nominateAdvocate(memberId: $id) { id score member { id } nominatedBy { id } } }`;
  let hidden: TestMember;
  let staffAnswerer: TestMember;
  let solvedThreadId: string;

  /** `answerer` answers one question from each asker, and each asker accepts. */
  async function solve(answerer: TestMember, askers: TestMember[]): Promise<string[]> {
    const threads: string[] = [];
    for (const asker of askers) {
      const thread = await buildThread(api, asker);
      const reply = await buildReply(api, answerer, thread.id);
      const res = await api.gql(ACCEPT, { id: reply.id }, as(asker));
      expect(res.errors).toBeUndefined();
      threads.push(thread.id);
    }
    return threads;
  }

  beforeAll(async () => {
    [hidden, staffAnswerer] = await Promise.all([buildMember(api), buildMember(api, { role: 'MODERATOR' })]);
    const askers = await Promise.all(Array.from({ length: 4 }, () => buildMember(api)));
    const fillers = await Promise.all(Array.from({ length: 20 }, () => buildMember(api)));
    // The top three: an advocate (4 solutions), staff (4) and a plain member (3); then 20
    // members with one solution each, for one asker. Top decile of 23 = ntile 1 = 3 members.
    await solve(advocate, askers);
    await solve(staffAnswerer, askers);
    [solvedThreadId] = await solve(hidden, askers.slice(0, 3));
    for (const filler of fillers) await solve(filler, [askers[3]!]);
    await caughtUp(api, 'insights.solution_views');
    // Views after the solution count as reach; those before do not.
    const [note] = await api.sql('select views_at_solution from solution_views where thread_id = $1', [solvedThreadId]);
    expect(note).toBeDefined();
    await api.sql('update threads set view_count = view_count + 40 where id = $1', [solvedThreadId]);
    await recomputeInfluenceJob.handle(api.app.services, {});
  });

  it('hiddenInfluencers lists the top decile without staff or advocates, with why', async () => {
    const res = await api.gql(HIDDEN, {}, as(moderator));
    expect(res.errors).toBeUndefined();
    const list = res.data.hiddenInfluencers;
    expect(list.map((h: any) => h.member.handle)).toEqual([hidden.handle]);
    const [row] = list;
    expect(row.outOf).toBe(23);
    expect(row.rank).toBeLessThanOrEqual(3);
    expect(row.why).toMatch(
      /^Top 10% of influence \(#[123] of 23\), neither staff nor an advocate: 3 accepted answers/,
    );
    expect(row.why).toContain('3 distinct askers');
    expect(row.why).toContain('about 40 views');
    const parts = Object.fromEntries(row.influence.parts.map((p: any) => [p.name, p]));
    expect(parts.ACCEPTED_ANSWERS.value).toBeCloseTo(3, 2);
    expect(parts.ASKERS_HELPED).toMatchObject({ value: 3, weight: 0.5 });
    expect(parts.REACH.value).toBeCloseTo(Math.log10(41), 3);
    expect(row.influence.score).toBeCloseTo(
      row.influence.parts.reduce((s: number, p: any) => s + p.value * p.weight, 0),
      2,
    );
    const [{ n }] = await api.sql('select count(*)::int as n from member_influence');
    expect(n).toBe(23);
  });

  it('influence and hiddenInfluencers are for staff only', async () => {
    const staff = await api.gql(INFLUENCE, { h: hidden.handle }, as(admin));
    expect(staff.errors).toBeUndefined();
    expect(staff.data.member.influence.parts.map((p: any) => p.name)).toEqual([
      'ACCEPTED_ANSWERS',
      'REACH',
      'ASKERS_HELPED',
      'RANK',
    ]);
    const none = await api.gql(INFLUENCE, { h: member.handle }, as(moderator));
    expect(none.data.member.influence).toMatchObject({ score: 0, computedAt: null });
    for (const [viewer, code] of [
      [hidden, 'FORBIDDEN'],
      [advocate, 'FORBIDDEN'],
      [null, 'UNAUTHENTICATED'],
    ] as const) {
      const own = await api.gql(INFLUENCE, { h: hidden.handle }, as(viewer));
      expect(own.data.member.influence).toBeNull();
      expect(own.errors?.[0]?.extensions.code).toBe(code);
      const list = await api.gql(HIDDEN, {}, as(viewer));
      expect(list.data).toBeNull();
      expect(list.errors?.[0]?.extensions.code).toBe(code);
    }
  });

  it('staff nominate a hidden influencer once; members cannot; staff and advocates are not nominated', async () => {
    const refused = await api.gql(NOMINATE, { id: hidden.id }, as(member));
    expect(refused.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const res = await api.gql(NOMINATE, { id: hidden.id }, as(moderator));
    expect(res.errors).toBeUndefined();
    expect(res.data.nominateAdvocate).toMatchObject({ member: { id: hidden.id }, nominatedBy: { id: moderator.id } });
    expect(res.data.nominateAdvocate.score).toBeGreaterThan(0);
    expect((await api.gql(NOMINATE, { id: hidden.id }, as(admin))).errors?.[0]?.extensions.code).toBe('CONFLICT');
    expect((await api.gql(NOMINATE, { id: advocate.id }, as(admin))).errors?.[0]?.extensions.code).toBe('CONFLICT');
    expect((await api.gql(NOMINATE, { id: staffAnswerer.id }, as(admin))).errors?.[0]?.extensions.code).toBe(
      'CONFLICT',
    );
    expect((await api.gql(NOMINATE, { id: '99999999' }, as(admin))).errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    const events = await api.sql(
      `select actor_id, subject, data from domain_events where name = 'advocate.nominated' order by id`,
    );
    expect(events).toEqual([
      {
        actor_id: String(moderator.id),
        subject: `member:${hidden.id}`,
        data: {
          memberId: Number(hidden.id),
          score: res.data.nominateAdvocate.score,
          nominationId: Number(res.data.nominateAdvocate.id),
        },
      },
    ]);
    const list = await api.gql(HIDDEN, {}, as(moderator));
    expect(list.data.hiddenInfluencers[0].nominatedAt).not.toBeNull();
  });

  it('a recompute drops a member whose only solution was unaccepted; the views note goes with it', async () => {
    const [asker, answerer] = await Promise.all([buildMember(api), buildMember(api)]);
    const [threadId] = await solve(answerer, [asker]);
    await caughtUp(api, 'insights.solution_views');
    await recomputeInfluenceJob.handle(api.app.services, {});
    expect(await api.sql('select 1 from member_influence where member_id = $1', [answerer.id])).toHaveLength(1);
    const res = await api.gql(
      `mutation($id: ID!) { unacceptAnswer(threadId: $id) { id } }`,
      { id: threadId },
      as(asker),
    );
    expect(res.errors).toBeUndefined();
    await caughtUp(api, 'insights.solution_views');
    expect(await api.sql('select 1 from solution_views where thread_id = $1', [threadId])).toHaveLength(0);
    await recomputeInfluenceJob.handle(api.app.services, {});
    expect(await api.sql('select 1 from member_influence where member_id = $1', [answerer.id])).toHaveLength(0);
    const INFLUENCE_OF = `query($h: String!) { member(handle: $h) { influence { score computedAt } } }`;
    const after = await api.gql(INFLUENCE_OF, { h: answerer.handle }, as(moderator));
    expect(after.data.member.influence).toEqual({ score: 0, computedAt: null });
  });
});
