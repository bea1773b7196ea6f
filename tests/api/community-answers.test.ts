import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  buildMember,
  buildReply,
  buildThread,
  firstCategoryId,
  REPLY_BODY,
  type TestMember,
} from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
let asker: TestMember;
let helper: TestMember;
let other: TestMember;
let moderator: TestMember;

beforeAll(async () => {
  api = await startTestApi();
  [asker, helper, other, moderator] = await Promise.all([
    // The asker's tag edits create tags, which takes 300 reputation.
    buildMember(api, { reputation: 300 }),
    buildMember(api),
    buildMember(api),
    buildMember(api, { role: 'MODERATOR' }),
  ]);
});
afterAll(() => api?.close());

const ACCEPT = `mutation($id: ID!) { acceptAnswer(postId: $id) { id status acceptedAnswer { id isAccepted } } }`;
const UNACCEPT = `mutation($id: ID!) { unacceptAnswer(threadId: $id) { id status acceptedAnswer { id } } }`;
const EDIT = `mutation($input: EditPostInput!) { editPost(input: $input) { id body bodyHtml editedAt revisions { revision body title tags editor { handle } } } }`;
const DELETE = `mutation($id: ID!) { deletePost(postId: $id) }`;
const threadRow = async (id: string) =>
  (
    await api.sql('select status, accepted_post_id, reply_count, title, tags, deleted_at from threads where id = $1', [
      id,
    ])
  )[0];

