import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caughtUp } from '../support/events.js';
import { buildMember, buildReply, buildThread, firstCategoryId, type TestMember } from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// The review queue (issue 12 item 2): who may review what, claims that keep two reviewers off
// one item, each decision's effects (removal with its reputation penalty, Helpful Flagger,
// flaggers' accuracy), concurrent decisions, and the capacity figures.
let api: TestApi;
let moderator: TestMember;
let moderator2: TestMember;
let admin: TestMember;
let qa: string;
let other: string;
beforeAll(async () => {
  api = await startTestApi();
  [moderator, moderator2, admin] = await Promise.all([
    buildMember(api, { role: 'MODERATOR' }),
    buildMember(api, { role: 'MODERATOR' }),
    buildMember(api, { role: 'ADMIN' }),
  ]);
  qa = await firstCategoryId(api);
  const [row] = await api.sql<{ id: number }>(
    `insert into categories (slug, name, kind) values ('review-other', 'Other', 'QA') returning id`,
  );
  other = String(row!.id);
});
afterAll(() => api?.close());

const QUEUE = `query($filter: ReviewQueueFilterInput, $first: Int, $after: String) {
  reviewQueue(filter: $filter, first: $first, after: $after) {
    edges { cursor node {
      id kind status staffOnly createdAt claimExpiresAt decision decisionReason
      claimedBy { handle } decidedBy { handle } author { id }
      post { id body isHidden }
      flags { reason note weight status flagger { handle } createdAt }
      history { accountAge previousFlags previousFlagsAgreed sanctions { kind until liftedAt } }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const CLAIM = `mutation($id: ID!) { claimReviewItem(itemId: $id) { id claimedBy { handle } claimExpiresAt } }`;
const RESOLVE = `mutation($input: ResolveReviewItemInput!) {
  resolveReviewItem(input: $input) { id status decision staffOnly decidedBy { handle } }
}`;
const FLAG = `mutation($input: FlagPostInput!) { flagPost(input: $input) { post { id isHidden } } }`;
const STATS = `{ reviewQueueStats {
  open oldestWaitingSeconds handledToday projectedClearSeconds
  byAge { bucket count } handledPerReviewer { reviewer { handle } count }
} }`;

const as = (m: TestMember) => ({ token: m.token, ip: m.ip });
const flag = (by: TestMember, postId: string, reason = 'SPAM', note?: string) =>
  api.gql(FLAG, { input: { postId, reason, note } }, as(by));
const claim = (by: TestMember, id: string) => api.gql(CLAIM, { id }, as(by));
const resolve = (by: TestMember, id: string, decision: string, reason?: string) =>
  api.gql(RESOLVE, { input: { itemId: id, decision, reason } }, as(by));
const flaggers = (n: number) => Promise.all(Array.from({ length: n }, () => buildMember(api)));

/** A post flagged by `n` members (3: hidden by the threshold) with `reason`; returns its open item. */
async function flaggedPost(opts: { n?: number; reason?: string; categoryId?: string; reply?: boolean } = {}) {
  const author = await buildMember(api);
  const thread = await buildThread(api, author, { categoryId: opts.categoryId ?? qa });
  const postId = opts.reply ? (await buildReply(api, author, thread.id)).id : thread.question.id;
  const by = await flaggers(opts.n ?? 3);
  for (const f of by) expect((await flag(f, postId, opts.reason ?? 'SPAM')).errors).toBeUndefined();
  const [item] = await api.sql<{ id: number }>(`select id from review_items where post_id = $1 and status = 'OPEN'`, [
    postId,
  ]);
  return { author, thread, postId, flaggers: by, itemId: String(item!.id) };
}

async function queueIds(viewer: TestMember, filter: Record<string, unknown> = {}) {
  const res = await api.gql(QUEUE, { filter, first: 100 }, as(viewer));
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.reviewQueue.edges.map((e: any) => e.node.id as string);
}

describe('who may review', () => {
  it('moderators everything, 2,000-reputation members all but staff-only, advocates their categories', async () => {
    const here = await flaggedPost({ categoryId: qa });
    const elsewhere = await flaggedPost({ categoryId: other });
    const escalated = await flaggedPost({ categoryId: qa });
    await api.sql('update review_items set staff_only = true where id = $1', [escalated.itemId]);

    const reviewer = await buildMember(api, { reputation: 2000 });
    const [advocate, member] = await Promise.all([buildMember(api, { reputation: 40 }), buildMember(api)]);
    const grant = await api.gql(
      `mutation($input: GrantAdvocateInput!) { grantAdvocate(input: $input) { id } }`,
      { input: { memberId: advocate.id, reason: 'Helps in Q&A', categoryIds: [qa] } },
      as(admin),
    );
    expect(grant.errors).toBeUndefined();

    for (const staff of [moderator, admin]) {
      expect(await queueIds(staff)).toEqual(expect.arrayContaining([here.itemId, elsewhere.itemId, escalated.itemId]));
    }
    const seenByReviewer = await queueIds(reviewer);
    expect(seenByReviewer).toEqual(expect.arrayContaining([here.itemId, elsewhere.itemId]));
    expect(seenByReviewer).not.toContain(escalated.itemId);
    const seenByAdvocate = await queueIds(advocate);
    expect(seenByAdvocate).toContain(here.itemId);
    expect(seenByAdvocate).not.toContain(elsewhere.itemId);
    expect(seenByAdvocate).not.toContain(escalated.itemId);

    const denied = await api.gql(QUEUE, {}, as(member));
    expect(denied.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect(denied.errors![0]!.message).toBe('You need 2000 reputation to use the review queue; you have 15.');
    expect((await api.gql(STATS, {}, as(member))).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect((await api.gql(QUEUE, {})).errors?.[0]?.extensions.code).toBe('FORBIDDEN');

    // Acting follows the same rule.
    const cases: [TestMember, string, string][] = [
      [member, here.itemId, 'FORBIDDEN'],
      [advocate, elsewhere.itemId, 'FORBIDDEN'],
      [reviewer, escalated.itemId, 'FORBIDDEN'],
    ];
    for (const [who, id, code] of cases) {
      expect((await claim(who, id)).errors?.[0]?.extensions.code).toBe(code);
      expect((await resolve(who, id, 'IGNORE')).errors?.[0]?.extensions.code).toBe(code);
    }
    expect((await claim(advocate, here.itemId)).errors).toBeUndefined();
    expect((await resolve(advocate, here.itemId, 'IGNORE')).data.resolveReviewItem.status).toBe('RESOLVED');
    expect((await resolve(reviewer, elsewhere.itemId, 'IGNORE')).errors).toBeUndefined();
    expect((await resolve(moderator, escalated.itemId, 'IGNORE')).errors).toBeUndefined();
  });
});

describe('the queue page', () => {
  it('lists items oldest first by keyset, with the post in full, its flags and the author’s history', async () => {
    const first = await flaggedPost({ n: 1, reason: 'OFF_TOPIC' });
    const second = await flaggedPost({ n: 3 });
    const byKind = await queueIds(moderator, { kinds: ['FLAGGED_POST'] });
    expect(byKind).toContain(first.itemId);
    expect(byKind).not.toContain(second.itemId);
    expect(await queueIds(moderator, { categoryId: other })).not.toContain(first.itemId);

    const all = await queueIds(moderator);
    expect(all.indexOf(first.itemId)).toBeLessThan(all.indexOf(second.itemId));
    // Keyset pages of one walk the same order.
    const walked: string[] = [];
    let after: string | null = null;
    do {
      const res: any = await api.gql(QUEUE, { first: 1, after }, as(moderator));
      walked.push(...res.data.reviewQueue.edges.map((e: any) => e.node.id));
      after = res.data.reviewQueue.pageInfo.hasNextPage ? res.data.reviewQueue.pageInfo.endCursor : null;
    } while (after);
    expect(walked).toEqual(all);

    const res = await api.gql(QUEUE, { filter: { kinds: ['HIDDEN_POST'] }, first: 100 }, as(moderator));
    const node = res.data.reviewQueue.edges.find((e: any) => e.node.id === second.itemId).node;
    expect(node).toMatchObject({
      kind: 'HIDDEN_POST',
      status: 'OPEN',
      staffOnly: false,
      claimedBy: null,
      author: { id: second.author.id },
      post: { id: second.postId, isHidden: true },
      history: { previousFlags: 3, previousFlagsAgreed: 0 },
    });
    expect(node.post.body).not.toMatch(/hidden pending review/); // reviewers read it
    expect(node.history.accountAge).toBeGreaterThanOrEqual(0);
    expect(node.flags).toHaveLength(3);
    expect(node.flags.map((f: any) => f.flagger.handle).sort()).toEqual(second.flaggers.map((f) => f.handle).sort());
    expect(node.flags[0]).toMatchObject({ reason: 'SPAM', weight: 2, status: 'OPEN', note: null });
  });
});

describe('the queue page’s cost', () => {
  it('uses a constant number of SQL statements, whatever the number of items', async () => {
    const [row] = await api.sql<{ id: number }>(
      `insert into categories (slug, name, kind) values ('review-cost', 'Cost', 'QA') returning id`,
    );
    const categoryId = String(row!.id);
    const statements = async (expected: number) => {
      const res = await api.gql(
        QUEUE,
        { filter: { categoryId }, first: 50 },
        { ...as(moderator), headers: { 'x-hearth-debug': 'sql' } },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.reviewQueue.edges).toHaveLength(expected);
      return res.extensions!.sqlStatements as number;
    };
    for (let i = 0; i < 2; i++) await flaggedPost({ categoryId, n: 2 });
    const few = await statements(2);
    for (let i = 0; i < 6; i++) await flaggedPost({ categoryId, n: 2 });
    expect(await statements(8)).toBe(few);
    expect(few).toBeLessThanOrEqual(8);
  });
});

describe('claims', () => {
  it('keep a second reviewer off until the claim expires', async () => {
    const { itemId } = await flaggedPost();
    const claimed = await claim(moderator, itemId);
    expect(claimed.data.claimReviewItem.claimedBy.handle).toBe(moderator.handle);
    const until = claimed.data.claimReviewItem.claimExpiresAt;
    expect(new Date(until).getTime() - Date.now()).toBeGreaterThan(9 * 60_000);

    const refused = await claim(moderator2, itemId);
    expect(refused.errors?.[0]?.extensions.code).toBe('CONFLICT');
    expect(refused.errors![0]!.message).toBe(`@${moderator.handle} is reviewing this item until ${until}.`);
    expect((await resolve(moderator2, itemId, 'DISAGREE')).errors?.[0]?.extensions.code).toBe('CONFLICT');
    expect((await claim(moderator, itemId)).errors).toBeUndefined(); // renewing your own claim

    await api.sql(`update review_items set claim_expires_at = now() - interval '1 second' where id = $1`, [itemId]);
    const listed = await api.gql(QUEUE, { first: 100 }, as(moderator2));
    expect(listed.data.reviewQueue.edges.find((e: any) => e.node.id === itemId).node.claimedBy).toBeNull();
    expect((await claim(moderator2, itemId)).data.claimReviewItem.claimedBy.handle).toBe(moderator2.handle);
    expect((await resolve(moderator2, itemId, 'IGNORE')).errors).toBeUndefined();
  });

  it('two reviewers deciding one item at once: one wins, the other hears what happened', async () => {
    const { itemId, postId } = await flaggedPost();
    const results = await Promise.all([
      resolve(moderator, itemId, 'DISAGREE', 'Not spam'),
      resolve(moderator2, itemId, 'AGREE', 'Spam'),
    ]);
    const won = results.filter((r) => !r.errors);
    const lost = results.filter((r) => r.errors);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.errors![0]!.extensions.code).toBe('CONFLICT');
    const winner = won[0]!.data.resolveReviewItem;
    expect(lost[0]!.errors![0]!.message).toMatch(
      new RegExp(`^This item was already decided: ${winner.decision} by @${winner.decidedBy.handle} at `),
    );
    const events = await api.sql(`select data from domain_events where name = 'review.resolved' and subject = $1`, [
      `review_item:${itemId}`,
    ]);
    expect(events).toHaveLength(1);
    const [post] = await api.sql('select hidden_at, deleted_at from posts where id = $1', [postId]);
    expect(post.hidden_at === null && post.deleted_at === null).toBe(winner.decision === 'DISAGREE');
  });
});

/** The member's ledger apart from the factory's starting ADJUSTMENT. */
const ledger = (m: TestMember) =>
  api.sql(`select kind, points from reputation_events where member_id = $1 and kind <> 'ADJUSTMENT' order by id`, [
    m.id,
  ]);

/** `n` flags by `flagger`, decided (`status`) two days ago, on fresh replies. */
async function seedDecidedFlags(flagger: TestMember, n: number, status: 'AGREED' | 'DISAGREED') {
  const author = await buildMember(api);
  const thread = await buildThread(api, author);
  for (let i = 0; i < n; i++) {
    const reply = await buildReply(api, author, thread.id, `Seeded reply ${i} with enough words to be a reply.`);
    await api.sql(
      `with item as (
         insert into review_items (kind, post_id, author_id, category_id, status, decision, decided_at)
         values ('FLAGGED_POST', $1, $2, $3, 'RESOLVED', $4, now() - interval '2 days') returning id)
       insert into flags (post_id, flagger_id, review_item_id, reason, weight, status, created_at, decided_at)
       select $1, $5, item.id, 'SPAM', 200, $6, now() - interval '2 days', now() - interval '2 days' from item`,
      [reply.id, author.id, qa, status === 'AGREED' ? 'AGREE' : 'DISAGREE', flagger.id, status],
    );
  }
}

async function weightOfNextFlag(flagger: TestMember): Promise<number> {
  const author = await buildMember(api);
  const thread = await buildThread(api, author);
  await flag(flagger, thread.question.id, 'OFF_TOPIC');
  const [row] = await api.sql('select weight from flags where post_id = $1', [thread.question.id]);
  return row.weight / 100;
}

describe('decisions', () => {
  it('AGREE on spam by staff removes the post with the reputation penalty, and flaggers earn Helpful Flagger', async () => {
    const { author, postId, itemId, flaggers: by, thread } = await flaggedPost({ reply: true });
    const res = await resolve(moderator, itemId, 'AGREE', 'Link farm');
    expect(res.data.resolveReviewItem).toMatchObject({
      status: 'RESOLVED',
      decision: 'AGREE',
      decidedBy: { handle: moderator.handle },
    });
    const [post] = await api.sql('select deleted_at, removal_reason from posts where id = $1', [postId]);
    expect(post.deleted_at).not.toBeNull();
    expect(post.removal_reason).toBe('SPAM');
    expect(await ledger(author)).toEqual([{ kind: 'POST_REMOVED', points: -100 }]);
    expect(await api.sql('select distinct status from flags where review_item_id = $1', [itemId])).toEqual([
      { status: 'AGREED' },
    ]);
    const [event] = await api.sql(
      `select related, data from domain_events where name = 'review.resolved' and subject = $1`,
      [`review_item:${itemId}`],
    );
    expect(event.related).toEqual(
      expect.arrayContaining([`post:${postId}`, `thread:${thread.id}`, `member:${author.id}`]),
    );
    expect(event.data).toMatchObject({
      decision: 'AGREE',
      reason: 'Link farm',
      before: { status: 'OPEN', hidden: true, deleted: false },
      after: { status: 'RESOLVED', deleted: true },
    });
    await caughtUp(api, 'badges.award');
    const awards = await api.sql(
      `select member_id from badge_awards where badge = 'helpful-flagger' order by member_id`,
    );
    expect(awards.map((a) => String(a.member_id))).toEqual(expect.arrayContaining(by.map((f) => f.id)));
  });

  it('AGREE by a member reviewer, or on other reasons, keeps the post hidden instead', async () => {
    const reviewer = await buildMember(api, { reputation: 2000 });
    const spam = await flaggedPost({ n: 1 }); // below the threshold: not hidden yet
    expect((await resolve(reviewer, spam.itemId, 'AGREE')).errors).toBeUndefined();
    const [post] = await api.sql('select hidden_at, hidden_by, deleted_at from posts where id = $1', [spam.postId]);
    expect(post.deleted_at).toBeNull();
    expect(post.hidden_at).not.toBeNull();
    expect(String(post.hidden_by)).toBe(reviewer.id);
    expect(await ledger(spam.author)).toEqual([]);

    const offTopic = await flaggedPost({ reason: 'OFF_TOPIC' });
    await resolve(moderator, offTopic.itemId, 'AGREE');
    const [shown] = await api.sql('select hidden_at, deleted_at from posts where id = $1', [offTopic.postId]);
    expect(shown.hidden_at).not.toBeNull();
    expect(shown.deleted_at).toBeNull();
  });

  it('DISAGREE shows the post again; IGNORE leaves it as it is; ESCALATE hands it to staff', async () => {
    const disagreed = await flaggedPost();
    await resolve(moderator, disagreed.itemId, 'DISAGREE', 'A fair product comparison');
    const [shown] = await api.sql('select hidden_at from posts where id = $1', [disagreed.postId]);
    expect(shown.hidden_at).toBeNull();
    expect(await api.sql('select distinct status from flags where review_item_id = $1', [disagreed.itemId])).toEqual([
      { status: 'DISAGREED' },
    ]);
    const [unhidden] = await api.sql(
      `select actor_id, data from domain_events where name = 'post.unhidden' and subject = $1`,
      [`post:${disagreed.postId}`],
    );
    expect(unhidden.data).toMatchObject({ reason: 'A fair product comparison', after: { hidden: false } });

    const ignored = await flaggedPost();
    await resolve(moderator, ignored.itemId, 'IGNORE');
    const [still] = await api.sql('select hidden_at from posts where id = $1', [ignored.postId]);
    expect(still.hidden_at).not.toBeNull();
    expect(await api.sql('select distinct status from flags where review_item_id = $1', [ignored.itemId])).toEqual([
      { status: 'IGNORED' },
    ]);

    const reviewer = await buildMember(api, { reputation: 2000 });
    const escalated = await flaggedPost();
    const res = await resolve(reviewer, escalated.itemId, 'ESCALATE', 'Legal question');
    expect(res.data.resolveReviewItem).toMatchObject({ status: 'OPEN', staffOnly: true, decision: null });
    expect(await queueIds(reviewer)).not.toContain(escalated.itemId);
    expect(await queueIds(moderator)).toContain(escalated.itemId);
    expect((await resolve(moderator, escalated.itemId, 'ESCALATE')).errors?.[0]?.extensions.code).toBe('CONFLICT');
    expect((await resolve(moderator, escalated.itemId, 'DISAGREE')).errors).toBeUndefined();
  });

  it('moves the flaggers’ accuracy: agreed flags raise the weight of their next ones, disagreed lower it', async () => {
    const [good, bad] = await flaggers(2);
    await seedDecidedFlags(good, 5, 'AGREED');
    await seedDecidedFlags(bad, 5, 'AGREED');
    expect(await weightOfNextFlag(good)).toBe(2); // five decided: accuracy does not count yet
    // The sixth decision makes accuracy count: 6 of 6 agreed for one, 5 of 6 for the other (the
    // flags weighed above are still open: they do not count).
    const itemFlaggedBy = async (flagger: TestMember) => {
      const thread = await buildThread(api, await buildMember(api));
      await flag(flagger, thread.question.id, 'SPAM');
      const [row] = await api.sql('select id from review_items where post_id = $1', [thread.question.id]);
      return String(row.id);
    };
    await resolve(moderator, await itemFlaggedBy(good), 'AGREE');
    await resolve(moderator, await itemFlaggedBy(bad), 'DISAGREE');

    const log4of6 = Math.log(6) / Math.log(4);
    expect(await weightOfNextFlag(good)).toBe(Math.round((2 + log4of6 * 5) * 100) / 100);
    const share = 5 / 6;
    expect(await weightOfNextFlag(bad)).toBe(Math.round((2 + ((share - 0.7) / 0.3) * log4of6 * 5) * 100) / 100);
  });
});

describe('capacity figures', () => {
  it('count what waits by age, what was handled today and by whom, and project the time to clear', async () => {
    const quiet = await startTestApi();
    try {
      const [mod, helper] = await Promise.all([
        buildMember(quiet, { role: 'MODERATOR' }),
        buildMember(quiet, { role: 'MODERATOR' }),
      ]);
      const stats = async () => {
        const res = await quiet.gql(STATS, {}, as(mod));
        expect(res.errors).toBeUndefined();
        return res.data.reviewQueueStats;
      };
      expect(await stats()).toMatchObject({
        open: 0,
        oldestWaitingSeconds: null,
        handledToday: 0,
        projectedClearSeconds: null,
        handledPerReviewer: [],
      });
      const author = await buildMember(quiet);
      const flagger = await buildMember(quiet);
      const items: string[] = [];
      for (let i = 0; i < 6; i++) {
        const thread = await buildThread(quiet, author);
        await quiet.gql(FLAG, { input: { postId: thread.question.id, reason: 'OFF_TOPIC' } }, as(flagger));
        const [row] = await quiet.sql('select id from review_items where post_id = $1', [thread.question.id]);
        items.push(String(row!.id));
      }
      // Ages: two fresh, one 2 hours, one 10 hours, one 2 days, one 5 days.
      const ages = ['0 seconds', '0 seconds', '2 hours', '10 hours', '2 days', '5 days'];
      for (const [i, age] of ages.entries()) {
        await quiet.sql(`update review_items set created_at = now() - $2::interval where id = $1`, [items[i], age]);
      }
      // Handled: two today (one each), and one three days ago, of the items that waited longest.
      await quiet.gql(RESOLVE, { input: { itemId: items[5], decision: 'IGNORE' } }, as(mod));
      await quiet.gql(RESOLVE, { input: { itemId: items[4], decision: 'IGNORE' } }, as(helper));
      await quiet.gql(RESOLVE, { input: { itemId: items[3], decision: 'IGNORE' } }, as(mod));
      await quiet.sql(`update review_items set decided_at = now() - interval '3 days' where id = $1`, [items[3]]);

      const s = await stats();
      expect(s.open).toBe(3);
      expect(s.oldestWaitingSeconds).toBeGreaterThanOrEqual(2 * 3600 - 5);
      expect(s.oldestWaitingSeconds).toBeLessThan(2 * 3600 + 60);
      expect(s.byAge).toEqual([
        { bucket: 'UNDER_1H', count: 2 },
        { bucket: 'H1_TO_4', count: 1 },
        { bucket: 'H4_TO_24', count: 0 },
        { bucket: 'D1_TO_3', count: 0 },
        { bucket: 'OVER_3D', count: 0 },
      ]);
      expect(s.handledToday).toBe(2);
      expect(s.handledPerReviewer.map((h: any) => [h.reviewer.handle, h.count]).sort()).toEqual(
        [
          [mod.handle, 1],
          [helper.handle, 1],
        ].sort(),
      );
      // 3 handled in 7 days: 3 open clear in 7 days.
      expect(s.projectedClearSeconds).toBe(7 * 86_400);
    } finally {
      await quiet.close();
    }
  });
});
