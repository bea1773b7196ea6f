import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fanOutNotifications } from '../../api/src/modules/notifications/subscribers/fan-out-notifications.js';
import { buildMember, buildReply, buildThread, firstCategoryId, type TestMember } from '../support/factories.js';
import { drain as drainEvents } from '../support/drain.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// Notifications (issue 13): rows fanned out after commit by the notifications subscriber, listed
// per viewer with what they may no longer read left out. Workers are off: each test delivers the
// events by hand (drain), so what was written is known exactly when the test looks.
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ JOBS_WORKER: 'off' });
});
afterAll(async () => {
  await api?.close();
});

const drain = () => drainEvents(api);

const as = (m: TestMember) => ({ token: m.token, ip: m.ip });

const LIST = `query($first: Int, $after: String, $unreadOnly: Boolean) {
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    edges { cursor node { id kind readAt createdAt message path actor { handle } thread { id } post { id } } }
    pageInfo { hasNextPage endCursor }
  }
  unreadNotificationCount
}`;

interface Listed {
  id: string;
  kind: string;
  readAt: string | null;
  message: string;
  path: string;
  actor: { handle: string } | null;
  thread: { id: string } | null;
  post: { id: string } | null;
}

async function inbox(m: TestMember, vars: Record<string, unknown> = {}) {
  const res = await api.gql(LIST, { first: 50, ...vars }, as(m));
  expect(res.errors).toBeUndefined();
  return {
    items: res.data.notifications.edges.map((e: { node: Listed }) => e.node) as Listed[],
    unread: res.data.unreadNotificationCount as number,
  };
}

/**
 * The member's notifications of thread activity and moderation: the factories' reputation reaches a
 * level and first posts earn badges, which the tests about those kinds look at on their own.
 */
const kinds = async (m: TestMember) =>
  (await inbox(m)).items.filter((n) => !['LEVEL_REACHED', 'BADGE_AWARDED'].includes(n.kind)).map((n) => n.kind);

async function restrictedCategory(): Promise<string> {
  const [row] = await api.sql<{ id: number }>(
    `insert into categories (slug, name, kind) values ($1, 'Staff room', 'RESTRICTED') returning id`,
    [`staff-${Math.random().toString(36).slice(2, 8)}`],
  );
  return String(row!.id);
}

const gqlOk = async (query: string, vars: Record<string, unknown>, m: TestMember) => {
  const res = await api.gql(query, vars, as(m));
  expect(res.errors, query).toBeUndefined();
  return res.data;
};

