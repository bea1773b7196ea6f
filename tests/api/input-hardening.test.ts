import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildMember,
  buildReply,
  buildThread,
  firstCategoryId,
  QUESTION_BODY,
  type TestMember,
} from '../support/factories.js';
import { startTestApi, type GraphQLResponse, type TestApi } from '../support/test-api.js';

let api: TestApi;
let member: TestMember;
let moderator: TestMember;
let thread: Awaited<ReturnType<typeof buildThread>>;

beforeAll(async () => {
  api = await startTestApi();
  [member, moderator] = await Promise.all([buildMember(api), buildMember(api, { role: 'MODERATOR' })]);
  thread = await buildThread(api, member);
});
afterAll(() => api?.close());

const ASK = `mutation($i: AskQuestionInput!) { askQuestion(input: $i) { id title } }`;
const REPLY = `mutation($i: PostReplyInput!) { postReply(input: $i) { id body } }`;
const EDIT = `mutation($i: EditPostInput!) { editPost(input: $i) { id body } }`;

const count = async (table: string) => (await api.sql(`select count(*)::int as n from ${table}`))[0].n as number;

function expectBadInput(res: GraphQLResponse, field: string, message: RegExp) {
  expect(res.errors?.[0]?.extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    fields: { [field]: expect.any(String) },
  });
  expect(res.errors?.[0]?.extensions.fields[field]).toMatch(message);
}

describe('invisible characters', () => {
  const INVISIBLE = {
    'zero-width spaces': '\u200B\u200C\u200D'.repeat(10),
    'word joiners and BOMs': '\u2060\uFEFF'.repeat(15),
    'soft hyphens': '\u00AD'.repeat(30),
    'bidi controls': '\u202E\u2066\u2069\u200F'.repeat(8),
    'blank letters and spaces': '\u3164 \u2800\u00A0\u3000'.repeat(8),
  };

  it.each(Object.entries(INVISIBLE))(
    'a title of only %s is blank: BAD_USER_INPUT, nothing written',
    async (_, text) => {
      const before = await count('threads');
      const res = await api.gql(
        ASK,
        { i: { categoryId: await firstCategoryId(api), title: text, body: QUESTION_BODY, tags: [] } },
        { token: member.token, ip: member.ip },
      );
      expectBadInput(res, 'title', /no visible characters/);
      expect(await count('threads')).toBe(before);
    },
  );

  it.each(Object.entries(INVISIBLE))('a body of only %s is blank: BAD_USER_INPUT, nothing written', async (_, text) => {
    const before = await count('posts');
    const res = await api.gql(REPLY, { i: { threadId: thread.id, body: text } }, { token: member.token });
    expectBadInput(res, 'body', /no visible characters/);
    const edit = await api.gql(EDIT, { i: { postId: thread.question.id, body: text } }, { token: member.token });
    expectBadInput(edit, 'body', /no visible characters/);
    expect(await count('posts')).toBe(before);
  });

  it('counts visible characters: padding with invisible ones does not reach a minimum', async () => {
    const padded = 'Too short' + '\u200B'.repeat(20); // 9 visible characters, 29 code units
    const res = await api.gql(
      ASK,
      { i: { categoryId: await firstCategoryId(api), title: padded, body: QUESTION_BODY, tags: [] } },
      { token: member.token },
    );
    expectBadInput(res, 'title', /must be 15–150 characters; it has 9\./);
    const body = await api.gql(
      REPLY,
      { i: { threadId: thread.id, body: 'S\u00ADh\u00ADo\u00ADr\u00ADt \u2060\u2060 reply' } },
      { token: member.token },
    );
    expectBadInput(body, 'body', /must be 20–32,000 characters; it has 11\./);
  });

  it('counts an emoji as one character, yet keeps the stored text within the column', async () => {
    const family = '👨‍👩‍👧'; // 5 code points, 1 visible character
    const ok = await api.gql(
      ASK,
      {
        i: {
          categoryId: await firstCategoryId(api),
          title: `Our family ${family} cannot share one sync plan`,
          body: QUESTION_BODY,
          tags: [],
        },
      },
      { token: member.token },
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data.askQuestion.title).toContain(family);
    const tooLong = await api.gql(
      ASK,
      { i: { categoryId: await firstCategoryId(api), title: family.repeat(40), body: QUESTION_BODY, tags: [] } },
      { token: member.token },
    );
    expectBadInput(tooLong, 'title', /too long: with emoji parts and invisible characters it has 200 characters/);
  });

  it('keeps joiners inside the text and trims invisible characters from its ends', async () => {
    const reply = await api.gql(
      REPLY,
      { i: { threadId: thread.id, body: '\u200B\uFEFF Reply with a joiner: 👨‍👩‍👧 inside. \u200B' } },
      { token: member.token },
    );
    expect(reply.errors).toBeUndefined();
    expect(reply.data.postReply.body).toBe('Reply with a joiner: 👨‍👩‍👧 inside.');
  });
});

