import { randomBytes } from 'node:crypto';
import { expect, vi } from 'vitest';
import type { TestApi } from './test-api.js';

export interface TestMember {
  id: string;
  handle: string;
  email: string;
  password: string;
  token: string;
  ip: string;
}

const unique = () => randomBytes(4).toString('hex');

/** A 32-bit address per member, so per-IP limits apply per simulated person. */
const randomIp = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 250) + 1).join('.')}`;

const admins = new WeakMap<TestApi, Promise<TestMember>>();

/** One administrator per test API, for the factories' staff actions. */
function factoryAdmin(api: TestApi): Promise<TestMember> {
  let admin = admins.get(api);
  if (!admin) {
    admin = buildMember(api, { role: 'ADMIN' });
    admins.set(api, admin);
  }
  return admin;
}

/**
 * Gives a member reputation through the real ledger: one ADJUSTMENT event written by an
 * administrator's adjustReputation, so totals, history and leaderboards agree as in production.
 */
export async function grantReputation(
  api: TestApi,
  member: Pick<TestMember, 'id'>,
  points: number,
  reason = 'test factory',
) {
  const admin = await factoryAdmin(api);
  const res = await api.gql(
    `mutation($input: AdjustReputationInput!) { adjustReputation(input: $input) { reputation } }`,
    { input: { memberId: member.id, points, reason } },
    { token: admin.token, ip: admin.ip },
  );
  if (res.errors) throw new Error(`grantReputation failed: ${JSON.stringify(res.errors)}`);
  return res.data.adjustReputation.reputation as number;
}

/**
 * Registers a member through the API; staff roles are granted directly in the database. Members
 * hold `reputation` (default 15: enough to upvote and past the new-member limits) through real
 * ledger events; pass 0 for a brand-new member.
 */
export async function buildMember(
  api: TestApi,
  opts: { role?: 'MEMBER' | 'MODERATOR' | 'ADMIN'; handle?: string; reputation?: number } = {},
): Promise<TestMember> {
  const handle = opts.handle ?? `m_${unique()}`;
  const email = `${handle}@example.test`;
  const password = 'correct horse battery';
  const ip = randomIp();
  const res = await api.gql(
    `mutation($input: RegisterInput!) { register(input: $input) { token member { id } } }`,
    { input: { handle, email, password } },
    { ip },
  );
  if (res.errors) throw new Error(`buildMember failed: ${JSON.stringify(res.errors)}`);
  const { token, member } = res.data.register;
  if (opts.role && opts.role !== 'MEMBER') {
    await api.sql('update members set role = $1 where id = $2', [opts.role, member.id]);
  }
  const reputation = opts.reputation ?? (opts.role && opts.role !== 'MEMBER' ? 0 : 15);
  if (reputation !== 0) await grantReputation(api, member, reputation);
  return { id: member.id, handle, email, password, token, ip };
}

export async function firstCategoryId(api: TestApi, kind = 'QA'): Promise<string> {
  const rows = await api.sql<{ id: number }>('select id from categories where kind = $1 order by id limit 1', [kind]);
  if (rows[0]) return String(rows[0].id);
  const slug = `cat-${unique()}`;
  const [row] = await api.sql<{ id: number }>(
    'insert into categories (slug, name, kind) values ($1, $2, $3) returning id',
    [slug, `Category ${slug}`, kind],
  );
  return String(row!.id);
}

export const QUESTION_BODY = 'My widget stopped syncing after the 2.3 update. What should I check first?';
export const REPLY_BODY = 'Sign out and back in; the update rotated the sync tokens for every device.';

/** Asks a question through the API and returns the thread with its question post id. */
export async function buildThread(
  api: TestApi,
  author: TestMember,
  opts: { title?: string; body?: string; tags?: string[]; categoryId?: string } = {},
) {
  const categoryId = opts.categoryId ?? (await firstCategoryId(api));
  const res = await api.gql(
    `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id title status tags question { id } } }`,
    {
      input: {
        categoryId,
        title: opts.title ?? `How do I fix sync issue ${unique()}?`,
        body: opts.body ?? QUESTION_BODY,
        tags: opts.tags ?? [],
      },
    },
    { token: author.token, ip: author.ip },
  );
  if (res.errors) throw new Error(`buildThread failed: ${JSON.stringify(res.errors)}`);
  return res.data.askQuestion as {
    id: string;
    title: string;
    status: string;
    tags: string[];
    question: { id: string };
  };
}

export async function buildReply(api: TestApi, author: TestMember, threadId: string, body = REPLY_BODY) {
  const res = await api.gql(
    `mutation($input: PostReplyInput!) { postReply(input: $input) { id score } }`,
    { input: { threadId, body } },
    { token: author.token, ip: author.ip },
  );
  if (res.errors) throw new Error(`buildReply failed: ${JSON.stringify(res.errors)}`);
  return res.data.postReply as { id: string; score: number };
}

/**
 * Publishes the knowledge draft an accepted answer made of `threadId`: waits for the draft (a
 * subscriber writes it after commit), then `staff` publishes it. Returns the article's id.
 */
export async function publishDraftOf(api: TestApi, staff: TestMember, threadId: string): Promise<string> {
  const as = { token: staff.token, ip: staff.ip };
  const articleId = await vi.waitFor(
    async () => {
      const res = await api.gql(`query($id: ID!) { thread(id: $id) { article { id } } }`, { id: threadId }, as);
      expect(res.data.thread.article).not.toBeNull();
      return res.data.thread.article.id as string;
    },
    { timeout: 10_000, interval: 100 },
  );
  const published = await api.gql(
    `mutation($id: ID!) { publishArticle(articleId: $id) { id } }`,
    { id: articleId },
    as,
  );
  expect(published.errors).toBeUndefined();
  return articleId;
}
