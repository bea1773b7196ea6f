import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildReply, buildThread, type TestMember } from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// The staff insights dashboard (PRODUCT.md capability 8): fixed threads with known reply and
// accept times give exact medians and 90th percentiles; only what a visitor may read counts.
let api: TestApi;
let moderator: TestMember;
let admin: TestMember;
let member: TestMember;
let helper: TestMember;
let advocate: TestMember;
let categoryId: string;

beforeAll(async () => {
  api = await startTestApi();
  [moderator, admin, member, helper, advocate] = await Promise.all([
    buildMember(api, { role: 'MODERATOR' }),
    buildMember(api, { role: 'ADMIN' }),
    buildMember(api),
    buildMember(api),
    buildMember(api),
  ]);
  await api.sql('update members set is_advocate = true where id = $1', [advocate.id]);
  const [cat] = await api.sql(
    `insert into categories (slug, name, kind) values ('dash-' || floor(random() * 1e9)::text, 'Dashboard QA', 'QA') returning id`,
  );
  categoryId = String(cat.id);
});
afterAll(() => api?.close());

const as = (m: TestMember | null) => (m ? { token: m.token, ip: m.ip } : {});

const DASHBOARD = `query($days: Int, $categoryId: ID) {
  insightsDashboard(days: $days, categoryId: $categoryId) {
    days from to categoryId
    responseTimes {
      firstResponse { median p90 count }
      solution { median p90 count }
      weekly { weekStart questions solved firstResponse { median count } solution { median count } }
    }
    solved { questions solved solvedByCommunity share shareByCommunity }
    unansweredByAge { bucket label count }
    sentimentTrend { weekStart posts meanScore negativeShare }
    topAdvocates(first: 5) { member { id handle } acceptedAnswers askersHelped advocate }
    hiddenInfluencers(first: 3) { member { id } rank why }
    deflection { sessions shown }
    escalationsByPriority { band status count }
  }
}`;

/** A question asked `ageSeconds` ago in the test category. */
async function askedAgo(asker: TestMember, ageSeconds: number) {
  const thread = await buildThread(api, asker, { categoryId });
  await api.sql(`update threads set created_at = now() - make_interval(secs => $2) where id = $1`, [
    thread.id,
    ageSeconds,
  ]);
  await api.sql(`update posts set created_at = now() - make_interval(secs => $2) where id = $1`, [
    thread.question.id,
    ageSeconds,
  ]);
  return thread;
}

/** A reply written `after` seconds after its thread was asked. */
async function replyAfter(author: TestMember, threadId: string, after: number) {
  const reply = await buildReply(api, author, threadId);
  await api.sql(
    `update posts p set created_at = t.created_at + make_interval(secs => $2) from threads t
      where p.id = $1 and t.id = p.thread_id`,
    [reply.id, after],
  );
  return reply;
}

/** The asker accepts `replyId`, recorded as `after` seconds after the question. */
async function acceptAfter(asker: TestMember, replyId: string, after: number) {
  const res = await api.gql(`mutation($id: ID!) { acceptAnswer(postId: $id) { id } }`, { id: replyId }, as(asker));
  expect(res.errors).toBeUndefined();
  await api.sql(
    `update posts p set accepted_at = t.created_at + make_interval(secs => $2) from threads t
      where p.id = $1 and t.id = p.thread_id`,
    [replyId, after],
  );
}

