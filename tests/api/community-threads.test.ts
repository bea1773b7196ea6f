import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildMember,
  buildReply,
  buildThread,
  firstCategoryId,
  QUESTION_BODY,
  REPLY_BODY,
  type TestMember,
} from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
let asker: TestMember;
let categoryId: string;

beforeAll(async () => {
  api = await startTestApi();
  // Creating tags (the first thread tagged sync) takes 300 reputation.
  asker = await buildMember(api, { reputation: 300 });
  categoryId = await firstCategoryId(api);
});
afterAll(() => api?.close());

const ASK = `mutation($input: AskQuestionInput!) {
  askQuestion(input: $input) { id title status tags score viewCount replyCount createdAt lastActivityAt
    author { handle } category { id } acceptedAnswer { id }
    question { id body bodyHtml score viewerVote isAccepted editedAt author { handle } revisions { revision body title tags } } } }`;
const REPLY = `mutation($input: PostReplyInput!) { postReply(input: $input) { id body score isAccepted author { handle } } }`;

async function counts() {
  const [row] = await api.sql(
    `select (select count(*) from threads)::int as threads, (select count(*) from posts)::int as posts,
            (select count(*) from post_revisions)::int as revisions,
            (select coalesce(sum(thread_count), 0) from categories)::int as category_threads`,
  );
  return row;
}

