import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_ABUSE_LIMITS } from '../../api/src/platform/abuse-limits.js';
import { caughtUp } from '../support/events.js';
import { buildMember, buildReply, buildThread, firstCategoryId, type TestMember } from '../support/factories.js';
import { startTestApi, type GraphQLResponse, type TestApi } from '../support/test-api.js';

// The review queue's author history with sanctions, member reviewers' AGREE on spam and abuse
// (escalated to staff), held sign-ups and article reports (issue 12, item 2).
let api: TestApi;
let moderator: TestMember;
let admin: TestMember;
let qa: string;
beforeAll(async () => {
  // One sign-up per network holds the second (every factory member has a network of its own);
  // three flags a day, so the cap shared by flags and reports is quick to reach.
  api = await startTestApi({
    ABUSE_LIMITS: JSON.stringify({ ...NO_ABUSE_LIMITS, signupsPerNetworkPerDay: 1, flagsPerDay: 3 }),
  });
  [moderator, admin] = await Promise.all([
    buildMember(api, { role: 'MODERATOR' }),
    buildMember(api, { role: 'ADMIN' }),
  ]);
  qa = await firstCategoryId(api);
});
afterAll(() => api?.close());

const ITEM = `query($filter: ReviewQueueFilterInput) {
  reviewQueue(filter: $filter, first: 100) { edges { node {
    id kind status staffOnly decision decisionReason agreedAt agreedBy { handle }
    post { id } author { id handle } article { id title }
    reports { reason note reporter { handle } }
    history {
      accountAge previousFlags previousFlagsAgreed previousFlagsDisagreed
      sanctions { kind reason startsAt until liftedAt }
    }
  } } }
}`;
const FLAG = `mutation($input: FlagPostInput!) { flagPost(input: $input) { post { id isHidden } } }`;
const RESOLVE = `mutation($input: ResolveReviewItemInput!) {
  resolveReviewItem(input: $input) { id status decision staffOnly }
}`;

const as = (m: TestMember) => ({ token: m.token, ip: m.ip });
const flag = (by: TestMember, postId: string, reason = 'SPAM') => api.gql(FLAG, { input: { postId, reason } }, as(by));
const resolve = (by: TestMember, id: string, decision: string, reason?: string) =>
  api.gql(RESOLVE, { input: { itemId: id, decision, reason } }, as(by));

/** A post by `author` (a new member unless given) flagged by `n` members; returns its open item. */
async function flaggedPost(opts: { n?: number; reason?: string; author?: TestMember } = {}) {
  const author = opts.author ?? (await buildMember(api));
  const thread = await buildThread(api, author, { categoryId: qa });
  const postId = thread.question.id;
  const by = await Promise.all(Array.from({ length: opts.n ?? 3 }, () => buildMember(api)));
  for (const f of by) expect((await flag(f, postId, opts.reason ?? 'SPAM')).errors).toBeUndefined();
  const [item] = await api.sql<{ id: number }>(`select id from review_items where post_id = $1 and status = 'OPEN'`, [
    postId,
  ]);
  return { author, postId, flaggers: by, itemId: String(item!.id) };
}

const ledger = (m: TestMember) =>
  api.sql(`select kind, points from reputation_events where member_id = $1 and kind <> 'ADJUSTMENT' order by id`, [
    m.id,
  ]);
const flagStatuses = async (itemId: string) =>
  (await api.sql('select status from flags where review_item_id = $1 order by id', [itemId])).map((r) => r.status);
const code = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.code;

async function advocateIn(categoryId: string) {
  const advocate = await buildMember(api, { reputation: 40 });
  const grant = await api.gql(
    `mutation($input: GrantAdvocateInput!) { grantAdvocate(input: $input) { id } }`,
    { input: { memberId: advocate.id, reason: 'Curates the knowledge base', categoryIds: [categoryId] } },
    as(admin),
  );
  expect(grant.errors).toBeUndefined();
  return advocate;
}