describe('accepting answers', () => {
  it('the asker accepts a reply; the thread is ANSWERED; another reply can replace it; un-accept re-opens', async () => {
    const thread = await buildThread(api, asker);
    const first = await buildReply(api, helper, thread.id);
    const second = await buildReply(api, other, thread.id);

    const res = await api.gql(ACCEPT, { id: first.id }, { token: asker.token });
    expect(res.errors).toBeUndefined();
    expect(res.data.acceptAnswer).toEqual({
      id: thread.id,
      status: 'ANSWERED',
      acceptedAnswer: { id: first.id, isAccepted: true },
    });
    expect(await threadRow(thread.id)).toMatchObject({ status: 'ANSWERED', accepted_post_id: Number(first.id) });

    const again = await api.gql(ACCEPT, { id: first.id }, { token: asker.token });
    expect(again.errors?.[0]?.extensions.code).toBe('CONFLICT');

    const replaced = await api.gql(ACCEPT, { id: second.id }, { token: asker.token });
    expect(replaced.data.acceptAnswer.acceptedAnswer.id).toBe(second.id);
    expect(await threadRow(thread.id)).toMatchObject({ status: 'ANSWERED', accepted_post_id: Number(second.id) });

    const undone = await api.gql(UNACCEPT, { id: thread.id }, { token: asker.token });
    expect(undone.data.unacceptAnswer).toEqual({ id: thread.id, status: 'OPEN', acceptedAnswer: null });
    expect(await threadRow(thread.id)).toMatchObject({ status: 'OPEN', accepted_post_id: null });

    const nothing = await api.gql(UNACCEPT, { id: thread.id }, { token: asker.token });
    expect(nothing.errors?.[0]?.extensions.code).toBe('CONFLICT');
    expect(nothing.errors?.[0]?.message).toMatch(/no accepted answer/);
  });

  it("refuses accepting on someone else's thread, the question itself, and unknown posts", async () => {
    const thread = await buildThread(api, asker);
    const reply = await buildReply(api, helper, thread.id);
    const stranger = await api.gql(ACCEPT, { id: reply.id }, { token: other.token });
    expect(stranger.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect(stranger.errors?.[0]?.message).toMatch(/Only the person who asked/);
    const author = await api.gql(ACCEPT, { id: reply.id }, { token: helper.token });
    expect(author.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const question = await api.gql(ACCEPT, { id: thread.question.id }, { token: asker.token });
    expect(question.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    const unknown = await api.gql(ACCEPT, { id: '31337000' }, { token: asker.token });
    expect(unknown.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    const visitor = await api.gql(ACCEPT, { id: reply.id });
    expect(visitor.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(await threadRow(thread.id)).toMatchObject({ status: 'OPEN', accepted_post_id: null });
  });

  it('a moderator may accept on any thread', async () => {
    const thread = await buildThread(api, asker);
    const reply = await buildReply(api, helper, thread.id);
    const res = await api.gql(ACCEPT, { id: reply.id }, { token: moderator.token });
    expect(res.data.acceptAnswer.status).toBe('ANSWERED');
  });

  it('a locked thread keeps its solution; re-opening restores ANSWERED', async () => {
    const thread = await buildThread(api, asker);
    const reply = await buildReply(api, helper, thread.id);
    await api.gql(ACCEPT, { id: reply.id }, { token: asker.token });
    const SET = `mutation($input: SetThreadStatusInput!) { setThreadStatus(input: $input) { status } }`;
    await api.gql(SET, { input: { threadId: thread.id, status: 'LOCKED' } }, { token: moderator.token });
    const undo = await api.gql(UNACCEPT, { id: thread.id }, { token: asker.token });
    expect(undo.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const reopened = await api.gql(SET, { input: { threadId: thread.id, status: 'OPEN' } }, { token: moderator.token });
    expect(reopened.data.setThreadStatus.status).toBe('ANSWERED');
    const answered = await api.gql(
      SET,
      { input: { threadId: thread.id, status: 'ANSWERED' } },
      { token: moderator.token },
    );
    expect(answered.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('editing', () => {
  it('records each edit as a revision and re-renders the HTML', async () => {
    const thread = await buildThread(api, asker);
    const reply = await buildReply(api, helper, thread.id);
    const body = 'Updated: sign out, then **reinstall** the 2.3.1 patch from the downloads page.';
    const res = await api.gql(EDIT, { input: { postId: reply.id, body } }, { token: helper.token });
    expect(res.errors).toBeUndefined();
    expect(res.data.editPost.body).toBe(body);
    expect(res.data.editPost.bodyHtml).toContain('<strong>reinstall</strong>');
    expect(res.data.editPost.editedAt).not.toBeNull();
    expect(res.data.editPost.revisions.map((r: any) => [r.revision, r.body])).toEqual([
      [2, body],
      [1, REPLY_BODY],
    ]);
    expect(res.data.editPost.revisions[0].editor.handle).toBe(helper.handle);
  });

  it('edits a question title and tags, with the old ones kept in revision 1', async () => {
    const thread = await buildThread(api, asker, { title: 'Original question title here', tags: ['sync'] });
    const res = await api.gql(
      EDIT,
      {
        input: {
          postId: thread.question.id,
          body: 'Clarified: it happens only on the Android app 5.1.',
          title: 'Android app 5.1 stops syncing',
          tags: ['android', 'sync'],
        },
      },
      { token: asker.token },
    );
    expect(res.errors).toBeUndefined();
    expect(await threadRow(thread.id)).toMatchObject({
      title: 'Android app 5.1 stops syncing',
      tags: ['android', 'sync'],
    });
    expect(res.data.editPost.revisions.map((r: any) => [r.revision, r.title, r.tags])).toEqual([
      [2, 'Android app 5.1 stops syncing', ['android', 'sync']],
      [1, 'Original question title here', ['sync']],
    ]);
  });

  it("refuses others' edits, no-op edits, bad bodies and titles on replies, changing nothing", async () => {
    const thread = await buildThread(api, asker);
    const reply = await buildReply(api, helper, thread.id);
    const body = 'A different but perfectly valid body text.';
    const cases: [TestMember | null, Record<string, unknown>, string][] = [
      [other, { postId: reply.id, body }, 'FORBIDDEN'],
      [null, { postId: reply.id, body }, 'UNAUTHENTICATED'],
      [helper, { postId: reply.id, body: REPLY_BODY }, 'BAD_USER_INPUT'],
      [helper, { postId: reply.id, body: 'short' }, 'BAD_USER_INPUT'],
      [helper, { postId: reply.id, body, title: 'Replies have no title at all' }, 'BAD_USER_INPUT'],
      [helper, { postId: '88888888', body }, 'NOT_FOUND'],
    ];
    for (const [who, input, code] of cases) {
      const res = await api.gql(EDIT, { input }, { token: who?.token });
      expect(res.errors?.[0]?.extensions.code, JSON.stringify(input)).toBe(code);
    }
    const [post] = await api.sql('select body, edited_at from posts where id = $1', [reply.id]);
    expect(post).toEqual({ body: REPLY_BODY, edited_at: null });
    const revisions = await api.sql('select count(*)::int as n from post_revisions where post_id = $1', [reply.id]);
    expect(revisions[0].n).toBe(1);
  });

  it('a moderator may edit any post; concurrent edits get consecutive revisions', async () => {
    const thread = await buildThread(api, asker);
    const reply = await buildReply(api, helper, thread.id);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        api.gql(
          EDIT,
          { input: { postId: reply.id, body: `Moderator edit number ${i} with enough text.` } },
          { token: moderator.token },
        ),
      ),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    const rows = await api.sql('select revision from post_revisions where post_id = $1 order by revision', [reply.id]);
    expect(rows.map((r: any) => r.revision)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('deleting', () => {
  it('an author deletes a reply: hidden, counted out, and an accepted one re-opens the thread', async () => {
    const thread = await buildThread(api, asker);
    const reply = await buildReply(api, helper, thread.id);
    await api.gql(ACCEPT, { id: reply.id }, { token: asker.token });
    const res = await api.gql(DELETE, { id: reply.id }, { token: helper.token });
    expect(res.data.deletePost).toBe(true);
    expect(await threadRow(thread.id)).toMatchObject({ status: 'OPEN', accepted_post_id: null, reply_count: 0 });
    const page = await api.gql(
      `query($id: ID!) { thread(id: $id) { replyCount acceptedAnswer { id } replies { edges { node { id } } } } }`,
      { id: thread.id },
    );
    expect(page.data.thread).toEqual({ replyCount: 0, acceptedAnswer: null, replies: { edges: [] } });
    const [post] = await api.sql('select deleted_at from posts where id = $1', [reply.id]);
    expect(post.deleted_at).not.toBeNull();
    const twice = await api.gql(DELETE, { id: reply.id }, { token: helper.token });
    expect(twice.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });

  it('deleting the question deletes the thread from pages and lists', async () => {
    const categoryId = await firstCategoryId(api);
    const thread = await buildThread(api, asker, { categoryId });
    const [before] = await api.sql('select thread_count from categories where id = $1', [categoryId]);
    await api.gql(DELETE, { id: thread.question.id }, { token: asker.token });
    const page = await api.gql(`query($id: ID!) { thread(id: $id) { id } }`, { id: thread.id });
    expect(page.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    const list = await api.gql(`{ threads(first: 100, order: NEWEST) { edges { node { id } } } }`);
    expect(list.data.threads.edges.map((e: any) => e.node.id)).not.toContain(thread.id);
    const [after] = await api.sql('select thread_count from categories where id = $1', [categoryId]);
    expect(after.thread_count).toBe(before.thread_count - 1);
  });

  it("refuses deleting someone else's post", async () => {
    const thread = await buildThread(api, asker);
    const reply = await buildReply(api, helper, thread.id);
    const res = await api.gql(DELETE, { id: reply.id }, { token: other.token });
    expect(res.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const [post] = await api.sql('select deleted_at from posts where id = $1', [reply.id]);
    expect(post.deleted_at).toBeNull();
  });
});

describe('edits racing a title change', () => {
  it('a body-only edit of a question waiting on a retitle keeps the new title', async () => {
    const thread = await buildThread(api, asker);
    const retitled = `Retitled while the body was being edited ${Date.now()}`;
    // A moderator's retitle, as its own transaction holding the thread until it commits.
    const client = new pg.Client({ connectionString: api.app.database.url });
    await client.connect();
    await client.query('begin');
    await client.query('update threads set title = $1 where id = $2', [retitled, thread.id]);
    const body = `${REPLY_BODY} The body alone changes here.`;
    const pending = api.gql(EDIT, { input: { postId: thread.question.id, body } }, { token: asker.token });
    await vi.waitFor(
      async () => {
        const [row] = await api.sql(
          `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
        );
        expect(row.n).toBeGreaterThan(0);
      },
      { timeout: 10_000, interval: 20 },
    );
    await client.query('commit');
    await client.end();
    const res = await pending;
    expect(res.errors).toBeUndefined();
    const [row] = await api.sql('select title from threads where id = $1', [thread.id]);
    expect(row.title).toBe(retitled);
    expect(res.data.editPost.revisions[0]).toMatchObject({ body, title: retitled });
    const [event] = await api.sql(
      `select data from domain_events where name = 'post.edited' and subject = $1 order by id desc limit 1`,
      [`post:${thread.question.id}`],
    );
    expect(event.data.changed).toEqual(['body']);
  });
});