describe('insights dashboard', () => {
  it('gives exact medians and p90s, solved shares, the unanswered queue by age and top advocates', async () => {
    const DAY = 86_400;
    const askers = await Promise.all(Array.from({ length: 5 }, () => buildMember(api)));
    // T1: the asker's own reply does not count; the helper answers at 60 s, accepted at 600 s.
    const t1 = await askedAgo(askers[0]!, 2 * DAY);
    await replyAfter(askers[0]!, t1.id, 10);
    const a1 = await replyAfter(helper, t1.id, 60);
    await acceptAfter(askers[0]!, a1.id, 600);
    // T2: staff answer at 120 s, accepted at 1,200 s (solved, but not by the community).
    const t2 = await askedAgo(askers[1]!, 2 * DAY);
    const a2 = await replyAfter(moderator, t2.id, 120);
    await acceptAfter(askers[1]!, a2.id, 1200);
    // T3: answered at 300 s, never accepted.
    const t3 = await askedAgo(askers[2]!, 2 * DAY);
    await replyAfter(helper, t3.id, 300);
    // T4: a reply at 30 s that was deleted, and one at 3,600 s.
    const t4 = await askedAgo(askers[3]!, 2 * DAY);
    const deleted = await replyAfter(helper, t4.id, 30);
    await api.sql('update posts set deleted_at = now() where id = $1', [deleted.id]);
    await replyAfter(advocate, t4.id, 3600);
    // T5, T7: unanswered, 2 days and 30 minutes old; T8: 40 days old (outside the period).
    await askedAgo(askers[4]!, 2 * DAY);
    await askedAgo(askers[4]!, 1800);
    await askedAgo(askers[4]!, 40 * DAY);
    // T6: a deleted thread, answered and solved at once: never counted.
    const t6 = await askedAgo(askers[2]!, DAY);
    const a6 = await replyAfter(helper, t6.id, 1);
    await acceptAfter(askers[2]!, a6.id, 2);
    await api.sql('update threads set deleted_at = now() where id = $1', [t6.id]);

    const res = await api.gql(DASHBOARD, { days: 7, categoryId }, as(moderator));
    expect(res.errors).toBeUndefined();
    const d = res.data.insightsDashboard;
    expect(d).toMatchObject({ days: 7, categoryId });
    // First responses 60, 120, 300, 3600: median (120+300)/2, p90 = 300 + 0.7 × 3300.
    expect(d.responseTimes.firstResponse).toEqual({ median: 210, p90: 2610, count: 4 });
    // Solutions 600 and 1200: median 900, p90 = 600 + 0.9 × 600.
    expect(d.responseTimes.solution).toEqual({ median: 900, p90: 1140, count: 2 });
    expect(d.solved).toMatchObject({ questions: 6, solved: 2, solvedByCommunity: 1 });
    expect(d.solved.share).toBeCloseTo(2 / 6);
    expect(d.solved.shareByCommunity).toBeCloseTo(1 / 6);
    const weeks = d.responseTimes.weekly;
    expect(weeks.reduce((n: number, w: { questions: number }) => n + w.questions, 0)).toBe(6);
    expect(weeks.reduce((n: number, w: { solved: number }) => n + w.solved, 0)).toBe(2);
    expect(d.unansweredByAge).toEqual([
      { bucket: 'UNDER_1_HOUR', label: '< 1 h', count: 1 },
      { bucket: 'UNDER_1_DAY', label: '1–24 h', count: 0 },
      { bucket: 'UNDER_1_WEEK', label: '1–7 d', count: 1 },
      { bucket: 'UNDER_30_DAYS', label: '7–30 d', count: 0 },
      { bucket: 'OVER_30_DAYS', label: '> 30 d', count: 1 },
    ]);
    // Only the helper's accepted answer counts: staff are not advocates, the deleted thread not at all.
    expect(d.topAdvocates).toEqual([
      { member: { id: helper.id, handle: helper.handle }, acceptedAnswers: 1, askersHelped: 1, advocate: false },
    ]);

    // Ninety days take in the 40-day-old question; one day none of the two-day-old ones.
    const wide = await api.gql(DASHBOARD, { days: 90, categoryId }, as(admin));
    expect(wide.data.insightsDashboard.solved.questions).toBe(7);
    const narrow = await api.gql(DASHBOARD, { days: 1, categoryId }, as(admin));
    expect(narrow.data.insightsDashboard.solved.questions).toBe(1);
    expect(narrow.data.insightsDashboard.responseTimes.firstResponse).toEqual({ median: null, p90: null, count: 0 });
  });

  it('hidden posts and hidden questions do not count; the sentiment trend counts visible scored posts', async () => {
    const asker = await buildMember(api);
    const hiddenQuestion = await askedAgo(asker, 3600);
    await api.sql(`update threads set question_hidden = true where id = $1`, [hiddenQuestion.id]);
    const before = (await api.gql(DASHBOARD, { days: 7, categoryId }, as(moderator))).data.insightsDashboard;

    const thread = await askedAgo(asker, 600);
    const hiddenReply = await replyAfter(helper, thread.id, 5);
    await api.sql(`update posts set hidden_at = now(), hidden_reason = 'FLAGS' where id = $1`, [hiddenReply.id]);
    const after = (await api.gql(DASHBOARD, { days: 7, categoryId }, as(moderator))).data.insightsDashboard;
    expect(after.solved.questions).toBe(before.solved.questions + 1);
    expect(after.responseTimes.firstResponse.count).toBe(before.responseTimes.firstResponse.count);
    expect(after.unansweredByAge[0].count).toBe(before.unansweredByAge[0].count + 1);

    // Sentiment: scores written directly for this category's posts (the subscriber's own tests are in insights).
    const posts = await api.sql(
      `select p.id from posts p join threads t on t.id = p.thread_id
        where t.category_id = $1 and p.deleted_at is null and p.hidden_at is null and not t.question_hidden
          and t.deleted_at is null and p.created_at >= now() - interval '7 days'`,
      [categoryId],
    );
    await api.sql(
      `insert into post_sentiments (post_id, score, label, cues, version)
       select id, case when id % 2 = 0 then -600 else 400 end, case when id % 2 = 0 then 'NEGATIVE' else 'POSITIVE' end, '{}', 1
         from unnest($1::int[]) id on conflict (post_id) do update set score = excluded.score, label = excluded.label`,
      [posts.map((p: { id: number }) => p.id)],
    );
    await api.sql(
      `insert into post_sentiments (post_id, score, label, cues, version) values ($1, -1000, 'NEGATIVE', '{}', 1), ($2, -1000, 'NEGATIVE', '{}', 1)
       on conflict (post_id) do update set score = excluded.score, label = excluded.label`,
      [hiddenReply.id, hiddenQuestion.question.id],
    );
    const trend = (await api.gql(DASHBOARD, { days: 7, categoryId }, as(moderator))).data.insightsDashboard
      .sentimentTrend as { posts: number; meanScore: number; negativeShare: number }[];
    const negatives = posts.filter((p: { id: number }) => p.id % 2 === 0).length;
    expect(trend.reduce((n, w) => n + w.posts, 0)).toBe(posts.length);
    const total = trend.reduce((n, w) => n + w.posts * w.negativeShare, 0);
    expect(Math.round(total)).toBe(negatives);
  });

  it('counts escalations opened in the period by priority band and status; a deleted thread’s never', async () => {
    const asker = await buildMember(api);
    const threads = await Promise.all([0, 1, 2, 3, 4].map(() => buildThread(api, asker, { categoryId })));
    const rows: [number, string, string][] = [
      [80, 'OPEN', '1 day'], // urgent (≥ 60 by default)
      [60, 'OPEN', '2 days'], // urgent
      [40, 'IN_PROGRESS', '3 days'], // high (≥ 35)
      [10, 'RESOLVED', '40 days'], // normal, but opened before the period
      [90, 'OPEN', '1 day'], // its thread is deleted below
    ];
    for (const [i, [priority, status, ago]] of rows.entries()) {
      await api.sql(
        `insert into escalations (thread_id, reason, priority, priority_parts, status, sla_due_at, created_at)
         values ($1, 'NEEDS_STAFF', $2, '[]', $3, now(), now() - $4::interval)`,
        [threads[i]!.id, priority, status, ago],
      );
    }
    await api.sql('update threads set deleted_at = now() where id = $1', [threads[4]!.id]);
    const res = await api.gql(
      `query($categoryId: ID) { insightsDashboard(days: 30, categoryId: $categoryId) { escalationsByPriority { band status count } } }`,
      { categoryId },
      as(moderator),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.insightsDashboard.escalationsByPriority).toEqual([
      { band: 'HIGH', status: 'IN_PROGRESS', count: 1 },
      { band: 'URGENT', status: 'OPEN', count: 2 },
    ]);
  });

  it('a category the viewer cannot name is NOT_FOUND; bad periods are BAD_USER_INPUT', async () => {
    const missing = await api.gql(DASHBOARD, { days: 7, categoryId: '999999999' }, as(admin));
    expect(missing.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    for (const days of [0, 366]) {
      const bad = await api.gql(DASHBOARD, { days }, as(admin));
      expect(bad.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('restricted categories count for staff, who may read them; members, advocates and visitors are refused', async () => {
    const [restricted] = await api.sql(
      `insert into categories (slug, name, kind) values ('staff-' || floor(random() * 1e9)::text, 'Staff room', 'RESTRICTED') returning id`,
    );
    await buildThread(api, advocate, { categoryId: String(restricted.id) });
    const staff = await api.gql(DASHBOARD, { days: 7, categoryId: String(restricted.id) }, as(moderator));
    expect(staff.errors).toBeUndefined();
    expect(staff.data.insightsDashboard.solved.questions).toBe(1);

    for (const [viewer, code] of [
      [member, 'FORBIDDEN'],
      [advocate, 'FORBIDDEN'],
      [null, 'UNAUTHENTICATED'],
    ] as const) {
      const res = await api.gql(DASHBOARD, { days: 7 }, as(viewer));
      expect(res.data).toBeNull();
      expect(res.errors?.[0]?.extensions.code).toBe(code);
    }
    // A service token, whatever its scopes, reads no insights.
    const created = await api.gql(
      `mutation($input: CreateServiceTokenInput!) { createServiceToken(input: $input) { token } }`,
      { input: { name: 'CRM sync', scopes: ['customers:read', 'customers:write', 'events:read', 'cases:write'] } },
      as(admin),
    );
    expect(created.errors).toBeUndefined();
    const service = await api.gql(DASHBOARD, { days: 7 }, { token: created.data.createServiceToken.token });
    expect(service.data).toBeNull();
    expect(service.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });
});