describe('askQuestion', () => {
  it('creates the thread, its question post, revision 1 and bumps the category count', async () => {
    const before = await counts();
    const res = await api.gql(
      ASK,
      {
        input: {
          categoryId,
          title: '  Sync stops after   the 2.3 update  ',
          body: QUESTION_BODY,
          tags: ['Sync', 'v2.3', 'sync'],
        },
      },
      { token: asker.token },
    );
    expect(res.errors).toBeUndefined();
    const thread = res.data.askQuestion;
    expect(thread).toMatchObject({
      title: 'Sync stops after the 2.3 update',
      status: 'OPEN',
      tags: ['sync', 'v2.3'],
      score: 0,
      replyCount: 0,
      author: { handle: asker.handle },
      category: { id: categoryId },
      acceptedAnswer: null,
      question: { body: QUESTION_BODY, score: 0, viewerVote: 'NONE', isAccepted: false, editedAt: null },
    });
    expect(thread.question.bodyHtml).toContain('<p>My widget stopped syncing');
    expect(thread.question.revisions).toEqual([
      { revision: 1, body: QUESTION_BODY, title: thread.title, tags: ['sync', 'v2.3'] },
    ]);
    const after = await counts();
    expect(after).toEqual({
      threads: before.threads + 1,
      posts: before.posts + 1,
      revisions: before.revisions + 1,
      category_threads: before.category_threads + 1,
    });
    const [row] = await api.sql('select question_post_id, author_id from threads where id = $1', [thread.id]);
    expect(String(row.question_post_id)).toBe(thread.question.id);
    expect(String(row.author_id)).toBe(asker.id);
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ['an empty title', { title: '' }, 'title'],
    ['a title of spaces', { title: ' '.repeat(40) }, 'title'],
    ['a too-short title', { title: 'Help me' }, 'title'],
    ['a too-long title', { title: 'x'.repeat(151) }, 'title'],
    ['an empty body', { body: '' }, 'body'],
    ['a too-short body', { body: 'It broke.' }, 'body'],
    ['a too-long body', { body: 'x'.repeat(32_001) }, 'body'],
    ['six tags', { tags: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'tags'],
    ['a too-long tag', { tags: ['x'.repeat(31)] }, 'tags'],
    ['a tag with markup', { tags: ['<b>'] }, 'tags'],
  ];
  it.each(bad)('rejects %s with BAD_USER_INPUT and writes nothing', async (_label, override, field) => {
    const before = await counts();
    const res = await api.gql(
      ASK,
      { input: { categoryId, title: 'A perfectly fine title here', body: QUESTION_BODY, tags: [], ...override } },
      { token: asker.token },
    );
    expect(res.data?.askQuestion ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(res.errors![0]!.extensions.fields)).toContain(field);
    expect(res.errors![0]!.message.length).toBeGreaterThan(10);
    expect(await counts()).toEqual(before);
  });

  it('reports every invalid field at once', async () => {
    const res = await api.gql(
      ASK,
      { input: { categoryId, title: 'short', body: 'short', tags: [] } },
      { token: asker.token },
    );
    expect(Object.keys(res.errors![0]!.extensions.fields).sort()).toEqual(['body', 'title']);
  });

  it('rejects unknown and malformed categories and visitors, writing nothing', async () => {
    const before = await counts();
    const input = { title: 'A perfectly fine title here', body: QUESTION_BODY, tags: [] };
    const unknown = await api.gql(ASK, { input: { ...input, categoryId: '999999' } }, { token: asker.token });
    expect(unknown.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    const malformed = await api.gql(ASK, { input: { ...input, categoryId: 'abc' } }, { token: asker.token });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { categoryId: expect.any(String) },
    });
    const visitor = await api.gql(ASK, { input: { ...input, categoryId } });
    expect(visitor.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(await counts()).toEqual(before);
  });

  it('lets only staff start threads in announcements and hides restricted categories', async () => {
    const announcements = await firstCategoryId(api, 'ANNOUNCEMENTS');
    const restricted = await firstCategoryId(api, 'RESTRICTED');
    const moderator = await buildMember(api, { role: 'MODERATOR' });
    const input = { title: 'Release 2.4 is out today', body: 'Highlights: faster sync and a new dashboard.', tags: [] };

    const member = await api.gql(ASK, { input: { ...input, categoryId: announcements } }, { token: asker.token });
    expect(member.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect(member.errors?.[0]?.message).toMatch(/Only staff/);
    const staff = await api.gql(ASK, { input: { ...input, categoryId: announcements } }, { token: moderator.token });
    expect(staff.errors).toBeUndefined();

    const hidden = await api.gql(ASK, { input: { ...input, categoryId: restricted } }, { token: asker.token });
    expect(hidden.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    const lounge = await api.gql(ASK, { input: { ...input, categoryId: restricted } }, { token: moderator.token });
    const loungeId = lounge.data.askQuestion.id;

    const asMember = await api.gql(
      `query($id: ID!) { thread(id: $id) { id } }`,
      { id: loungeId },
      { token: asker.token },
    );
    expect(asMember.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    const list = await api.gql(
      `{ threads(first: 100) { edges { node { id } } } categories { id } }`,
      {},
      { token: asker.token },
    );
    expect(list.data.threads.edges.map((e: any) => e.node.id)).not.toContain(loungeId);
    expect(list.data.categories.map((c: any) => c.id)).not.toContain(restricted);
    const asStaff = await api.gql(
      `query($id: ID!) { thread(id: $id) { id } }`,
      { id: loungeId },
      { token: moderator.token },
    );
    expect(asStaff.data.thread.id).toBe(loungeId);
  });
});

describe('postReply', () => {
  it('adds a reply, counts it and moves the thread to the top of latest activity', async () => {
    const thread = await buildThread(api, asker);
    const helper = await buildMember(api);
    const [before] = await api.sql('select last_activity_at from threads where id = $1', [thread.id]);
    const res = await api.gql(REPLY, { input: { threadId: thread.id, body: REPLY_BODY } }, { token: helper.token });
    expect(res.errors).toBeUndefined();
    expect(res.data.postReply).toMatchObject({
      body: REPLY_BODY,
      score: 0,
      isAccepted: false,
      author: { handle: helper.handle },
    });
    const [row] = await api.sql('select reply_count, last_activity_at from threads where id = $1', [thread.id]);
    expect(row.reply_count).toBe(1);
    expect(row.last_activity_at.getTime()).toBeGreaterThanOrEqual(before.last_activity_at.getTime());
    const revisions = await api.sql('select revision from post_revisions where post_id = $1', [res.data.postReply.id]);
    expect(revisions).toEqual([{ revision: 1 }]);
    const latest = await api.gql(`{ threads(first: 1, order: LATEST) { edges { node { id } } } }`);
    expect(latest.data.threads.edges[0].node.id).toBe(thread.id);
  });

  it('refuses replies to closed and locked threads (staff may still reply), writing nothing', async () => {
    const moderator = await buildMember(api, { role: 'MODERATOR' });
    const helper = await buildMember(api);
    for (const status of ['CLOSED', 'LOCKED']) {
      const thread = await buildThread(api, asker);
      const set = await api.gql(
        `mutation($input: SetThreadStatusInput!) { setThreadStatus(input: $input) { status } }`,
        { input: { threadId: thread.id, status } },
        { token: moderator.token },
      );
      expect(set.data.setThreadStatus.status).toBe(status);
      const res = await api.gql(REPLY, { input: { threadId: thread.id, body: REPLY_BODY } }, { token: helper.token });
      expect(res.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
      expect(res.errors?.[0]?.message).toMatch(status === 'LOCKED' ? /locked/ : /closed/);
      const rows = await api.sql('select count(*)::int as n from posts where thread_id = $1', [thread.id]);
      expect(rows[0].n).toBe(1);
      const [t] = await api.sql('select reply_count from threads where id = $1', [thread.id]);
      expect(t.reply_count).toBe(0);
      const staff = await api.gql(
        REPLY,
        { input: { threadId: thread.id, body: REPLY_BODY } },
        { token: moderator.token },
      );
      expect(staff.errors).toBeUndefined();
    }
  });

  it('rejects unknown threads, bad bodies and visitors', async () => {
    const thread = await buildThread(api, asker);
    const unknown = await api.gql(REPLY, { input: { threadId: '424242', body: REPLY_BODY } }, { token: asker.token });
    expect(unknown.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    const short = await api.gql(REPLY, { input: { threadId: thread.id, body: 'thx' } }, { token: asker.token });
    expect(short.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { body: expect.stringMatching(/20/) },
    });
    const visitor = await api.gql(REPLY, { input: { threadId: thread.id, body: REPLY_BODY } });
    expect(visitor.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    const [t] = await api.sql('select reply_count from threads where id = $1', [thread.id]);
    expect(t.reply_count).toBe(0);
  });

  it('members cannot change a thread status', async () => {
    const thread = await buildThread(api, asker);
    const res = await api.gql(
      `mutation($input: SetThreadStatusInput!) { setThreadStatus(input: $input) { status } }`,
      { input: { threadId: thread.id, status: 'LOCKED' } },
      { token: asker.token },
    );
    expect(res.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const [t] = await api.sql('select status from threads where id = $1', [thread.id]);
    expect(t.status).toBe('OPEN');
  });
});

describe('thread page', () => {
  it('shows the accepted answer apart, replies by score, and uses a constant number of SQL statements', async () => {
    const PAGE = `query($id: ID!) { thread(id: $id) { id title status tags score viewCount replyCount createdAt lastActivityAt
      author { handle } category { name }
      question { id bodyHtml score viewerVote author { handle } }
      acceptedAnswer { id author { handle } }
      replies(first: 30) { edges { cursor node { id bodyHtml score viewerVote isAccepted createdAt editedAt author { id handle } } } pageInfo { hasNextPage endCursor } } } }`;
    const statements = async (replies: number) => {
      const thread = await buildThread(api, asker);
      for (let i = 0; i < replies; i++) {
        const m = await buildMember(api);
        await buildReply(api, m, thread.id);
      }
      const res = await api.gql(PAGE, { id: thread.id }, { token: asker.token, headers: { 'x-hearth-debug': 'sql' } });
      expect(res.errors).toBeUndefined();
      expect(res.data.thread.replies.edges).toHaveLength(replies);
      return res.extensions!.sqlStatements as number;
    };
    const few = await statements(2);
    const many = await statements(12);
    expect(many).toBe(few);
    expect(few).toBeLessThanOrEqual(10);
  });

  it('counts views atomically', async () => {
    const thread = await buildThread(api, asker);
    // 20 different visitors at once (one viewer counts once a day: tests/api/thread-views.test.ts).
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.gql(
          `mutation($id: ID!) { recordThreadView(threadId: $id) }`,
          { id: thread.id },
          { ip: `198.51.100.${i + 1}` },
        ),
      ),
    );
    const [t] = await api.sql('select view_count from threads where id = $1', [thread.id]);
    expect(t.view_count).toBe(20);
  });

  it('answers NOT_FOUND for unknown and malformed ids', async () => {
    const unknown = await api.gql(`{ thread(id: "777777") { id } }`);
    expect(unknown.data.thread).toBeNull();
    expect(unknown.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    const malformed = await api.gql(`{ thread(id: "1; drop table threads") { id } }`);
    expect(malformed.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });
});