describe('tampered cursors', () => {
  const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  /** Right shape, wrong values: each must be BAD_USER_INPUT naming `after`, never a cast error. */
  const TIMESTAMP_ID = [
    ['not-a-date', 1],
    ['2026-02-31T00:00:00.000Z', 1],
    ['99999-01-01T00:00:00.000Z', 1],
    ['2026-11-23T10:00:00.000Z', 1e30],
    ['2026-11-23T10:00:00.000Z', -1],
    ['2026-11-23T10:00:00.000Z', 1.5],
    ['2026-11-23T10:00:00.000Z', 2147483648],
  ].map(cursor);
  const SCORE_ID = [
    [1e30, 1],
    [2147483648, 1],
    [0.5, 1],
    [1, -1],
    ['1', 1],
  ]
    .map(cursor)
    .concat(Buffer.from('[1,9007199254740993]').toString('base64url')); // past 2^53: JSON.parse rounds it
  const ID = [[1e30], [-1], [0], [1.5], [2147483648], ['12']].map(cursor);
  const BIGID = [['9223372036854775808'], ['-1'], ['1e3'], [12], ['1.5'], ['99999999999999999999']].map(cursor);

  async function expectRefused(query: string, variables: Record<string, unknown>, token?: string) {
    const res = await api.gql(query, variables, { token });
    expect(res.errors?.[0]?.extensions, JSON.stringify(variables)).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { after: expect.stringMatching(/not a valid cursor/) },
    });
  }

  const THREADS = `query($after: String, $order: ThreadOrder) { threads(first: 2, after: $after, order: $order) { edges { cursor } } }`;

  it('threads, for every order', async () => {
    for (const after of TIMESTAMP_ID) await expectRefused(THREADS, { after, order: 'LATEST' });
    for (const after of SCORE_ID) await expectRefused(THREADS, { after, order: 'TOP' });
    for (const order of ['NEWEST', 'UNANSWERED']) {
      for (const after of ID) await expectRefused(THREADS, { after, order });
    }
  });

  it('replies of a thread', async () => {
    await buildReply(api, member, thread.id);
    const q = `query($id: ID!, $after: String) { thread(id: $id) { replies(first: 1, after: $after) { edges { cursor } } } }`;
    for (const after of SCORE_ID) await expectRefused(q, { id: thread.id, after });
  });

  it('removed posts (moderators)', async () => {
    const q = `query($after: String) { removedPosts(first: 1, after: $after) { edges { cursor } } }`;
    for (const after of TIMESTAMP_ID) await expectRefused(q, { after }, moderator.token);
  });

  it("a member's accepted answers and reputation history", async () => {
    const answers = `query($h: String!, $after: String) { member(handle: $h) { acceptedAnswers(first: 1, after: $after) { edges { cursor } } } }`;
    for (const after of TIMESTAMP_ID) await expectRefused(answers, { h: member.handle, after });
    const history = `query($h: String!, $after: String) { member(handle: $h) { reputationHistory(first: 1, after: $after) { edges { cursor } } } }`;
    for (const after of BIGID) await expectRefused(history, { h: member.handle, after });
  });

  it('sign-ups held for approval (staff)', async () => {
    const q = `query($after: String) { pendingMembers(first: 1, after: $after) { edges { cursor } } }`;
    for (const after of TIMESTAMP_ID) await expectRefused(q, { after }, moderator.token);
  });

  it('still accepts the cursors the lists hand out', async () => {
    for (const order of ['LATEST', 'NEWEST', 'UNANSWERED', 'TOP']) {
      const page = await api.gql(THREADS, { order });
      const after = page.data.threads.edges.at(-1)?.cursor;
      if (!after) continue;
      const next = await api.gql(THREADS, { order, after });
      expect(next.errors, order).toBeUndefined();
    }
    const history = await api.gql(
      `query($h: String!) { member(handle: $h) { reputationHistory(first: 1) { pageInfo { endCursor } } } }`,
      { h: member.handle },
    );
    const next = await api.gql(
      `query($h: String!, $after: String) { member(handle: $h) { reputationHistory(first: 1, after: $after) { edges { cursor } } } }`,
      { h: member.handle, after: history.data.member.reputationHistory.pageInfo.endCursor },
    );
    expect(next.errors).toBeUndefined();
  });
});

describe('ids past int4', () => {
  const HUGE = ['2147483648', '99999999999999999999', '1e30', '-1', '1.5'];

  it('are BAD_USER_INPUT as arguments and inputs, never a 500', async () => {
    for (const id of HUGE) {
      const calls: [string, Record<string, unknown>][] = [
        [`query($id: ID!) { thread(id: $id) { id } }`, { id }],
        [`mutation($id: ID!) { deletePost(postId: $id) }`, { id }],
        [`mutation($id: ID!) { recordThreadView(threadId: $id) }`, { id }],
        [`mutation($i: VoteInput!) { vote(input: $i) { id } }`, { i: { postId: id, value: 'UP' } }],
        [`mutation($i: PostReplyInput!) { postReply(input: $i) { id } }`, { i: { threadId: id, body: QUESTION_BODY } }],
        [`query($c: ID) { threads(filter: { categoryId: $c }) { edges { cursor } } }`, { c: id }],
      ];
      for (const [query, variables] of calls) {
        const res = await api.gql(query, variables, { token: member.token });
        expect(res.errors?.[0]?.extensions.code, `${query} ${id}`).toBe('BAD_USER_INPUT');
      }
    }
  });
});