async function queueNode(viewer: TestMember, itemId: string, filter: Record<string, unknown> = {}) {
  const res = await api.gql(ITEM, { filter }, as(viewer));
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.reviewQueue.edges.map((e: any) => e.node).find((n: any) => n.id === itemId) ?? null;
}

describe('author history', () => {
  it('shows staff the author’s past sanctions, and flags agreed and disagreed', async () => {
    const author = await buildMember(api);
    const earlier = await flaggedPost({ author, n: 1, reason: 'OFF_TOPIC' });
    expect((await resolve(moderator, earlier.itemId, 'DISAGREE')).errors).toBeUndefined();
    const until = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const silence = await api.gql(
      `mutation($input: SanctionInput!) { silenceMember(input: $input) { sanction { id } } }`,
      { input: { memberId: author.id, until, reason: 'Repeated link spam' } },
      as(moderator),
    );
    expect(silence.errors).toBeUndefined();
    expect(
      (
        await api.gql(
          `mutation($id: ID!) { liftSanction(memberId: $id) { lifted { id } } }`,
          { id: author.id },
          as(moderator),
        )
      ).errors,
    ).toBeUndefined();
    const current = await flaggedPost({ author, n: 1 });

    const node = await queueNode(moderator, current.itemId);
    expect(node.history).toMatchObject({ previousFlags: 2, previousFlagsAgreed: 0, previousFlagsDisagreed: 1 });
    expect(node.history.sanctions).toEqual([
      {
        kind: 'SILENCE',
        reason: 'Repeated link spam',
        startsAt: expect.any(String),
        until: new Date(until).toISOString(),
        liftedAt: expect.any(String),
      },
    ]);

    // Sanction history is staff's: a member reviewer sees the flags' record, not the sanctions.
    const reviewer = await buildMember(api, { reputation: 2000 });
    const seen = await queueNode(reviewer, current.itemId);
    expect(seen.history).toMatchObject({ previousFlags: 2, previousFlagsDisagreed: 1, sanctions: null });
  });
});

