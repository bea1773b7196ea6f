import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NO_ABUSE_LIMITS } from '../../api/src/platform/abuse-limits.js';
import { caughtUp } from '../support/events.js';
import { buildMember, buildReply, buildThread, firstCategoryId, type TestMember } from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// Flags and hidden posts (issue 12 item 1): who may flag what, the weight each flag carries
// (Discourse's flag score), the threshold that hides a post once, and what a hidden post looks
// like to each viewer, in lists and in search (the PostgreSQL engine). Three flags a day here.
let api: TestApi;
let moderator: TestMember;
beforeAll(async () => {
  api = await startTestApi({ ABUSE_LIMITS: JSON.stringify({ ...NO_ABUSE_LIMITS, flagsPerDay: 3 }) });
  moderator = await buildMember(api, { role: 'MODERATOR' });
});
afterAll(() => api?.close());

const FLAG = `mutation($input: FlagPostInput!) {
  flagPost(input: $input) { post { id isHidden viewerFlag { reason } } flag { reason note weight status flagger { id } } }
}`;
const POST_VIEW = `query($id: ID!) {
  thread(id: $id) {
    question { id body bodyHtml isHidden hiddenNotice revisions { body } author { id } viewerFlag { reason }
               viewerCan { flag { allowed reason } hide } }
    replies(first: 10) { edges { node { id body isHidden hiddenNotice } } }
  }
}`;
const THREADS = `query { threads(first: 100, order: NEWEST) { edges { node { id } } } }`;
const SEARCH = `query($q: String!) { search(query: $q, first: 20) { edges { node { kind url } } } }`;
const EDIT = `mutation($input: EditPostInput!) { editPost(input: $input) { id } }`;
const HIDE = `mutation($input: HidePostInput!) { hidePost(input: $input) { id isHidden hiddenNotice } }`;
const UNHIDE = `mutation($input: UnhidePostInput!) { unhidePost(input: $input) { id isHidden } }`;

const as = (m: TestMember | null) => (m ? { token: m.token, ip: m.ip } : {});
const flag = (by: TestMember | null, postId: string, reason = 'SPAM', note?: string) =>
  api.gql(FLAG, { input: { postId, reason, ...(note !== undefined ? { note } : {}) } }, as(by));
const members = (n: number, reputation = 15) =>
  Promise.all(Array.from({ length: n }, () => buildMember(api, { reputation })));

async function writes() {
  const [row] = await api.sql(
    `select (select count(*) from flags)::int as flags, (select count(*) from review_items)::int as items,
            (select count(*) from domain_events where name in ('post.flagged', 'post.hidden'))::int as events,
            (select count(*) from posts where hidden_at is not null)::int as hidden`,
  );
  return row;
}

async function authoredThread(opts: { body?: string; title?: string; categoryId?: string } = {}) {
  const author = await buildMember(api);
  const thread = await buildThread(api, author, opts);
  return { author, thread, postId: thread.question.id };
}

