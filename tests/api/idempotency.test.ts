import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildThread, firstCategoryId, type TestMember } from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// With the production abuse limits on: a retry must get its first result, not RATE_LIMITED.
let api: TestApi;
let owner: TestMember;
let thread: Awaited<ReturnType<typeof buildThread>>;
let category: string;

beforeAll(async () => {
  api = await startTestApi({ ABUSE_LIMITS: '{}' });
  owner = await buildMember(api, { role: 'MODERATOR' });
  thread = await buildThread(api, owner);
  category = await firstCategoryId(api);
});
afterAll(() => api?.close());

const ASK = `mutation($i: AskQuestionInput!) { askQuestion(input: $i) { id title } }`;
const REPLY = `mutation($i: PostReplyInput!) { postReply(input: $i) { id body } }`;
const key = () => `retry-${randomBytes(8).toString('hex')}`;
let serial = 0;
const body = () => `An answer worth posting exactly once, number ${++serial}.`;

const reply = (m: TestMember, idempotencyKey: string | null, text: string, threadId = thread.id) =>
  api.gql(
    REPLY,
    { i: { threadId, body: text } },
    { token: m.token, ip: m.ip, headers: idempotencyKey === null ? {} : { 'idempotency-key': idempotencyKey } },
  );
const ask = (m: TestMember, idempotencyKey: string, title: string, text = body()) =>
  api.gql(
    ASK,
    { i: { categoryId: category, title, body: text, tags: [] } },
    { token: m.token, ip: m.ip, headers: { 'idempotency-key': idempotencyKey } },
  );
const postsBy = async (m: TestMember) =>
  (await api.sql('select count(*)::int as n from posts where author_id = $1', [m.id]))[0].n as number;
const replyCount = async () =>
  (await api.sql('select reply_count from threads where id = $1', [thread.id]))[0].reply_count as number;

describe('Idempotency-Key', () => {
  it('the same key and input again returns the first reply, writes nothing, and is not rate limited', async () => {
    const m = await buildMember(api);
    const k = key();
    const text = body();
    const first = await reply(m, k, text);
    expect(first.errors).toBeUndefined();
    const count = await replyCount();
    const again = await reply(m, k, text); // within the 5-second post interval
    expect(again.errors).toBeUndefined();
    expect(again.data.postReply).toEqual(first.data.postReply);
    expect(await postsBy(m)).toBe(1);
    expect(await replyCount()).toBe(count);
  });

  it('works for askQuestion: the same thread, one row, the category counted once', async () => {
    const m = await buildMember(api);
    const k = key();
    const title = `Retried question number ${++serial}`;
    const [{ thread_count: before }] = await api.sql('select thread_count from categories where id = $1', [category]);
    const text = body();
    const first = await ask(m, k, title, text);
    expect(first.errors).toBeUndefined();
    const res = await ask(m, k, title, text);
    expect(res.errors).toBeUndefined();
    expect(res.data.askQuestion).toEqual(first.data.askQuestion);
    expect(await api.sql('select id from threads where author_id = $1', [m.id])).toHaveLength(1);
    const [{ thread_count: after }] = await api.sql('select thread_count from categories where id = $1', [category]);
    expect(after).toBe(before + 1);
  });

  it('the same key with different input is CONFLICT, also across mutations; nothing is written', async () => {
    const m = await buildMember(api);
    const k = key();
    expect((await reply(m, k, body())).errors).toBeUndefined();
    await api.sql(`update posts set created_at = created_at - interval '1 minute' where author_id = $1`, [m.id]);
    const other = await reply(m, k, body());
    expect(other.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/already used for a different request/),
      extensions: { code: 'CONFLICT' },
    });
    const asked = await ask(m, k, `Same key, another mutation ${++serial}`);
    expect(asked.errors?.[0]?.extensions.code).toBe('CONFLICT');
    expect(await postsBy(m)).toBe(1);
  });

  it('ten concurrent requests with one key create exactly one post and all answer with it', async () => {
    const m = await buildMember(api);
    const k = key();
    const text = body();
    const count = await replyCount();
    const results = await Promise.all(Array.from({ length: 10 }, () => reply(m, k, text)));
    for (const r of results) expect(r.errors).toBeUndefined();
    expect(new Set(results.map((r) => r.data.postReply.id)).size).toBe(1);
    expect(await postsBy(m)).toBe(1);
    expect(await replyCount()).toBe(count + 1);
  });

  it('keys are per member: two members with the same key get a post each', async () => {
    const [a, b] = await Promise.all([buildMember(api), buildMember(api)]);
    const k = key();
    const text = body();
    const [ra, rb] = await Promise.all([reply(a, k, text), reply(b, k, text)]);
    expect(ra.errors).toBeUndefined();
    expect(rb.errors).toBeUndefined();
    expect(ra.data.postReply.id).not.toBe(rb.data.postReply.id);
    expect(await postsBy(a)).toBe(1);
    expect(await postsBy(b)).toBe(1);
  });

  it('a request that fails leaves its key unused; without a key every request posts', async () => {
    const m = await buildMember(api);
    expect((await reply(m, null, body())).errors).toBeUndefined();
    const k = key();
    const text = body();
    const limited = await reply(m, k, text); // within the post interval: refused, rolled back
    expect(limited.errors?.[0]?.extensions.code).toBe('RATE_LIMITED');
    await api.sql(`update posts set created_at = created_at - interval '1 minute' where author_id = $1`, [m.id]);
    const retried = await reply(m, k, text);
    expect(retried.errors).toBeUndefined();
    expect(await postsBy(m)).toBe(2);
    await api.sql(`update posts set created_at = created_at - interval '1 minute' where author_id = $1`, [m.id]);
    expect((await reply(m, null, body())).errors).toBeUndefined();
    expect(await postsBy(m)).toBe(3);
  });

  it('refuses keys over 255 characters or outside visible ASCII, writing nothing', async () => {
    const m = await buildMember(api);
    for (const bad of ['k'.repeat(256), 'clé-unique']) {
      const res = await reply(m, bad, body());
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { idempotencyKey: expect.stringMatching(/1–255 visible ASCII/) },
      });
    }
    expect(await postsBy(m)).toBe(0);
    expect((await reply(m, 'k'.repeat(255), body())).errors).toBeUndefined();
  });

  it('keys live 24 hours: an older key is used afresh, and the hourly job prunes old ones', async () => {
    const m = await buildMember(api);
    const k = key();
    const first = await reply(m, k, body());
    await api.sql(
      `update idempotency_keys set created_at = now() - interval '25 hours' where member_id = $1 and key = $2`,
      [m.id, k],
    );
    await api.sql(`update posts set created_at = created_at - interval '1 minute' where author_id = $1`, [m.id]);
    const second = await reply(m, k, body());
    expect(second.errors).toBeUndefined();
    expect(second.data.postReply.id).not.toBe(first.data.postReply.id);

    await api.sql(
      `update idempotency_keys set created_at = now() - interval '25 hours' where member_id = $1 and key = $2`,
      [m.id, k],
    );
    const { pruneIdempotencyKeys } = await import('../../api/src/platform/idempotency.js');
    expect(await pruneIdempotencyKeys(api.app.services)).toBeGreaterThanOrEqual(1);
    expect(await api.sql('select 1 from idempotency_keys where member_id = $1', [m.id])).toEqual([]);
  });
});