describe('a member reviewer’s AGREE on spam or abuse', () => {
  it('hides the post and hands the item to staff: no penalty, flags still open, counted once when staff agree', async () => {
    const reviewer = await buildMember(api, { reputation: 2000 });
    const spam = await flaggedPost({ n: 1 }); // below the threshold: still shown
    const res = await resolve(reviewer, spam.itemId, 'AGREE', 'Link farm');
    expect(res.errors).toBeUndefined();
    expect(res.data.resolveReviewItem).toMatchObject({ status: 'OPEN', staffOnly: true, decision: null });
    const [post] = await api.sql('select hidden_at, hidden_by, deleted_at from posts where id = $1', [spam.postId]);
    expect(post.hidden_at).not.toBeNull();
    expect(String(post.hidden_by)).toBe(reviewer.id);
    expect(post.deleted_at).toBeNull();
    expect(await ledger(spam.author)).toEqual([]);
    expect(await flagStatuses(spam.itemId)).toEqual(['OPEN']);
    const [event] = await api.sql(`select data from domain_events where name = 'review.resolved' and subject = $1`, [
      `review_item:${spam.itemId}`,
    ]);
    expect(event.data).toMatchObject({
      decision: 'ESCALATE',
      agreedBy: Number(reviewer.id),
      agreedFlaggerIds: [],
      before: { hidden: false, staffOnly: false },
      after: { status: 'OPEN', staffOnly: true, hidden: true },
    });

    // Only staff see it now, with the agreement; the reviewer can no longer act on it.
    expect(await queueNode(reviewer, spam.itemId)).toBeNull();
    expect(code(await resolve(reviewer, spam.itemId, 'DISAGREE'))).toBe('FORBIDDEN');
    const seen = await queueNode(moderator, spam.itemId);
    expect(seen).toMatchObject({ staffOnly: true, agreedBy: { handle: reviewer.handle } });
    expect(seen.agreedAt).not.toBeNull();

    expect((await resolve(moderator, spam.itemId, 'AGREE')).errors).toBeUndefined();
    const [removed] = await api.sql('select deleted_at, removal_reason from posts where id = $1', [spam.postId]);
    expect(removed).toMatchObject({ removal_reason: 'SPAM' });
    expect(await ledger(spam.author)).toEqual([{ kind: 'POST_REMOVED', points: -100 }]);
    expect(await flagStatuses(spam.itemId)).toEqual(['AGREED']);
    const [flagger] = await api.sql(
      `select count(*) filter (where status = 'AGREED')::int as agreed from flags where flagger_id = $1`,
      [spam.flaggers[0]!.id],
    );
    expect(flagger.agreed).toBe(1);
  });

  it('an advocate’s AGREE on abuse goes to staff too, and staff may disagree: shown again, flags disagreed', async () => {
    const advocate = await advocateIn(qa);
    const abuse = await flaggedPost({ reason: 'ABUSIVE' }); // hidden by three flags
    expect((await resolve(advocate, abuse.itemId, 'AGREE')).data.resolveReviewItem).toMatchObject({
      status: 'OPEN',
      staffOnly: true,
    });
    expect(await flagStatuses(abuse.itemId)).toEqual(['OPEN', 'OPEN', 'OPEN']);
    expect((await resolve(moderator, abuse.itemId, 'DISAGREE', 'Heated but fair')).errors).toBeUndefined();
    const [post] = await api.sql('select hidden_at, deleted_at from posts where id = $1', [abuse.postId]);
    expect(post).toEqual({ hidden_at: null, deleted_at: null });
    expect(await flagStatuses(abuse.itemId)).toEqual(['DISAGREED', 'DISAGREED', 'DISAGREED']);
    expect(await ledger(abuse.author)).toEqual([]);
  });

  it('on other reasons a member reviewer still decides: hidden and resolved', async () => {
    const reviewer = await buildMember(api, { reputation: 2000 });
    const offTopic = await flaggedPost({ n: 1, reason: 'OFF_TOPIC' });
    expect((await resolve(reviewer, offTopic.itemId, 'AGREE')).data.resolveReviewItem).toMatchObject({
      status: 'RESOLVED',
      decision: 'AGREE',
      staffOnly: false,
    });
    expect(await flagStatuses(offTopic.itemId)).toEqual(['AGREED']);
  });
});

const REGISTER = `mutation($i: RegisterInput!) { register(input: $i) { token } }`;
const PASSWORD = 'correct horse battery';
const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { token } }`;

/** A sign-up held by the per-network rule (the network's second); returns the member and its item. */
async function heldSignup() {
  const ip = `203.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
  const sign = (handle: string) =>
    api.gql(REGISTER, { i: { handle, email: `${handle}@example.test`, password: PASSWORD } }, { ip });
  await sign(`h_${randomBytes(4).toString('hex')}`);
  const handle = `h_${randomBytes(4).toString('hex')}`;
  const res = await sign(handle);
  expect(res.errors?.[0]?.extensions).toMatchObject({ pendingApproval: true });
  await caughtUp(api, 'moderation.held-signups');
  const [row] = await api.sql(
    `select r.id, m.id as member_id from members m join review_items r on r.author_id = m.id and r.kind = 'HELD_SIGNUP'
      where m.handle = $1`,
    [handle],
  );
  return { handle, memberId: String(row.member_id), itemId: String(row.id) };
}

