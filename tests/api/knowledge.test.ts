import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flagOverdueReviews } from '../../api/src/modules/knowledge/review-by.jobs.js';
import { caughtUp } from '../support/events.js';
import { buildMember, buildReply, buildThread, firstCategoryId, type TestMember } from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// The knowledge base (PRODUCT.md capability 4): drafts made from accepted and picked answers,
// staff edit and publish them (the answerer credited, reversed on withdrawal), versions with
// provenance, freshness flags when the source changes, helpfulness and views.
let api: TestApi;
let moderator: TestMember;
let admin: TestMember;
beforeAll(async () => {
  api = await startTestApi();
  [moderator, admin] = await Promise.all([
    buildMember(api, { role: 'MODERATOR' }),
    buildMember(api, { role: 'ADMIN' }),
  ]);
  await api.sql(
    `insert into tags (name) values ('sync'), ('windows'), ('lounge'), ('printing') on conflict do nothing`,
  );
});
afterAll(() => api?.close());

const as = (m: TestMember | null) => (m ? { token: m.token, ip: m.ip } : {});
const ARTICLE_FIELDS = `id title issue environment resolution cause state needsReview needsReviewReason needsReviewDiff
  reviewBy tags category { id } sourceThread { id } sourcePostId currentVersion publishedVersion hasStagedVersion
  contributors { member { id } role } helpfulCount notHelpfulCount viewCount publishedAt verifiedAt verifiedBy { id }
  resolutionHtml viewerCan { edit submit publish archive verify rate review }`;
const ARTICLE = `query($id: ID!) { article(id: $id) { ${ARTICLE_FIELDS} versions { number author { id } changed note sources resolution } } }`;

const accept = (by: TestMember, postId: string) =>
  api.gql(`mutation($id: ID!) { acceptAnswer(postId: $id) { id } }`, { id: postId }, as(by));
const edit = (by: TestMember, postId: string, body: string) =>
  api.gql(`mutation($i: EditPostInput!) { editPost(input: $i) { id } }`, { i: { postId, body } }, as(by));
const publish = (by: TestMember | null, id: string) =>
  api.gql(`mutation($id: ID!) { publishArticle(articleId: $id) { ${ARTICLE_FIELDS} } }`, { id }, as(by));
const archive = (by: TestMember | null, id: string, reason = 'Superseded by the 3.0 guide') =>
  api.gql(
    `mutation($i: ArchiveArticleInput!) { archiveArticle(input: $i) { id state } }`,
    { i: { articleId: id, reason } },
    as(by),
  );
const update = (by: TestMember | null, input: Record<string, unknown>) =>
  api.gql(`mutation($i: UpdateArticleInput!) { updateArticle(input: $i) { ${ARTICLE_FIELDS} } }`, { i: input }, as(by));
const verify = (by: TestMember | null, id: string) =>
  api.gql(`mutation($id: ID!) { verifyArticle(articleId: $id) { ${ARTICLE_FIELDS} } }`, { id }, as(by));
const rate = (by: TestMember | null, id: string, helpful: boolean, opts: { ip?: string; reason?: string } = {}) =>
  api.gql(
    `mutation($i: RateArticleInput!) { rateArticle(input: $i) { helpfulCount notHelpfulCount needsReview } }`,
    { i: { articleId: id, helpful, reason: opts.reason } },
    by ? as(by) : { ip: opts.ip, headers: { 'user-agent': 'Mozilla/5.0 Firefox/140.0' } },
  );
const read = async (id: string, by: TestMember | null = moderator) =>
  (await api.gql(ARTICLE, { id }, as(by))).data.article;

async function articleOf(threadId: string): Promise<string | null> {
  await caughtUp(api, 'knowledge.sources');
  const [row] = await api.sql<{ id: number }>('select id from articles where source_thread_id = $1', [threadId]);
  return row ? String(row.id) : null;
}

async function answered(
  opts: { tags?: string[]; body?: string; categoryId?: string; asker?: TestMember; answerer?: TestMember } = {},
) {
  const [asker, answerer] = await Promise.all([opts.asker ?? buildMember(api), opts.answerer ?? buildMember(api)]);
  const thread = await buildThread(api, asker, {
    tags: opts.tags ?? ['sync'],
    body: opts.body ?? 'Sync stopped after updating.\n\nVersion: 2.3.1\nOS: Windows 11',
    categoryId: opts.categoryId,
  });
  const reply = await buildReply(api, answerer, thread.id);
  expect((await accept(asker, reply.id)).errors).toBeUndefined();
  const articleId = await articleOf(thread.id);
  return { asker, answerer, thread, reply, articleId: articleId! };
}

