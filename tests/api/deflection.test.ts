import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildReply, buildThread, type TestMember } from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// Deflection while asking (issue 11, item 6): suggestions shown and clicked per ask session; a
// click without a question posted is a deflection, a click and a question a failed one, a
// suggestion never clicked a potential one. Staff read the figures per article and overall.
let api: TestApi;
let moderator: TestMember;
let articleId: string;
let threadId: string;
beforeAll(async () => {
  api = await startTestApi();
  moderator = await buildMember(api, { role: 'MODERATOR' });
  const [asker, answerer] = await Promise.all([buildMember(api), buildMember(api)]);
  const thread = await buildThread(api, asker);
  threadId = thread.id;
  const reply = await buildReply(api, answerer, thread.id);
  const made = await api.gql(
    `mutation($id: ID!) { createArticle(input: { postId: $id }) { id } }`,
    { id: reply.id },
    { token: moderator.token, ip: moderator.ip },
  );
  articleId = made.data.createArticle.id;
  await api.gql(`mutation($id: ID!) { publishArticle(articleId: $id) { id } }`, { id: articleId }, as(moderator));
});
afterAll(() => api?.close());

const as = (m: TestMember) => ({ token: m.token, ip: m.ip });
const session = () => `s_${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
const shown = (m: TestMember, sessionId: string, suggestions: { kind: string; id: string }[]) =>
  api.gql(
    `mutation($s: String!, $g: [SuggestionInput!]!) { recordSuggestionsShown(sessionId: $s, suggestions: $g) }`,
    { s: sessionId, g: suggestions },
    as(m),
  );
const clicked = (m: TestMember, sessionId: string, suggestion: { kind: string; id: string }) =>
  api.gql(
    `mutation($s: String!, $g: SuggestionInput!) { recordSuggestionClicked(sessionId: $s, suggestion: $g) }`,
    { s: sessionId, g: suggestion },
    as(m),
  );
const STATS = `{ deflectionStats(days: 7) { sessions asked deflectedSessions shown clicked deflected failed potential pending
  targets { kind article { id } thread { id } shown clicked deflected failed potential pending } } }`;

describe('deflection', () => {
  it('records each outcome and reports them per article and overall', async () => {
    const article = { kind: 'ARTICLE', id: articleId };
    const thread = { kind: 'THREAD', id: threadId };
    const [a, b, c] = await Promise.all([buildMember(api), buildMember(api), buildMember(api)]);
    // a: sees both, opens the article, leaves (a deflection once settled).
    const sa = session();
    expect((await shown(a, sa, [article, thread])).errors).toBeUndefined();
    expect((await shown(a, sa, [article, thread])).errors).toBeUndefined(); // shown again: once
    expect((await clicked(a, sa, article)).errors).toBeUndefined();
    // b: opens the article, then asks anyway (failed).
    const sb = session();
    await shown(b, sb, [article]);
    await clicked(b, sb, article);
    const asked = await buildThread(api, b);
    const rec = await api.gql(
      `mutation($s: String!, $t: ID!) { recordQuestionAsked(sessionId: $s, threadId: $t) }`,
      { s: sb, t: asked.id },
      as(b),
    );
    expect(rec.errors).toBeUndefined();
    // c: sees the thread and ignores it (potential).
    await shown(c, session(), [thread]);

    const pendingNow = (await api.gql(STATS, {}, as(moderator))).data.deflectionStats;
    expect(pendingNow).toMatchObject({
      sessions: 3,
      asked: 1,
      deflectedSessions: 0,
      shown: 4,
      clicked: 2,
      deflected: 0,
      failed: 1,
      potential: 2,
      pending: 1,
    });

    // Half an hour on, a's click without a question is a deflection.
    await api.sql(`update ask_sessions set started_at = started_at - interval '31 minutes' where id = $1`, [sa]);
    const stats = (await api.gql(STATS, {}, as(moderator))).data.deflectionStats;
    expect(stats).toMatchObject({ deflectedSessions: 1, deflected: 1, failed: 1, potential: 2, pending: 0 });
    expect(stats.targets[0]).toMatchObject({
      kind: 'ARTICLE',
      article: { id: articleId },
      thread: null,
      shown: 2,
      clicked: 2,
      deflected: 1,
      failed: 1,
    });
    expect(stats.targets[1]).toMatchObject({
      kind: 'THREAD',
      thread: { id: threadId },
      shown: 2,
      clicked: 0,
      potential: 2,
    });
  });

  it('refuses what could probe or forge: bad sessions, unreadable targets, others’ sessions and threads; staff-only figures', async () => {
    const [m, other] = await Promise.all([buildMember(api), buildMember(api)]);
    expect((await shown(m, 'short', [{ kind: 'ARTICLE', id: articleId }])).errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect((await shown(m, session(), [])).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await shown(m, session(), [{ kind: 'ARTICLE', id: '999999' }])).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    const mine = session();
    await shown(m, mine, [{ kind: 'ARTICLE', id: articleId }]);
    expect((await clicked(other, mine, { kind: 'ARTICLE', id: articleId })).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    const theirs = await buildThread(api, other);
    const forged = await api.gql(
      `mutation($s: String!, $t: ID!) { recordQuestionAsked(sessionId: $s, threadId: $t) }`,
      { s: mine, t: theirs.id },
      as(m),
    );
    expect(forged.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await api.gql(STATS, {}, as(m))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Asking in a session that showed nothing records nothing (it is no deflection session).
    const before = (await api.gql(STATS, {}, as(moderator))).data.deflectionStats.sessions;
    const plain = await buildThread(api, m);
    const quiet = await api.gql(
      `mutation($s: String!, $t: ID!) { recordQuestionAsked(sessionId: $s, threadId: $t) }`,
      { s: session(), t: plain.id },
      as(m),
    );
    expect(quiet.errors).toBeUndefined();
    expect((await api.gql(STATS, {}, as(moderator))).data.deflectionStats.sessions).toBe(before);
    const anon = await api.gql(`mutation { recordSuggestionsShown(sessionId: "abcdefghijklmnop", suggestions: []) }`);
    expect(anon.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