describe('held sign-ups', () => {
  it('appear for staff only, once, and AGREE approves the sign-up', async () => {
    const held = await heldSignup();
    const node = await queueNode(moderator, held.itemId);
    expect(node).toMatchObject({ kind: 'HELD_SIGNUP', staffOnly: true, post: null, author: { handle: held.handle } });
    expect(node.history.previousFlags).toBe(0);
    const reviewer = await buildMember(api, { reputation: 2000 });
    const advocate = await advocateIn(qa);
    for (const who of [reviewer, advocate]) {
      expect(await queueNode(who, held.itemId)).toBeNull();
      expect(code(await resolve(who, held.itemId, 'AGREE'))).toBe('FORBIDDEN');
    }
    expect(code(await resolve(moderator, held.itemId, 'ESCALATE'))).toBe('BAD_USER_INPUT');

    expect((await resolve(moderator, held.itemId, 'AGREE')).data.resolveReviewItem).toMatchObject({
      status: 'RESOLVED',
      decision: 'AGREE',
    });
    const [member] = await api.sql('select approved_at, approved_by from members where id = $1', [held.memberId]);
    expect(String(member.approved_by)).toBe(moderator.id);
    const login = await api.gql(LOGIN, { i: { login: held.handle, password: PASSWORD } }, { ip: '192.0.2.90' });
    expect(login.errors).toBeUndefined();
  });

  it('DISAGREE rejects it: suspended until staff lift it, with the reason on the record', async () => {
    const held = await heldSignup();
    expect(
      (await resolve(moderator, held.itemId, 'DISAGREE', 'Throwaway account from a spam network')).errors,
    ).toBeUndefined();
    const sanctions = await api.sql(
      'select kind, until, reason, imposed_by from member_sanctions where member_id = $1',
      [held.memberId],
    );
    expect(sanctions).toEqual([
      {
        kind: 'SUSPEND',
        until: null,
        reason: 'Throwaway account from a spam network',
        imposed_by: Number(moderator.id),
      },
    ]);
    const [member] = await api.sql('select approved_at from members where id = $1', [held.memberId]);
    expect(member.approved_at).toBeNull();
  });

  it('IGNORE leaves it held; approving from the held list resolves an open item by itself', async () => {
    const ignored = await heldSignup();
    expect((await resolve(moderator, ignored.itemId, 'IGNORE')).errors).toBeUndefined();
    const [still] = await api.sql('select held_at, approved_at from members where id = $1', [ignored.memberId]);
    expect(still.held_at).not.toBeNull();
    expect(still.approved_at).toBeNull();
    // The sign-up's event delivered again (a replay) neither reopens the item nor makes another.
    const [event] = await api.sql<{ id: string }>(
      `select id::text from domain_events where name = 'member.registered' and subject = $1`,
      [`member:${ignored.memberId}`],
    );
    await api.app.services.events.replay('moderation.held-signups', event!.id);
    await caughtUp(api, 'moderation.held-signups');
    expect(
      await api.sql(`select status from review_items where kind = 'HELD_SIGNUP' and author_id = $1`, [
        ignored.memberId,
      ]),
    ).toEqual([{ status: 'RESOLVED' }]);

    const held = await heldSignup();
    const approved = await api.gql(
      `mutation($i: ApproveMemberInput!) { approveMember(input: $i) { member { id } } }`,
      { i: { memberId: held.memberId } },
      as(admin),
    );
    expect(approved.errors).toBeUndefined();
    await caughtUp(api, 'moderation.approved-signups');
    const [item] = await api.sql('select status, decision, decided_by from review_items where id = $1', [held.itemId]);
    expect(item).toEqual({ status: 'RESOLVED', decision: 'AGREE', decided_by: Number(admin.id) });
  });
});

const REPORT = `mutation($input: ReportArticleInput!) {
  reportArticle(input: $input) { article { id } report { id reason note } }
}`;
const report = (by: TestMember, articleId: string, reason = 'OUTDATED', note?: string) =>
  api.gql(REPORT, { input: { articleId, reason, note } }, as(by));

/** A published article made from a reply in `categoryId`. */
async function publishedArticle(categoryId = qa) {
  const asker = await buildMember(api);
  const thread = await buildThread(api, asker, { categoryId });
  const reply = await buildReply(api, await buildMember(api), thread.id);
  const made = await api.gql(
    `mutation($id: ID!) { createArticle(input: { postId: $id }) { id } }`,
    { id: reply.id },
    as(moderator),
  );
  expect(made.errors).toBeUndefined();
  const id = made.data.createArticle.id as string;
  expect(
    (await api.gql(`mutation($id: ID!) { publishArticle(articleId: $id) { id } }`, { id }, as(moderator))).errors,
  ).toBeUndefined();
  return id;
}
const articleItem = async (articleId: string) => {
  const [row] = await api.sql(`select id from review_items where article_id = $1 and status = 'OPEN'`, [articleId]);
  return row ? String(row.id) : null;
};