describe('flag rules: each refusal is typed and writes nothing', () => {
  it('refuses visitors, members without the privilege, your own post, a second flag, and bad notes', async () => {
    const { author, postId } = await authoredThread();
    const [flagger, newcomer] = [await buildMember(api), await buildMember(api, { reputation: 0 })];
    expect((await flag(flagger, postId, 'OFF_TOPIC')).errors).toBeUndefined();
    const before = await writes();

    const cases: [TestMember | null, string, string, string | undefined, string, RegExp][] = [
      [null, postId, 'SPAM', undefined, 'UNAUTHENTICATED', /log in/],
      [newcomer, postId, 'SPAM', undefined, 'FORBIDDEN', /You need 15 reputation to flag posts; you have 0\./],
      [author, postId, 'SPAM', undefined, 'FORBIDDEN', /can't flag your own post/],
      [flagger, postId, 'SPAM', undefined, 'CONFLICT', /already flagged/],
      [moderator, postId, 'OTHER', undefined, 'BAD_USER_INPUT', /note is required for OTHER/],
      [moderator, postId, 'OTHER', '   ', 'BAD_USER_INPUT', /note is required for OTHER/],
      [moderator, postId, 'PERSONAL_DATA', 'x'.repeat(501), 'BAD_USER_INPUT', /at most 500 characters/],
    ];
    for (const [by, id, reason, note, code, message] of cases) {
      const res = await flag(by, id, reason, note);
      expect(res.errors?.[0]?.extensions.code, `${by?.handle} ${reason}`).toBe(code);
      expect(res.errors![0]!.message).toMatch(message);
    }
    expect(await writes()).toEqual(before);
  });

  it('answers NOT_FOUND for what the flagger cannot read: deleted posts and restricted categories', async () => {
    const flagger = await buildMember(api);
    const { thread } = await authoredThread();
    const answerer = await buildMember(api);
    const reply = await buildReply(api, answerer, thread.id);
    await api.gql(`mutation($id: ID!) { deletePost(postId: $id) }`, { id: reply.id }, as(answerer));
    const [lounge] = await api.sql<{ id: number }>(
      `insert into categories (slug, name, kind) values ('flags-lounge', 'Lounge', 'RESTRICTED') returning id`,
    );
    const restricted = await buildThread(api, moderator, { categoryId: String(lounge!.id) });
    const before = await writes();
    for (const id of [reply.id, restricted.question.id, '999999']) {
      const res = await flag(flagger, id);
      expect(res.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    }
    expect(await writes()).toEqual(before);
  });

  it('caps flags at the daily limit, concurrently too; staff are exempt', async () => {
    const flagger = await buildMember(api);
    const threads = await Promise.all(Array.from({ length: 5 }, () => authoredThread()));
    const results = await Promise.all(threads.map((t) => flag(flagger, t.postId, 'OFF_TOPIC')));
    const limited = results.filter((r) => r.errors?.[0]?.extensions.code === 'RATE_LIMITED');
    expect(results.filter((r) => !r.errors)).toHaveLength(3);
    expect(limited).toHaveLength(2);
    expect(limited[0]!.errors![0]!.message).toMatch(/at most 3 posts a day/);
    const [row] = await api.sql('select count(*)::int as n from flags where flagger_id = $1', [flagger.id]);
    expect(row.n).toBe(3);
    const staffResults = await Promise.all(threads.slice(0, 4).map((t) => flag(moderator, t.postId, 'OFF_TOPIC')));
    expect(staffResults.map((r) => r.errors)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('shows viewerCan.flag with its reason, and the viewer’s own flag', async () => {
    const { author, thread, postId } = await authoredThread();
    const [flagger, newcomer] = [await buildMember(api), await buildMember(api, { reputation: 0 })];
    const view = async (m: TestMember | null) =>
      (await api.gql(POST_VIEW, { id: thread.id }, as(m))).data.thread.question;
    expect((await view(flagger)).viewerCan.flag).toEqual({ allowed: true, reason: null });
    expect((await view(author)).viewerCan.flag).toEqual({ allowed: false, reason: "You can't flag your own post." });
    expect((await view(newcomer)).viewerCan.flag.reason).toBe('You need 15 reputation to flag posts; you have 0.');
    expect((await view(null)).viewerCan.flag.allowed).toBe(false);
    const res = await flag(flagger, postId, 'OTHER', '  Looks like an ad for a competitor.  ');
    expect(res.data.flagPost.flag).toMatchObject({ reason: 'OTHER', note: 'Looks like an ad for a competitor.' });
    expect(res.data.flagPost.post.viewerFlag).toEqual({ reason: 'OTHER' });
    expect((await view(flagger)).viewerFlag).toEqual({ reason: 'OTHER' });
    expect((await view(author)).viewerFlag).toBeNull();
  });

  it('records post.flagged with the shape other modules rely on', async () => {
    const { author, thread, postId } = await authoredThread();
    const flagger = await buildMember(api);
    await flag(flagger, postId, 'ABUSIVE');
    const [event] = await api.sql(
      `select actor_type, actor_id, subject, related, data from domain_events
        where name = 'post.flagged' and subject = $1`,
      [`post:${postId}`],
    );
    expect(event).toEqual({
      actor_type: 'member',
      actor_id: String(flagger.id),
      subject: `post:${postId}`,
      related: [`thread:${thread.id}`, `member:${author.id}`, `member:${flagger.id}`],
      data: {
        postId: Number(postId),
        threadId: Number(thread.id),
        authorId: Number(author.id),
        flaggerId: Number(flagger.id),
        reason: 'ABUSIVE',
        weight: 2,
      },
    });
  });
});

/** `n` decided flags by `flagger` on fresh posts, as review would leave them. */
async function seedDecidedFlags(flagger: TestMember, n: number, status: 'AGREED' | 'DISAGREED') {
  const { author, thread } = await authoredThread();
  const categoryId = await firstCategoryId(api);
  for (let i = 0; i < n; i++) {
    const reply = await buildReply(api, author, thread.id, `Reply number ${i} with enough text to be a reply.`);
    await api.sql(
      `with item as (
         insert into review_items (kind, post_id, author_id, category_id, status, decision, decided_at)
         values ('FLAGGED_POST', $1, $2, $3, 'RESOLVED', $4, now()) returning id)
       insert into flags (post_id, flagger_id, review_item_id, reason, weight, status, created_at, decided_at)
       select $1, $5, item.id, 'SPAM', 200, $6, now() - interval '2 days', now() from item`,
      [reply.id, author.id, categoryId, status === 'AGREED' ? 'AGREE' : 'DISAGREE', flagger.id, status],
    );
  }
}

describe('flag weights', () => {
  it('weigh 1 + the reputation level (staff 5) + the accuracy bonus once enough flags were decided', async () => {
    const [member, contributor, accurate, inaccurate, young] = await Promise.all([
      buildMember(api),
      buildMember(api, { reputation: 100 }),
      buildMember(api),
      buildMember(api),
      buildMember(api),
    ]);
    await seedDecidedFlags(accurate, 8, 'AGREED');
    await seedDecidedFlags(inaccurate, 8, 'DISAGREED');
    await seedDecidedFlags(young, 5, 'AGREED'); // under the 6 decided flags accuracy needs
    const weights: [TestMember, number][] = [
      [member, 2],
      [contributor, 3],
      [moderator, 6],
      [accurate, 9.5], // 2 + 100% agreed over 8: log4(8) × 5 = 7.5
      [inaccurate, 0], // 2 − 7.5, never below zero
      [young, 2],
    ];
    for (const [flagger, weight] of weights) {
      const { postId } = await authoredThread();
      const res = await flag(flagger, postId, 'OFF_TOPIC');
      expect(res.errors).toBeUndefined();
      expect(res.data.flagPost.flag.weight, flagger.handle).toBe(weight);
      const [row] = await api.sql('select weight from flags where post_id = $1', [postId]);
      expect(row.weight).toBe(Math.round(weight * 100));
    }
  });
});

describe('the hide threshold', () => {
  it('three concurrent flags crossing it hide the post once, with one review item', async () => {
    const { postId } = await authoredThread();
    const flaggers = await members(3);
    const results = await Promise.all(flaggers.map((f) => flag(f, postId, 'SPAM')));
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
    const [post] = await api.sql('select hidden_at, hidden_by, hidden_reason from posts where id = $1', [postId]);
    expect(post.hidden_at).not.toBeNull();
    expect(post).toMatchObject({ hidden_by: null, hidden_reason: 'FLAGGED' });
    const items = await api.sql('select kind, status from review_items where post_id = $1', [postId]);
    expect(items).toEqual([{ kind: 'HIDDEN_POST', status: 'OPEN' }]);
    const hidden = await api.sql(
      `select actor_type, actor_label, data from domain_events where name = 'post.hidden' and subject = $1`,
      [`post:${postId}`],
    );
    expect(hidden).toHaveLength(1);
    expect(hidden[0]).toMatchObject({
      actor_type: 'system',
      actor_label: 'flags',
      data: { byId: null, reason: 'FLAGGED', before: { hidden: false }, after: { hidden: true, reason: 'FLAGGED' } },
    });
    expect(results.filter((r) => r.data.flagPost.post.isHidden)).not.toHaveLength(0);
  });

  it('two flags stay below it: the post is shown and waits in the queue as FLAGGED_POST', async () => {
    const { postId } = await authoredThread();
    for (const f of await members(2)) await flag(f, postId, 'OFF_TOPIC');
    const [post] = await api.sql('select hidden_at from posts where id = $1', [postId]);
    expect(post.hidden_at).toBeNull();
    expect(await api.sql('select kind from review_items where post_id = $1', [postId])).toEqual([
      { kind: 'FLAGGED_POST' },
    ]);
  });

  it('a staff flag alone weighs the threshold', async () => {
    const { postId } = await authoredThread();
    const res = await flag(moderator, postId, 'ABUSIVE');
    expect(res.data.flagPost.post.isHidden).toBe(true);
  });
});

describe('hidden posts', () => {
  const word = () => `zorbulate${Math.random().toString(36).slice(2, 8)}`;

  it('show a placeholder to others, the post with a notice to its author, reviewers and staff', async () => {
    const { author, thread, postId } = await authoredThread();
    const reviewer = await buildMember(api, { reputation: 2000 });
    const other = await buildMember(api);
    await flag(moderator, postId, 'SPAM');
    const view = async (m: TestMember | null) => (await api.gql(POST_VIEW, { id: thread.id }, as(m))).data.thread;
    for (const m of [null, other]) {
      const { question } = await view(m);
      expect(question).toMatchObject({
        id: postId,
        isHidden: true,
        body: 'This post is hidden pending review.',
        bodyHtml: '<p>This post is hidden pending review.</p>',
        hiddenNotice: null,
        revisions: [],
      });
    }
    for (const m of [author, reviewer, moderator]) {
      const { question } = await view(m);
      expect(question.body).not.toMatch(/hidden pending review/);
      expect(question.revisions).toHaveLength(1);
      expect(question.hiddenNotice).toMatch(/hidden pending review \(members flagged it\)/);
    }
  });

  it('leave lists and search at once; a hidden reply leaves search but keeps its place in the thread', async () => {
    const [token, replyToken] = [word(), word()];
    const { author, thread, postId } = await authoredThread({
      title: `Why does ${token} keep failing?`,
      body: `My ${token} stopped syncing after the update. What should I check first?`,
    });
    const answerer = await buildMember(api);
    const reply = await buildReply(api, answerer, thread.id, `Restart the ${replyToken} service and sync again.`);
    const other = await buildMember(api);
    const found = async (q: string, m: TestMember | null) =>
      (await api.gql(SEARCH, { q }, as(m))).data.search.edges.map((e: any) => e.node.kind);
    await vi.waitFor(async () => expect(await found(token, other)).toContain('THREAD'), { timeout: 10_000 });
    await vi.waitFor(async () => expect(await found(replyToken, other)).toEqual(['POST']), { timeout: 10_000 });

    await flag(moderator, reply.id, 'SPAM');
    expect(await found(replyToken, other)).toEqual([]); // at once: before the index catches up
    const replies = (await api.gql(POST_VIEW, { id: thread.id }, as(other))).data.thread.replies.edges;
    expect(replies.map((e: any) => [e.node.id, e.node.isHidden])).toEqual([[reply.id, true]]);

    await flag(moderator, postId, 'SPAM');
    expect(await found(token, other)).toEqual([]);
    const listed = async (m: TestMember | null) =>
      (await api.gql(THREADS, {}, as(m))).data.threads.edges.map((e: any) => e.node.id);
    expect(await listed(other)).not.toContain(thread.id);
    expect(await listed(null)).not.toContain(thread.id);
    expect(await listed(author)).toContain(thread.id);
    expect(await listed(moderator)).toContain(thread.id);
    // The page still answers, with the placeholders.
    const PAGE = `query($id: ID!) { thread(id: $id) { title question { isHidden } } }`;
    expect((await api.gql(PAGE, { id: thread.id }, as(other))).data.thread).toEqual({
      title: 'Hidden pending review',
      question: { isHidden: true },
    });
    expect((await api.gql(PAGE, { id: thread.id }, as(author))).data.thread.title).toBe(thread.title);

    // The index drops them too, and takes them back when shown again.
    await caughtUp(api, 'search.postgres');
    const indexed = await api.sql(
      `select kind from search_documents where (kind = 'THREAD' and source_id = $1) or (kind = 'POST' and source_id = $2)`,
      [thread.id, reply.id],
    );
    expect(indexed).toEqual([]);
    await api.gql(UNHIDE, { input: { postId } }, as(moderator));
    await api.gql(UNHIDE, { input: { postId: reply.id } }, as(moderator));
    await caughtUp(api, 'search.postgres');
    expect(await found(token, other)).toContain('THREAD');
    expect(await found(replyToken, other)).toEqual(['POST']);
  });

  it('leave a member’s list of accepted answers for others', async () => {
    const { author, thread } = await authoredThread();
    const answerer = await buildMember(api);
    const reply = await buildReply(api, answerer, thread.id);
    expect(
      (await api.gql(`mutation($id: ID!) { acceptAnswer(postId: $id) { id } }`, { id: reply.id }, as(author))).errors,
    ).toBeUndefined();
    const ACCEPTED = `query($handle: String!) { member(handle: $handle) { acceptedAnswers(first: 10) { edges { node { id } } } } }`;
    const accepted = async (m: TestMember | null) =>
      (await api.gql(ACCEPTED, { handle: answerer.handle }, as(m))).data.member.acceptedAnswers.edges.map(
        (e: any) => e.node.id,
      );
    expect(await accepted(null)).toEqual([reply.id]);
    await flag(moderator, reply.id, 'ABUSIVE');
    expect(await accepted(null)).toEqual([]);
    expect(await accepted(author)).toEqual([]);
    expect(await accepted(answerer)).toEqual([reply.id]);
    expect(await accepted(moderator)).toEqual([reply.id]);
  });

  it('moderators hide and unhide with a reason, recorded before and after; members may not', async () => {
    const { author, postId } = await authoredThread();
    const member = await buildMember(api, { reputation: 5000 });
    expect(
      (await api.gql(HIDE, { input: { postId, reason: 'Off topic' } }, as(member))).errors?.[0]?.extensions.code,
    ).toBe('FORBIDDEN');
    expect((await api.gql(HIDE, { input: { postId, reason: ' ' } }, as(moderator))).errors?.[0]?.extensions.code).toBe(
      'BAD_USER_INPUT',
    );
    const hidden = await api.gql(HIDE, { input: { postId, reason: 'Personal data in the logs' } }, as(moderator));
    expect(hidden.data.hidePost).toMatchObject({ isHidden: true });
    expect(hidden.data.hidePost.hiddenNotice).toMatch(/a moderator hid it: Personal data in the logs/);
    expect(
      (await api.gql(HIDE, { input: { postId, reason: 'again' } }, as(moderator))).errors?.[0]?.extensions.code,
    ).toBe('CONFLICT');
    expect((await api.gql(UNHIDE, { input: { postId } }, as(author))).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const shown = await api.gql(UNHIDE, { input: { postId, reason: 'Redacted' } }, as(moderator));
    expect(shown.data.unhidePost).toEqual({ id: postId, isHidden: false });
    const events = await api.sql(
      `select name, actor_id, data from domain_events where subject = $1 and name like 'post.%hidden' order by id`,
      [`post:${postId}`],
    );
    expect(events).toMatchObject([
      {
        name: 'post.hidden',
        actor_id: String(moderator.id),
        data: { byId: Number(moderator.id), reason: 'Personal data in the logs', after: { hidden: true } },
      },
      {
        name: 'post.unhidden',
        data: {
          reason: 'Redacted',
          before: { hidden: true, reason: 'Personal data in the logs' },
          after: { hidden: false },
        },
      },
    ]);
  });

  it('an edit by the author puts the hidden post back in the review queue', async () => {
    const { author, postId } = await authoredThread();
    await flag(moderator, postId, 'OFF_TOPIC');
    await api.sql(
      `update review_items set status = 'RESOLVED', decision = 'AGREE', decided_at = now() where post_id = $1`,
      [postId],
    );
    const res = await api.gql(
      EDIT,
      { input: { postId, body: 'I removed the off-topic part; this is now only about the sync problem.' } },
      as(author),
    );
    expect(res.errors).toBeUndefined();
    await caughtUp(api, 'moderation.requeue-edited');
    const items = await api.sql('select kind, status from review_items where post_id = $1 order by id', [postId]);
    expect(items).toEqual([
      { kind: 'HIDDEN_POST', status: 'RESOLVED' },
      { kind: 'EDITED_AFTER_HIDE', status: 'OPEN' },
    ]);
  });
});
