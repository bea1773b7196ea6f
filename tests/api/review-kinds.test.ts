import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildThread, firstCategoryId, type TestMember } from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// The review queue's author history with sanctions, member reviewers' AGREE on spam and abuse
// (escalated to staff), held sign-ups and article reports (issue 12, item 2).
let api: TestApi;
let moderator: TestMember;
let qa: string;
beforeAll(async () => {
  api = await startTestApi();
  moderator = await buildMember(api, { role: 'MODERATOR' });
  qa = await firstCategoryId(api);
});
afterAll(() => api?.close());

const ITEM = `query($filter: ReviewQueueFilterInput) {
  reviewQueue(filter: $filter, first: 100) { edges { node {
    id kind status staffOnly decision
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