describe('article reports', () => {
  it('members with the flag privilege report a published article once; reports join one item', async () => {
    const articleId = await publishedArticle();
    const [a, b] = await Promise.all([buildMember(api), buildMember(api)]);
    const newcomer = await buildMember(api, { reputation: 0 });
    expect(code(await report(newcomer, articleId))).toBe('FORBIDDEN');
    expect(code(await report(a, articleId, 'OTHER'))).toBe('BAD_USER_INPUT');
    expect(code(await report(a, '999999'))).toBe('NOT_FOUND');
    const both = await Promise.all([
      report(a, articleId, 'OUTDATED'),
      report(b, articleId, 'INCORRECT', 'Step 2 changed'),
    ]);
    for (const res of both) expect(res.errors).toBeUndefined();
    expect(code(await report(a, articleId, 'SPAM'))).toBe('CONFLICT');
    const itemId = (await articleItem(articleId))!;
    expect(await api.sql('select count(*)::int as n from review_items where article_id = $1', [articleId])).toEqual([
      { n: 1 },
    ]);
    const node = await queueNode(moderator, itemId, { kinds: ['ARTICLE_REPORT'] });
    expect(node).toMatchObject({ kind: 'ARTICLE_REPORT', post: null, author: null, article: { id: articleId } });
    expect(node.reports.map((r: any) => r.reason).sort()).toEqual(['INCORRECT', 'OUTDATED']);
  });

  it('counts in the daily flags cap', async () => {
    const reporter = await buildMember(api);
    for (let i = 0; i < 2; i++) {
      const thread = await buildThread(api, await buildMember(api), { categoryId: qa });
      expect((await flag(reporter, thread.question.id, 'OFF_TOPIC')).errors).toBeUndefined();
    }
    expect((await report(reporter, await publishedArticle())).errors).toBeUndefined();
    expect(code(await report(reporter, await publishedArticle()))).toBe('RATE_LIMITED');
  });

  it('go to staff and the category’s advocates, not to member reviewers; AGREE marks the article for revision', async () => {
    const articleId = await publishedArticle();
    await report(await buildMember(api), articleId, 'OUTDATED');
    const itemId = (await articleItem(articleId))!;
    const reviewer = await buildMember(api, { reputation: 2000 });
    expect(await queueNode(reviewer, itemId)).toBeNull();
    expect(code(await resolve(reviewer, itemId, 'AGREE'))).toBe('FORBIDDEN');
    const [other] = await api.sql<{ id: number }>(
      `insert into categories (slug, name, kind) values ('kinds-${randomBytes(3).toString('hex')}', 'Elsewhere', 'QA') returning id`,
    );
    expect(await queueNode(await advocateIn(String(other!.id)), itemId)).toBeNull();
    const advocate = await advocateIn(qa);
    expect(await queueNode(advocate, itemId)).not.toBeNull();

    expect((await resolve(advocate, itemId, 'AGREE', 'The 3.0 settings moved')).errors).toBeUndefined();
    const [article] = await api.sql('select needs_review, needs_review_reason, queued_at from articles where id = $1', [
      articleId,
    ]);
    expect(article.needs_review).toBe(true);
    expect(article.needs_review_reason).toBe('Readers reported it: outdated (1). Reviewer: The 3.0 settings moved');
    expect(article.queued_at).not.toBeNull();
  });

  it('DISAGREE and IGNORE close the report and leave the article alone; ESCALATE hands it to staff', async () => {
    for (const decision of ['DISAGREE', 'IGNORE']) {
      const articleId = await publishedArticle();
      await report(await buildMember(api), articleId, 'INCORRECT');
      const itemId = (await articleItem(articleId))!;
      expect((await resolve(moderator, itemId, decision)).data.resolveReviewItem).toMatchObject({
        status: 'RESOLVED',
        decision,
      });
      const [article] = await api.sql('select needs_review from articles where id = $1', [articleId]);
      expect(article.needs_review).toBe(false);
    }
    const articleId = await publishedArticle();
    await report(await buildMember(api), articleId, 'SPAM');
    const itemId = (await articleItem(articleId))!;
    const advocate = await advocateIn(qa);
    expect((await resolve(advocate, itemId, 'ESCALATE')).data.resolveReviewItem).toMatchObject({
      status: 'OPEN',
      staffOnly: true,
    });
    expect(await queueNode(advocate, itemId)).toBeNull();
    expect(await queueNode(moderator, itemId)).not.toBeNull();
  });
});

