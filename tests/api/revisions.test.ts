import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildReply, buildThread, type TestMember } from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// The edit history (issue 13 item 4): `post(id)` with its revisions, newest first, who edited,
// when and why. A post's history has the post's visibility: deleted, hidden from the viewer or in
// a thread they may not read, it is NOT_FOUND, as if it never existed.
let api: TestApi;
let author: TestMember;
let other: TestMember;
let moderator: TestMember;
beforeAll(async () => {
  api = await startTestApi();
  [author, other, moderator] = await Promise.all([
    // Enough reputation to create tags.
    buildMember(api, { reputation: 300 }),
    buildMember(api),
    buildMember(api, { role: 'MODERATOR' }),
  ]);
});
afterAll(() => api?.close());

const as = (m: TestMember | null) => (m ? { token: m.token, ip: m.ip } : {});
const HISTORY = `query($id: ID!) { post(id: $id) { id body revisions { revision title tags body reason createdAt editor { handle } } } }`;
const EDIT = `mutation($input: EditPostInput!) { editPost(input: $input) { id } }`;
const history = (id: string, viewer: TestMember | null) => api.gql(HISTORY, { id }, as(viewer));
const edit = async (by: TestMember, input: Record<string, unknown>) => {
  const res = await api.gql(EDIT, { input }, as(by));
  if (res.errors) throw new Error(JSON.stringify(res.errors));
};

describe('the edit history', () => {
  it('lists every revision newest first, with the editor, the reason when given, and title and tags', async () => {
    const thread = await buildThread(api, author, { title: 'How do I sync two calendars at once?', tags: ['sync'] });
    const postId = thread.question.id;
    await edit(author, {
      postId,
      body: 'I want to sync my work and home calendars at once, both ways, without duplicates.',
      reason: '  clarified what I want  ',
    });
    await edit(moderator, {
      postId,
      title: 'How do I sync two calendars both ways?',
      tags: ['sync', 'calendar'],
      body: 'I want to sync my work and home calendars at once, both ways, without duplicates.',
    });
    const res = await history(postId, null);
    expect(res.errors).toBeUndefined();
    const revisions = res.data.post.revisions;
    expect(revisions.map((r: any) => [r.revision, r.editor.handle, r.reason])).toEqual([
      [3, moderator.handle, null],
      [2, author.handle, 'clarified what I want'],
      [1, author.handle, null],
    ]);
    expect(revisions[0]).toMatchObject({ title: 'How do I sync two calendars both ways?', tags: ['sync', 'calendar'] });
    expect(revisions[2]).toMatchObject({ title: 'How do I sync two calendars at once?', tags: ['sync'] });
  });

  it('refuses an edit reason over 300 characters, changing nothing', async () => {
    const thread = await buildThread(api, author);
    const reply = await buildReply(api, author, thread.id);
    const res = await api.gql(
      EDIT,
      { input: { postId: reply.id, body: 'A different answer body that is long enough.', reason: 'x'.repeat(301) } },
      as(author),
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { reason: expect.any(String) },
    });
    expect((await history(reply.id, author)).data.post.revisions).toHaveLength(1);
  });

  it('of a hidden post is NOT_FOUND for visitors and other members, and readable by its author and staff', async () => {
    const thread = await buildThread(api, author);
    const reply = await buildReply(api, author, thread.id);
    await edit(author, { postId: reply.id, body: 'An edited answer, before it was hidden by staff.' });
    const hidden = await api.gql(
      `mutation($input: HidePostInput!) { hidePost(input: $input) { id isHidden } }`,
      { input: { postId: reply.id, reason: 'checking a link' } },
      as(moderator),
    );
    expect(hidden.data.hidePost.isHidden).toBe(true);
    for (const viewer of [null, other]) {
      const res = await history(reply.id, viewer);
      expect(res.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
      expect(res.data.post).toBeNull();
    }
    for (const viewer of [author, moderator]) {
      expect((await history(reply.id, viewer)).data.post.revisions).toHaveLength(2);
    }
  });

  it('of a deleted post, or a post that never was, is NOT_FOUND alike', async () => {
    const thread = await buildThread(api, author);
    const reply = await buildReply(api, author, thread.id);
    await edit(author, { postId: reply.id, body: 'An edited answer that will be deleted.' });
    const deleted = await api.gql(`mutation($id: ID!) { deletePost(postId: $id) }`, { id: reply.id }, as(author));
    expect(deleted.errors).toBeUndefined();
    const gone = await history(reply.id, author);
    const never = await history('999999', author);
    expect(gone.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    expect(gone.errors?.[0]?.message).toBe(never.errors?.[0]?.message);
  });
});