async function reputation(m: TestMember): Promise<number> {
  const [row] = await api.sql<{ reputation: number }>('select reputation from members where id = $1', [m.id]);
  return row!.reputation;
}

describe('drafts made for staff', () => {
  it('an accepted answer becomes a draft: issue, resolution, environment, tags, category, provenance, contributors', async () => {
    const { asker, answerer, thread, reply, articleId } = await answered({ tags: ['sync', 'windows'] });
    expect(articleId).not.toBeNull();
    const a = await read(articleId);
    expect(a).toMatchObject({
      title: thread.title,
      issue: 'Sync stopped after updating.\n\nVersion: 2.3.1\nOS: Windows 11',
      environment: '- Version: 2.3.1\n- Platform: Windows 11',
      resolution: 'Sign out and back in; the update rotated the sync tokens for every device.',
      cause: null,
      state: 'DRAFT',
      tags: ['sync', 'windows'],
      category: { id: await firstCategoryId(api) },
      sourceThread: { id: thread.id },
      sourcePostId: reply.id,
      currentVersion: 1,
      publishedVersion: null,
    });
    expect(a.contributors).toEqual(
      expect.arrayContaining([
        { member: { id: asker.id }, role: 'ASKER' },
        { member: { id: answerer.id }, role: 'ANSWERER' },
      ]),
    );
    expect(a.versions).toEqual([
      expect.objectContaining({
        number: 1,
        author: null,
        sources: `post ${thread.question.id} revision 1 (question), post ${reply.id} revision 1 (answer)`,
      }),
    ]);
    // A draft is for staff: members and visitors see nothing, not even that it exists.
    expect(await read(articleId, asker)).toBeNull();
    expect(await read(articleId, null)).toBeNull();
    const listed = await api.gql(`{ articles(filter: { state: DRAFT }) { edges { node { id } } } }`, {}, as(asker));
    expect(listed.data.articles.edges).toEqual([]);
  });

  it('a staff pick makes a draft when nothing is accepted', async () => {
    const [asker, answerer] = await Promise.all([buildMember(api), buildMember(api)]);
    const thread = await buildThread(api, asker);
    const reply = await buildReply(api, answerer, thread.id);
    await api.gql(`mutation($id: ID!) { staffPick(postId: $id) { id } }`, { id: reply.id }, as(moderator));
    const id = await articleOf(thread.id);
    expect((await read(id!)).sourcePostId).toBe(reply.id);
  });

  it('two answers accepted in quick succession leave one article, reflecting the last; a replay changes nothing', async () => {
    const [asker, first, second] = await Promise.all([buildMember(api), buildMember(api), buildMember(api)]);
    const thread = await buildThread(api, asker);
    const a1 = await buildReply(api, first, thread.id, 'Restart the sync service from the tray icon menu.');
    const a2 = await buildReply(api, second, thread.id, 'Delete the cached token file, then sign in again.');
    await Promise.all([accept(asker, a1.id), accept(asker, a2.id)]);
    const [final] = await api.sql<{ accepted_post_id: number }>('select accepted_post_id from threads where id = $1', [
      thread.id,
    ]);
    const winner = String(final!.accepted_post_id) === a1.id ? a1 : a2;
    const id = await articleOf(thread.id);
    const rows = await api.sql('select id from articles where source_thread_id = $1', [thread.id]);
    expect(rows).toHaveLength(1);
    const a = await read(id!);
    expect(a.sourcePostId).toBe(winner.id);
    expect(a.resolution).toContain(winner === a1 ? 'tray icon' : 'cached token');

    // Deliver everything again from the start: nothing new is written.
    const before = await api.sql('select * from article_versions where article_id = $1 order by number', [id]);
    const [{ min }] = await api.sql<{ min: string }>('select min(id)::text as min from domain_events');
    const replay = await api.gql(
      `mutation($from: ID!) { replayEvents(fromEventId: $from, subscriber: "knowledge.sources") }`,
      { from: min },
      as(admin),
    );
    expect(replay.errors).toBeUndefined();
    await caughtUp(api, 'knowledge.sources');
    expect(await api.sql('select * from article_versions where article_id = $1 order by number', [id])).toEqual(before);
    expect(await api.sql('select id from articles where source_thread_id = $1', [thread.id])).toHaveLength(1);
  });

  it('staff start an article from any answer by hand; a second article for one thread is a conflict', async () => {
    const [asker, answerer] = await Promise.all([buildMember(api), buildMember(api)]);
    const thread = await buildThread(api, asker);
    const reply = await buildReply(api, answerer, thread.id);
    const CREATE = `mutation($id: ID!) { createArticle(input: { postId: $id }) { id state sourcePostId versions { author { id } } } }`;
    const denied = await api.gql(CREATE, { id: reply.id }, as(answerer));
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const question = await api.gql(CREATE, { id: thread.question.id }, as(moderator));
    expect(question.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const made = await api.gql(CREATE, { id: reply.id }, as(moderator));
    expect(made.data.createArticle).toMatchObject({ state: 'DRAFT', sourcePostId: reply.id });
    expect(made.data.createArticle.versions).toEqual([{ author: { id: moderator.id } }]);
    const again = await api.gql(CREATE, { id: reply.id }, as(moderator));
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});

describe('publishing', () => {
  it('who may do what (role × action)', async () => {
    const { answerer, articleId } = await answered();
    const advocate = await buildMember(api, { reputation: 3000 });
    await api.gql(
      `mutation($i: GrantAdvocateInput!) { grantAdvocate(input: $i) { id } }`,
      { i: { memberId: advocate.id, reason: 'helps a lot' } },
      as(admin),
    );
    for (const who of [null, answerer, advocate]) {
      // A visitor must log in; to members and advocates a draft is absent.
      const code = who ? 'NOT_FOUND' : 'UNAUTHENTICATED';
      expect((await update(who, { articleId, title: 'A better title for this' })).errors?.[0]?.extensions?.code).toBe(
        code,
      );
      expect((await publish(who, articleId)).errors?.[0]?.extensions?.code).toBe(code);
    }
    expect((await update(moderator, { articleId, cause: 'Tokens rotate on update.' })).errors).toBeUndefined();
    const submitted = await api.gql(
      `mutation($id: ID!) { submitArticle(articleId: $id) { state } }`,
      { id: articleId },
      as(admin),
    );
    expect(submitted.data.submitArticle.state).toBe('IN_REVIEW');
    const published = await publish(moderator, articleId);
    expect(published.data.publishArticle.state).toBe('PUBLISHED');
    // Published: members read it, and still may not change it.
    const seen = await read(articleId, answerer);
    expect(seen.viewerCan).toEqual({
      edit: false,
      submit: false,
      publish: false,
      archive: false,
      verify: false,
      rate: true,
      review: false,
    });
    expect(
      (await update(answerer, { articleId, title: 'A better title for this' })).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect((await archive(answerer, articleId)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await verify(advocate, articleId)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await archive(null, articleId)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await read(articleId, moderator)).viewerCan).toEqual({
      edit: true,
      submit: false,
      publish: false,
      archive: true,
      verify: true,
      rate: true,
      review: true,
    });
    // Bad input: typed, and nothing written.
    const bad = await update(moderator, { articleId, title: 'x', reviewBy: '2020-01-01' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.extensions?.fields).toMatchObject({
      title: expect.any(String),
      reviewBy: expect.any(String),
    });
    expect((await read(articleId)).currentVersion).toBe(2);
  });

  it('publishing credits the answerer +50 and Knowledge Contributor; archiving takes both back', async () => {
    const { answerer, articleId, reply } = await answered();
    const before = await reputation(answerer);
    expect((await publish(moderator, articleId)).errors).toBeUndefined();
    expect(await reputation(answerer)).toBe(before + 50);
    await caughtUp(api, 'badges.award');
    const badge = () =>
      api.sql('select post_id from badge_awards where member_id = $1 and badge = $2', [
        answerer.id,
        'knowledge-contributor',
      ]);
    expect(await badge()).toEqual([{ post_id: Number(reply.id) }]);
    // Publishing a staged edit again earns nothing more.
    await update(moderator, {
      articleId,
      resolution: 'Sign out, then sign in again: the update rotated the sync tokens.',
    });
    await publish(moderator, articleId);
    expect(await reputation(answerer)).toBe(before + 50);

    expect((await archive(moderator, articleId)).data.archiveArticle.state).toBe('ARCHIVED');
    expect(await reputation(answerer)).toBe(before);
    await caughtUp(api, 'badges.award');
    expect(await badge()).toEqual([]);
    const audit = await api.gql(`{ reputationAudit { mismatchedMemberIds } }`, {}, as(admin));
    expect(audit.data.reputationAudit.mismatchedMemberIds).toEqual([]);
    // An archived article is gone for readers.
    expect(await read(articleId, answerer)).toBeNull();
  });

  it('a published article is edited as a staged version: readers keep the old one until it is published', async () => {
    const { answerer, articleId } = await answered();
    await publish(moderator, articleId);
    const staged = await update(moderator, {
      articleId,
      resolution: 'Open Settings → Accounts, sign out, and sign in again to get fresh tokens.',
      note: 'clearer steps',
    });
    expect(staged.data.updateArticle).toMatchObject({ hasStagedVersion: true, currentVersion: 2, publishedVersion: 1 });
    expect((await read(articleId, answerer)).resolution).toBe(
      'Sign out and back in; the update rotated the sync tokens for every device.',
    );
    // Contributors are credited on their profiles.
    const profile = await api.gql(
      `query($h: String!) { member(handle: $h) { knowledgeArticles(first: 5) { edges { node { id } } } } }`,
      { h: answerer.handle },
    );
    expect(profile.data.member.knowledgeArticles.edges).toEqual([{ node: { id: articleId } }]);
    const diff = await api.gql(
      `query($id: ID!) { article(id: $id) { diff(from: 1, to: 2) { field diff } } }`,
      { id: articleId },
      as(moderator),
    );
    expect(diff.data.article.diff).toEqual([
      { field: 'resolution', diff: expect.stringContaining('+Open Settings → Accounts') },
    ]);
    const versions = (await read(articleId)).versions;
    expect(versions[0]).toMatchObject({
      number: 2,
      author: { id: moderator.id },
      changed: ['resolution'],
      note: 'clearer steps',
    });
    // Provenance is carried into every version.
    expect(versions[0].sources).toBe(versions[1].sources);
    await publish(moderator, articleId);
    const after = await read(articleId, answerer);
    expect(after.resolution).toContain('Open Settings');
    expect(after.publishedVersion).toBe(2);
  });
});

describe('freshness', () => {
  async function published() {
    const made = await answered();
    expect((await publish(moderator, made.articleId)).errors).toBeUndefined();
    return made;
  }
  const flagged = async (id: string) => {
    await caughtUp(api, 'knowledge.sources');
    return read(id);
  };

  it('an edit of the accepted answer flags the article with the reason and a diff', async () => {
    const { answerer, reply, articleId } = await published();
    await edit(answerer, reply.id, 'Sign out and back in. If that fails, reinstall version 2.3.2.');
    const a = await flagged(articleId);
    expect(a.needsReview).toBe(true);
    expect(a.needsReviewReason).toBe('The source answer was edited (revision 1 → 2).');
    expect(a.needsReviewDiff).toContain('+Sign out and back in. If that fails, reinstall version 2.3.2.');
    // Readers see it is under review, not why.
    const seen = await read(articleId, answerer);
    expect(seen).toMatchObject({ needsReview: true, needsReviewReason: null, needsReviewDiff: null });
    // The staff queue lists it; verifying clears it and records who, and the new baseline holds.
    const queue = await api.gql(
      `{ articleReviewQueue(first: 100) { edges { node { id queuedAt } } } }`,
      {},
      as(moderator),
    );
    const queued = queue.data.articleReviewQueue.edges.map((e: any) => e.node);
    expect(queued.map((a: any) => a.id)).toContain(articleId);
    // Oldest waiting first.
    const times = queued.map((a: any) => Date.parse(a.queuedAt));
    expect(times).toEqual([...times].sort((x, y) => x - y));
    const asReader = await api.gql(
      `query($id: ID!) { article(id: $id) { queuedAt } }`,
      { id: articleId },
      as(answerer),
    );
    expect(asReader.data.article.queuedAt).toBeNull();
    const verified = await verify(moderator, articleId);
    expect(verified.data.verifyArticle).toMatchObject({ needsReview: false, verifiedBy: { id: moderator.id } });
    await api.gql(
      `mutation($id: ID!) { vote(input: { postId: $id, value: UP }) { score } }`,
      { id: reply.id },
      as(moderator),
    );
    await edit(
      answerer,
      reply.id,
      'Sign out and back in. If that fails, reinstall version 2.3.2.\n\nWorks on 2.4 too.',
    );
    expect((await flagged(articleId)).needsReviewReason).toBe('The source answer was edited (revision 2 → 3).');
    const denied = await api.gql(`{ articleReviewQueue { edges { node { id } } } }`, {}, as(answerer));
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a different accepted answer, a removed answer and a reopened thread each flag it', async () => {
    const one = await published();
    const other = await buildReply(
      api,
      await buildMember(api),
      one.thread.id,
      'Clear the app cache under Settings → Storage.',
    );
    expect((await accept(one.asker, other.id)).errors).toBeUndefined();
    const a = await flagged(one.articleId);
    expect(a.needsReviewReason).toContain('A different answer was accepted');
    expect(a.needsReviewDiff).toContain('+Clear the app cache');

    const two = await published();
    await api.gql(
      `mutation($i: RemovePostInput!) { removePost(input: $i) }`,
      { i: { postId: two.reply.id, reason: 'OTHER' } },
      as(moderator),
    );
    expect((await flagged(two.articleId)).needsReviewReason).toContain('The source answer was deleted or removed.');

    const three = await published();
    await api.gql(
      `mutation($i: SetThreadStatusInput!) { setThreadStatus(input: $i) { status } }`,
      { i: { threadId: three.thread.id, status: 'CLOSED' } },
      as(moderator),
    );
    await verify(moderator, three.articleId);
    await api.gql(
      `mutation($i: SetThreadStatusInput!) { setThreadStatus(input: $i) { status } }`,
      { i: { threadId: three.thread.id, status: 'OPEN' } },
      as(moderator),
    );
    expect((await flagged(three.articleId)).needsReviewReason).toContain('The source thread was reopened.');
  });

  it('a draft nobody edited follows its source; one a person edited is flagged instead', async () => {
    const { answerer, reply, articleId } = await answered();
    await edit(answerer, reply.id, 'Sign out and back in, then restart the app once.');
    await caughtUp(api, 'knowledge.sources');
    const followed = await read(articleId);
    expect(followed).toMatchObject({
      resolution: 'Sign out and back in, then restart the app once.',
      currentVersion: 2,
    });
    expect(followed.versions[0]).toMatchObject({ author: null, changed: ['resolution'] });

    await update(moderator, { articleId, cause: 'The update rotates tokens.' });
    await edit(answerer, reply.id, 'Sign out and back in, then restart the app twice.');
    const kept = await flagged(articleId);
    expect(kept).toMatchObject({ needsReview: true, cause: 'The update rotates tokens.', currentVersion: 3 });
    expect(kept.resolution).toContain('restart the app once');
  });

  it('readers’ "not helpful" votes past the threshold flag it; so does a passed review date', async () => {
    const { articleId } = await published();
    for (let i = 0; i < 5; i++) {
      const res = await rate(null, articleId, false, { ip: `198.51.100.${i + 1}`, reason: 'outdated' });
      expect(res.errors).toBeUndefined();
    }
    const a = await read(articleId);
    expect(a).toMatchObject({ notHelpfulCount: 5, needsReview: true });
    expect(a.needsReviewReason).toBe('Readers found it unhelpful: 5 of 5 votes.');

    const late = await published();
    await api.sql(`update articles set review_by = current_date - 1 where id = $1`, [late.articleId]);
    expect(await flagOverdueReviews(api.app.services)).toBeGreaterThanOrEqual(1);
    expect((await read(late.articleId)).needsReviewReason).toMatch(
      /^Its review date \(\d{4}-\d{2}-\d{2}\) has passed\.$/,
    );
    expect(await flagOverdueReviews(api.app.services)).toBe(0);
  });
});

describe('reading', () => {
  it('"was this helpful?" counts one vote per reader, which they may change', async () => {
    const { articleId, asker } = await answered();
    await publish(moderator, articleId);
    expect((await rate(asker, articleId, true)).data.rateArticle).toMatchObject({
      helpfulCount: 1,
      notHelpfulCount: 0,
    });
    expect((await rate(asker, articleId, true)).data.rateArticle).toMatchObject({
      helpfulCount: 1,
      notHelpfulCount: 0,
    });
    expect((await rate(asker, articleId, false)).data.rateArticle).toMatchObject({
      helpfulCount: 0,
      notHelpfulCount: 1,
    });
    const voters = await Promise.all(Array.from({ length: 8 }, () => buildMember(api)));
    await Promise.all(voters.map((v) => rate(v, articleId, true)));
    expect((await read(articleId)).helpfulCount).toBe(8);
    // Each reader sees their own answer (a visitor by their key), no one else's.
    const mine = `query($id: ID!) { article(id: $id) { viewerRating } }`;
    const visitor = { ip: '198.51.100.77', headers: { 'user-agent': 'Mozilla/5.0 Firefox/140.0' } };
    expect((await api.gql(mine, { id: articleId }, as(asker))).data.article.viewerRating).toBe(false);
    expect((await api.gql(mine, { id: articleId }, as(voters[0]!))).data.article.viewerRating).toBe(true);
    expect((await api.gql(mine, { id: articleId }, as(moderator))).data.article.viewerRating).toBeNull();
    expect((await api.gql(mine, { id: articleId }, visitor)).data.article.viewerRating).toBeNull();
    await rate(null, articleId, false, { ip: visitor.ip });
    expect((await api.gql(mine, { id: articleId }, visitor)).data.article.viewerRating).toBe(false);
    const long = await rate(asker, articleId, false, { reason: 'x'.repeat(501) });
    expect(long.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('views count once per viewer and day; bots are not counted; drafts cannot be rated', async () => {
    const { articleId, asker } = await answered();
    const VIEW = `mutation($id: ID!) { recordArticleView(articleId: $id) }`;
    expect((await rate(asker, articleId, true)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await publish(moderator, articleId);
    expect(
      (await api.gql(VIEW, { id: articleId }, { ...as(asker), headers: { 'user-agent': 'Mozilla/5.0' } })).data
        .recordArticleView,
    ).toBe(1);
    expect(
      (await api.gql(VIEW, { id: articleId }, { ...as(asker), headers: { 'user-agent': 'Mozilla/5.0' } })).data
        .recordArticleView,
    ).toBe(1);
    expect(
      (await api.gql(VIEW, { id: articleId }, { headers: { 'user-agent': 'Googlebot/2.1' } })).data.recordArticleView,
    ).toBe(1);
    expect(
      (await api.gql(VIEW, { id: articleId }, { ip: '198.51.100.9', headers: { 'user-agent': 'Mozilla/5.0' } })).data
        .recordArticleView,
    ).toBe(2);
  });

  it('an article from a restricted category stays there; lists filter by category and tag', async () => {
    const restricted = await firstCategoryId(api, 'RESTRICTED');
    const { articleId: hidden } = await answered({
      categoryId: restricted,
      tags: ['lounge'],
      asker: admin,
      answerer: moderator,
    });
    await publish(moderator, hidden);
    const member = await buildMember(api);
    expect(await read(hidden, member)).toBeNull();
    const LIST = `query($f: ArticleFilterInput) { articles(filter: $f, first: 50) { edges { node { id } } } }`;
    const ids = async (by: TestMember | null, f: Record<string, unknown>) =>
      (await api.gql(LIST, { f }, as(by))).data.articles.edges.map((e: any) => e.node.id);
    expect(await ids(member, { tag: 'lounge' })).toEqual([]);
    expect(await ids(moderator, { tag: 'lounge' })).toEqual([hidden]);
    const { articleId: open } = await answered({ tags: ['printing'] });
    await publish(moderator, open);
    expect(await ids(null, { tag: 'printing' })).toEqual([open]);
    expect(await ids(null, { categoryId: await firstCategoryId(api) })).toContain(open);
    const thread = await api.gql(`query($id: ID!) { thread(id: $id) { article { id } } }`, {
      id: (await api.sql('select source_thread_id as t from articles where id = $1', [open]))[0].t,
    });
    expect(thread.data.thread.article).toEqual({ id: open });
  });
});