describe('counts without hidden posts and merged threads', () => {
  const replyCount = async (threadId: string) =>
    (await api.gql(`query($id: ID!) { thread(id: $id) { replyCount } }`, { id: threadId }, as(moderator))).data.thread
      .replyCount as number;
  const hide = (postId: string) =>
    api.gql(
      `mutation($i: HidePostInput!) { hidePost(input: $i) { id } }`,
      { i: { postId, reason: 'Checking' } },
      as(moderator),
    );
  const unhide = (postId: string) =>
    api.gql(`mutation($i: UnhidePostInput!) { unhidePost(input: $i) { id } }`, { i: { postId } }, as(moderator));

  it('a hidden reply leaves its thread’s reply count, in the hiding transaction; removal and restore leave it out', async () => {
    const author = await buildMember(api);
    const thread = await buildThread(api, author, { categoryId: qa });
    const [first, second] = [
      await buildReply(api, author, thread.id),
      await buildReply(api, await buildMember(api), thread.id),
    ];
    expect(await replyCount(thread.id)).toBe(2);
    expect((await hide(first.id)).errors).toBeUndefined();
    expect(await replyCount(thread.id)).toBe(1);
    expect((await unhide(first.id)).errors).toBeUndefined();
    expect(await replyCount(thread.id)).toBe(2);

    // Hidden, then removed and restored: out of the count throughout, back once shown.
    await hide(second.id);
    const removed = await api.gql(
      `mutation($i: RemovePostInput!) { removePost(input: $i) }`,
      { i: { postId: second.id, reason: 'SPAM' } },
      as(moderator),
    );
    expect(removed.errors).toBeUndefined();
    expect(await replyCount(thread.id)).toBe(1);
    expect(
      (await api.gql(`mutation($id: ID!) { restorePost(postId: $id) { id } }`, { id: second.id }, as(moderator)))
        .errors,
    ).toBeUndefined();
    expect(await replyCount(thread.id)).toBe(1);
    await unhide(second.id);
    expect(await replyCount(thread.id)).toBe(2);
  });

  it('a category counts neither threads whose question is hidden nor merged threads', async () => {
    const slug = `counts-${randomBytes(3).toString('hex')}`;
    const [cat] = await api.sql<{ id: number }>(
      `insert into categories (slug, name, kind) values ($1, 'Counts', 'QA') returning id`,
      [slug],
    );
    const threadCount = async () =>
      (await api.gql(`query($slug: String!) { category(slug: $slug) { threadCount } }`, { slug }, as(moderator))).data
        .category.threadCount as number;
    const author = await buildMember(api);
    const [a, b, c] = [
      await buildThread(api, author, { categoryId: String(cat!.id) }),
      await buildThread(api, author, { categoryId: String(cat!.id) }),
      await buildThread(api, author, { categoryId: String(cat!.id) }),
    ];
    expect(await threadCount()).toBe(3);
    await hide(a.question.id);
    expect(await threadCount()).toBe(2);
    const merged = await api.gql(
      `mutation($i: MergeThreadInput!) { mergeThread(input: $i) { into { id } } }`,
      { i: { threadId: b.id, intoThreadId: c.id, reason: 'Same question' } },
      as(moderator),
    );
    expect(merged.errors).toBeUndefined();
    expect(await threadCount()).toBe(1);
    await unhide(a.question.id);
    expect(await threadCount()).toBe(2);
  });
});