describe('replies and new threads', () => {
  it('tells the asker (REPLY), thread and category followers (FOLLOWED_REPLY), never the replier', async () => {
    const [asker, replier, threadFan, categoryFan] = await Promise.all([
      buildMember(api),
      buildMember(api),
      buildMember(api),
      buildMember(api),
    ]);
    const categoryId = await firstCategoryId(api);
    await gqlOk(
      `mutation($id: ID!) { followCategory(categoryId: $id) { category { id viewerWatch } } }`,
      { id: categoryId },
      categoryFan,
    );
    const thread = await buildThread(api, asker, { categoryId });
    await drain();
    // The asker follows by default; the category's follower heard of the new thread.
    expect(await kinds(categoryFan)).toEqual(['NEW_THREAD']);
    const watch = await gqlOk(`query($id: ID!) { thread(id: $id) { viewerWatch } }`, { id: thread.id }, asker);
    expect(watch.thread.viewerWatch).toBe('FOLLOWING');
    await gqlOk(
      `mutation($id: ID!) { followThread(threadId: $id) { thread { viewerWatch } } }`,
      { id: thread.id },
      threadFan,
    );

    const reply = await buildReply(api, replier, thread.id);
    await drain();
    const [mine] = (await inbox(asker)).items.filter((n) => n.kind === 'REPLY');
    expect(mine).toMatchObject({
      kind: 'REPLY',
      readAt: null,
      actor: { handle: replier.handle },
      thread: { id: thread.id },
      post: { id: reply.id },
      message: `${replier.handle} answered your question “${thread.title}”`,
      path: `/t/${thread.id}#post-${reply.id}`,
    });
    expect(await kinds(threadFan)).toEqual(['FOLLOWED_REPLY']);
    expect(await kinds(categoryFan)).toEqual(['FOLLOWED_REPLY', 'NEW_THREAD']);
    expect(await kinds(replier)).toEqual([]);

    // The replier now follows too: the asker's next reply reaches them.
    await buildReply(api, asker, thread.id, 'Thanks, that did it: signing out and in again fixed the sync.');
    await drain();
    expect(await kinds(replier)).toEqual(['FOLLOWED_REPLY']);
    expect(await kinds(asker)).toEqual(['REPLY']);
  });

  it('a muted thread wins over a followed category; a muted category hears of no new thread', async () => {
    const [asker, replier, fan] = await Promise.all([buildMember(api), buildMember(api), buildMember(api)]);
    const categoryId = await firstCategoryId(api);
    await gqlOk(`mutation($id: ID!) { followCategory(categoryId: $id) { category { id } } }`, { id: categoryId }, fan);
    const thread = await buildThread(api, asker, { categoryId });
    await gqlOk(`mutation($id: ID!) { muteThread(threadId: $id) { thread { viewerWatch } } }`, { id: thread.id }, fan);
    await gqlOk(
      `mutation($id: ID!) { muteThread(threadId: $id) { thread { viewerWatch } } }`,
      { id: thread.id },
      asker,
    );
    await buildReply(api, replier, thread.id);
    await drain();
    expect(await kinds(fan)).toEqual(['NEW_THREAD']);
    expect(await kinds(asker)).toEqual([]); // the asker muted their own thread: no REPLY either

    // Unwatching the thread brings the category's follow back.
    const unwatched = await gqlOk(
      `mutation($id: ID!) { unwatchThread(threadId: $id) { thread { viewerWatch } } }`,
      { id: thread.id },
      fan,
    );
    expect(unwatched.unwatchThread.thread.viewerWatch).toBeNull();
    await buildReply(api, replier, thread.id, 'One more thing: check the device clock, a skew breaks tokens.');
    await drain();
    expect(await kinds(fan)).toEqual(['FOLLOWED_REPLY', 'NEW_THREAD']);

    const muted = await gqlOk(
      `mutation($id: ID!) { muteCategory(categoryId: $id) { category { viewerWatch } } }`,
      { id: categoryId },
      fan,
    );
    expect(muted.muteCategory.category.viewerWatch).toBe('MUTED');
    await buildThread(api, asker, { categoryId });
    await drain();
    expect(await kinds(fan)).toEqual(['FOLLOWED_REPLY', 'NEW_THREAD']);
    await gqlOk(
      `mutation($id: ID!) { unwatchCategory(categoryId: $id) { category { viewerWatch } } }`,
      { id: categoryId },
      fan,
    );
  });

  it('visitors must log in; a thread or category the viewer cannot read is NOT_FOUND', async () => {
    const [member, moderator] = await Promise.all([buildMember(api), buildMember(api, { role: 'MODERATOR' })]);
    const hidden = await restrictedCategory();
    const thread = await buildThread(api, moderator, { categoryId: hidden });
    for (const q of [
      `query { notifications { edges { node { id } } } }`,
      `query { unreadNotificationCount }`,
      `query { notificationPreferences { kind } }`,
      `mutation { markNotificationsRead { marked } }`,
    ]) {
      expect((await api.gql(q)).errors?.[0]?.extensions?.code, q).toBe('UNAUTHENTICATED');
    }
    const follow = await api.gql(
      `mutation($id: ID!) { followThread(threadId: $id) { thread { id } } }`,
      { id: thread.id },
      as(member),
    );
    expect(follow.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const followCategory = await api.gql(
      `mutation($id: ID!) { followCategory(categoryId: $id) { category { id } } }`,
      { id: hidden },
      as(member),
    );
    expect(followCategory.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const visitor = await api.gql(`mutation($id: ID!) { followThread(threadId: $id) { thread { id } } }`, {
      id: thread.id,
    });
    expect(visitor.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await api.sql('select 1 from notification_watches where member_id = $1', [member.id])).toEqual([]);
  });
});

describe('outcomes about your own posts and standing', () => {
  it('ANSWER_ACCEPTED, STAFF_PICKED, BADGE_AWARDED and LEVEL_REACHED reach the answer’s author', async () => {
    const [asker, answerer, moderator] = await Promise.all([
      buildMember(api),
      buildMember(api, { reputation: 0 }),
      buildMember(api, { role: 'MODERATOR' }),
    ]);
    const thread = await buildThread(api, asker);
    const answer = await buildReply(api, answerer, thread.id);
    await gqlOk(`mutation($id: ID!) { acceptAnswer(postId: $id) { id } }`, { id: answer.id }, asker);
    await gqlOk(`mutation($id: ID!) { staffPick(postId: $id) { id } }`, { id: answer.id }, moderator);
    await drain();
    const { items } = await inbox(answerer);
    const byKind = Object.fromEntries(items.map((n) => [n.kind, n]));
    expect(byKind.ANSWER_ACCEPTED).toMatchObject({
      actor: { handle: asker.handle },
      message: `${asker.handle} accepted your answer to “${thread.title}”`,
      post: { id: answer.id },
    });
    expect(byKind.STAFF_PICKED?.message).toBe(`Staff picked your answer to “${thread.title}”`);
    // 15 for the accept and 25 for the pick: from 0 past Member (10) to Newcomer… Member only once.
    expect(items.filter((n) => n.kind === 'LEVEL_REACHED').map((n) => n.message)).toEqual([
      'You reached the level Member',
    ]);
    expect(items.filter((n) => n.kind === 'BADGE_AWARDED').map((n) => n.message)).toContain(
      'You earned the badge “First Answer”',
    );
    // The asker accepted: told nothing of their own action.
    expect((await kinds(asker)).filter((k) => k === 'ANSWER_ACCEPTED')).toEqual([]);
  });

  it('POST_MODERATED tells the author; a hidden post’s notification leaves the others’ list and count', async () => {
    const [asker, replier, moderator] = await Promise.all([
      buildMember(api),
      buildMember(api),
      buildMember(api, { role: 'MODERATOR' }),
    ]);
    const thread = await buildThread(api, asker);
    const reply = await buildReply(api, replier, thread.id);
    await drain();
    const before = await inbox(asker);
    expect(before.items.map((n) => n.kind)).toContain('REPLY');

    await gqlOk(
      `mutation($input: HidePostInput!) { hidePost(input: $input) { id } }`,
      { input: { postId: reply.id, reason: 'Looks like spam' } },
      moderator,
    );
    await drain();
    const after = await inbox(asker);
    expect(after.items.map((n) => n.kind)).not.toContain('REPLY');
    expect(after.unread).toBe(before.unread - 1);
    const [told] = (await inbox(replier)).items.filter((n) => n.kind === 'POST_MODERATED');
    expect(told?.message).toBe(`Your post in “${thread.title}” was hidden pending review: Looks like spam`);

    await gqlOk(
      `mutation($input: UnhidePostInput!) { unhidePost(input: $input) { id } }`,
      { input: { postId: reply.id } },
      moderator,
    );
    await drain();
    expect((await inbox(asker)).items.map((n) => n.kind)).toContain('REPLY');
    expect((await inbox(replier)).items.filter((n) => n.kind === 'POST_MODERATED').map((n) => n.message)).toEqual([
      `Your post in “${thread.title}” is visible again`,
      `Your post in “${thread.title}” was hidden pending review: Looks like spam`,
    ]);
  });

  it('a thread moved into a restricted category leaves the list of those who cannot enter it', async () => {
    const [asker, replier] = await Promise.all([buildMember(api), buildMember(api)]);
    const thread = await buildThread(api, asker);
    await buildReply(api, replier, thread.id);
    await drain();
    const before = await inbox(asker);
    expect(await kinds(asker)).toEqual(['REPLY']);
    const hidden = await restrictedCategory();
    await api.sql('update threads set category_id = $1 where id = $2', [hidden, thread.id]);
    expect(await kinds(asker)).toEqual([]);
    // Everything about that thread went (the REPLY, the First Question badge), the level stayed.
    const aboutThread = before.items.filter((n) => n.thread?.id === thread.id && !n.readAt).length;
    expect(aboutThread).toBeGreaterThan(0);
    expect((await inbox(asker)).unread).toBe(before.unread - aboutThread);
  });

  it('FLAG_RESOLVED tells the flaggers whether moderators agreed, disagreed or took no action', async () => {
    const [author, flagger, moderator] = await Promise.all([
      buildMember(api),
      buildMember(api, { reputation: 20 }),
      buildMember(api, { role: 'MODERATOR' }),
    ]);
    const thread = await buildThread(api, author);
    await gqlOk(
      `mutation($input: FlagPostInput!) { flagPost(input: $input) { flag { id } } }`,
      { input: { postId: thread.question.id, reason: 'SPAM' } },
      flagger,
    );
    const [flag] = await api.sql('select review_item_id from flags where post_id = $1', [thread.question.id]);
    await gqlOk(
      `mutation($input: ResolveReviewItemInput!) { resolveReviewItem(input: $input) { id } }`,
      { input: { itemId: String(flag.review_item_id), decision: 'DISAGREE', reason: 'Not spam' } },
      moderator,
    );
    // Another flag on another post, which moderators ignore: the flagger hears of that too.
    const reply = await buildReply(api, author, thread.id);
    await gqlOk(
      `mutation($input: FlagPostInput!) { flagPost(input: $input) { flag { id } } }`,
      { input: { postId: reply.id, reason: 'OFF_TOPIC' } },
      flagger,
    );
    const [second] = await api.sql('select review_item_id from flags where post_id = $1', [reply.id]);
    await gqlOk(
      `mutation($input: ResolveReviewItemInput!) { resolveReviewItem(input: $input) { id } }`,
      { input: { itemId: String(second.review_item_id), decision: 'IGNORE', reason: 'Fine as it is' } },
      moderator,
    );
    await drain();
    expect((await inbox(flagger)).items.filter((n) => n.kind === 'FLAG_RESOLVED').map((n) => n.message)).toEqual([
      `Moderators reviewed your flag on a post in “${thread.title}” and took no action`,
      `Moderators reviewed your flag on a post in “${thread.title}” and left the post up`,
    ]);
  });

  it('SANCTION tells the member of a silence and of its lifting', async () => {
    const [member, admin] = await Promise.all([buildMember(api), buildMember(api, { role: 'ADMIN' })]);
    const until = new Date(Date.now() + 86_400_000).toISOString();
    await gqlOk(
      `mutation($input: SanctionInput!) { silenceMember(input: $input) { sanction { id } } }`,
      { input: { memberId: member.id, reason: 'Cool down, please', until } },
      admin,
    );
    await drain();
    const [n] = (await inbox(member)).items.filter((x) => x.kind === 'SANCTION');
    expect(n?.message).toMatch(/^You have been silenced until .*: Cool down, please$/);
    expect(n?.path).toBe('/notifications');
  });

  it('ARTICLE_FROM_ANSWER when an article made from the answer is first published', async () => {
    const [asker, answerer, moderator, admin] = await Promise.all([
      buildMember(api),
      buildMember(api),
      buildMember(api, { role: 'MODERATOR' }),
      buildMember(api, { role: 'ADMIN' }),
    ]);
    const thread = await buildThread(api, asker);
    const answer = await buildReply(api, answerer, thread.id);
    const made = await gqlOk(
      `mutation($id: ID!) { createArticle(input: { postId: $id }) { id title } }`,
      { id: answer.id },
      moderator,
    );
    const articleId = made.createArticle.id as string;
    await gqlOk(`mutation($id: ID!) { submitArticle(articleId: $id) { state } }`, { id: articleId }, admin);
    await gqlOk(`mutation($id: ID!) { publishArticle(articleId: $id) { state } }`, { id: articleId }, moderator);
    await drain();
    const [n] = (await inbox(answerer)).items.filter((x) => x.kind === 'ARTICLE_FROM_ANSWER');
    expect(n).toMatchObject({
      message: `Your answer to “${thread.title}” became the article “${made.createArticle.title}”`,
      path: `/kb/${articleId}`,
    });
  });
});

describe('reading, paging and redelivery', () => {
  it('pages by id, marks read only the viewer’s own, and all at once', async () => {
    const [asker, other] = await Promise.all([buildMember(api), buildMember(api)]);
    const thread = await buildThread(api, asker);
    for (let i = 0; i < 3; i++) {
      await buildReply(api, other, thread.id, `Reply number ${i}: have you tried turning sync off and on?`);
    }
    await drain();
    const first = await api.gql(LIST, { first: 2, unreadOnly: true }, as(asker));
    const page1 = first.data.notifications;
    expect(page1.edges).toHaveLength(2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await api.gql(LIST, { first: 2, after: page1.pageInfo.endCursor, unreadOnly: true }, as(asker))).data
      .notifications;
    const ids = [...page1.edges, ...page2.edges].map((e: { node: Listed }) => Number(e.node.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(ids.length);

    const target = page1.edges[0].node.id as string;
    // Another member's ids change nothing.
    const foreign = await api.gql(
      `mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) { marked } }`,
      { ids: [target] },
      as(other),
    );
    expect(foreign.data.markNotificationsRead.marked).toBe(0);
    const mine = await gqlOk(
      `mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) { marked unreadNotificationCount } }`,
      { ids: [target] },
      asker,
    );
    const unread = (await inbox(asker)).unread;
    expect(mine.markNotificationsRead).toEqual({ marked: 1, unreadNotificationCount: unread });
    expect((await inbox(asker, { unreadOnly: true })).items.map((n) => n.id)).not.toContain(target);
    const all = await gqlOk(`mutation { markNotificationsRead { marked unreadNotificationCount } }`, {}, asker);
    expect(all.markNotificationsRead).toEqual({ marked: unread, unreadNotificationCount: 0 });
    const bad = await api.gql(`mutation { markNotificationsRead(ids: ["x"]) { marked } }`, {}, as(asker));
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a redelivered batch writes no duplicates', async () => {
    const [asker, replier, fan] = await Promise.all([buildMember(api), buildMember(api), buildMember(api)]);
    const thread = await buildThread(api, asker);
    await gqlOk(`mutation($id: ID!) { followThread(threadId: $id) { thread { id } } }`, { id: thread.id }, fan);
    const reply = await buildReply(
      api,
      replier,
      thread.id,
      `Hello @${fan.handle}, the sync token rotated after the update.`,
    );
    await drain();
    const rows = async () =>
      api.sql('select recipient_id::text as recipient, kind from notifications where thread_id = $1 order by id', [
        thread.id,
      ]);
    const before = await rows();
    // One per recipient and event, the most specific: the fan's MENTION, not also FOLLOWED_REPLY.
    const ours = new Set([asker.id, replier.id, fan.id]);
    expect(before.filter((r) => r.kind !== 'BADGE_AWARDED' && ours.has(r.recipient))).toEqual([
      { recipient: fan.id, kind: 'MENTION' },
      { recipient: asker.id, kind: 'REPLY' },
    ]);
    expect(reply.id).toBeDefined();
    const [first] = await api.sql(`select min(id)::text as id from domain_events where subject = $1`, [
      `thread:${thread.id}`,
    ]);
    await api.app.services.events.replay(fanOutNotifications.name, first.id);
    await drain();
    expect(await rows()).toEqual(before);
  });
});

describe('preferences', () => {
  it('lists every kind with its default, and keeps what the member chose', async () => {
    const member = await buildMember(api);
    const Q = `query { notificationPreferences { kind email isDefault } }`;
    const initial = (await gqlOk(Q, {}, member)).notificationPreferences;
    expect(initial).toHaveLength(13);
    // Administrators' own kind (a disabled webhook endpoint) is offered to administrators only.
    expect(initial.map((p: { kind: string }) => p.kind)).not.toContain('WEBHOOK_DISABLED');
    const admin = await buildMember(api, { role: 'ADMIN' });
    const adminKinds = (await gqlOk(Q, {}, admin)).notificationPreferences.map((p: { kind: string }) => p.kind);
    expect(adminKinds).toHaveLength(14);
    expect(adminKinds).toContain('WEBHOOK_DISABLED');
    expect(initial.find((p: { kind: string }) => p.kind === 'REPLY')).toEqual({
      kind: 'REPLY',
      email: 'IMMEDIATELY',
      isDefault: true,
    });
    const set = await gqlOk(
      `mutation($input: SetNotificationPreferencesInput!) { setNotificationPreferences(input: $input) { kind email isDefault } }`,
      {
        input: {
          preferences: [
            { kind: 'REPLY', email: 'NEVER' },
            { kind: 'NEW_THREAD', email: 'IMMEDIATELY' },
          ],
        },
      },
      member,
    );
    expect(set.setNotificationPreferences.find((p: { kind: string }) => p.kind === 'REPLY')).toEqual({
      kind: 'REPLY',
      email: 'NEVER',
      isDefault: false,
    });
    const again = (await gqlOk(Q, {}, member)).notificationPreferences;
    expect(again.find((p: { kind: string }) => p.kind === 'NEW_THREAD').email).toBe('IMMEDIATELY');
    expect(again.find((p: { kind: string }) => p.kind === 'MENTION')).toMatchObject({
      email: 'IMMEDIATELY',
      isDefault: true,
    });
    // Choosing the default again drops the choice: the member follows the default from then on.
    const back = await gqlOk(
      `mutation($input: SetNotificationPreferencesInput!) { setNotificationPreferences(input: $input) { kind email isDefault } }`,
      { input: { preferences: [{ kind: 'NEW_THREAD', email: 'DAILY_DIGEST' }] } },
      member,
    );
    expect(back.setNotificationPreferences.find((p: { kind: string }) => p.kind === 'NEW_THREAD')).toEqual({
      kind: 'NEW_THREAD',
      email: 'DAILY_DIGEST',
      isDefault: true,
    });
    const bad = await api.gql(
      `mutation { setNotificationPreferences(input: { preferences: [{ kind: REPLY, email: SOMETIMES }] }) { kind } }`,
      {},
      as(member),
    );
    expect(bad.errors).toBeDefined();
    expect(
      await api.sql('select kind, email from notification_preferences where member_id = $1 order by kind', [member.id]),
    ).toEqual([{ kind: 'REPLY', email: 'NEVER' }]);
  });
});
