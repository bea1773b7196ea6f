import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBotUserAgent, pruneThreadViews, viewerKey } from '../../api/src/modules/community/thread-views.js';
import { buildMember, buildThread, type TestMember } from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
let asker: TestMember;

beforeAll(async () => {
  api = await startTestApi();
  asker = await buildMember(api);
});
afterAll(() => api?.close());

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const VIEW = `mutation($id: ID!) { recordThreadView(threadId: $id) }`;

/** One page view as the web app forwards it: the client's address and user agent, maybe a session. */
async function view(threadId: string, opts: { ip?: string; userAgent?: string | null; token?: string } = {}) {
  const userAgent = opts.userAgent === undefined ? BROWSER : opts.userAgent;
  const res = await api.gql(
    VIEW,
    { id: threadId },
    { ip: opts.ip ?? '198.51.100.7', token: opts.token, headers: { 'user-agent': userAgent ?? '' } },
  );
  expect(res.errors).toBeUndefined();
  return res.data.recordThreadView as number;
}

const viewCount = async (threadId: string) =>
  (await api.sql<{ view_count: number }>('select view_count from threads where id = $1', [threadId]))[0]!.view_count;

describe('recordThreadView', () => {
  it('counts a viewer once a day: the same visitor twice is +1, another visitor +2', async () => {
    const thread = await buildThread(api, asker);
    expect(await view(thread.id)).toBe(1);
    expect(await view(thread.id)).toBe(1);
    expect(await view(thread.id, { ip: '198.51.100.8' })).toBe(2);
    // The same address with another browser is another visitor.
    expect(await view(thread.id, { userAgent: `${BROWSER} Edg/131.0` })).toBe(3);
    expect(await viewCount(thread.id)).toBe(3);
  });

  it('counts a member once a day from any address', async () => {
    const thread = await buildThread(api, asker);
    const member = await buildMember(api);
    expect(await view(thread.id, { token: member.token, ip: '198.51.100.20' })).toBe(1);
    expect(await view(thread.id, { token: member.token, ip: '198.51.100.21', userAgent: `${BROWSER} x` })).toBe(1);
    expect(await view(thread.id, { ip: '198.51.100.20' })).toBe(2); // signed out: a visitor
  });

  it('counts concurrent views by one viewer once', async () => {
    const thread = await buildThread(api, asker);
    await Promise.all(Array.from({ length: 15 }, () => view(thread.id)));
    expect(await viewCount(thread.id)).toBe(1);
    const [row] = await api.sql('select count(*)::int as n from thread_views where thread_id = $1', [thread.id]);
    expect(row.n).toBe(1);
  });

  it('does not count bots, or requests without a user agent', async () => {
    const thread = await buildThread(api, asker);
    for (const userAgent of [
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
      'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
      'curl/8.5.0',
      '',
      null,
    ]) {
      expect(await view(thread.id, { userAgent })).toBe(0);
    }
    expect(await viewCount(thread.id)).toBe(0);
    const rows = await api.sql('select 1 from thread_views where thread_id = $1', [thread.id]);
    expect(rows).toHaveLength(0);
  });

  it("counts the same viewer again on the next UTC day, and stores today's date and no address", async () => {
    const thread = await buildThread(api, asker);
    const ip = '203.0.113.99';
    expect(await view(thread.id, { ip })).toBe(1);
    const [row] = await api.sql<{ viewer_key: string; today: boolean }>(
      `select viewer_key, day = (now() at time zone 'utc')::date as today from thread_views where thread_id = $1`,
      [thread.id],
    );
    expect(row!.today).toBe(true);
    expect(row!.viewer_key).toMatch(/^a:[0-9a-f]{32}$/);
    expect(row!.viewer_key).not.toContain(ip);
    // A day passes: yesterday's row no longer stops today's view.
    await api.sql('update thread_views set day = day - 1 where thread_id = $1', [thread.id]);
    expect(await view(thread.id, { ip })).toBe(2);
    expect(await view(thread.id, { ip })).toBe(2);
  });

  it('still answers NOT_FOUND for unknown threads', async () => {
    const res = await api.gql(VIEW, { id: '999999' }, { headers: { 'user-agent': BROWSER } });
    expect(res.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });
});

describe('thread view helpers', () => {
  it('keys members by id and visitors by a keyed hash of address and user agent', () => {
    const client = { ip: '192.0.2.1', userAgent: BROWSER };
    expect(viewerKey({ id: 42 }, client, 's')).toBe('m:42');
    const visitor = viewerKey(null, client, 's');
    expect(visitor).toMatch(/^a:[0-9a-f]{32}$/);
    expect(viewerKey(null, client, 's')).toBe(visitor);
    expect(viewerKey(null, { ...client, ip: '192.0.2.2' }, 's')).not.toBe(visitor);
    expect(viewerKey(null, client, 'another secret')).not.toBe(visitor);
  });

  it('tells bots from browsers', () => {
    expect(isBotUserAgent(BROWSER)).toBe(false);
    expect(isBotUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Mobile/15E148 Safari/604.1')).toBe(
      false,
    );
    expect(isBotUserAgent('Mozilla/5.0 (compatible; YandexBot/3.0)')).toBe(true);
    expect(isBotUserAgent('python-requests/2.32')).toBe(true);
    expect(isBotUserAgent('   ')).toBe(true);
  });

  it('the daily job prunes rows from before yesterday (UTC), keeping yesterday and today', async () => {
    const thread = await buildThread(api, asker);
    await api.sql(
      `insert into thread_views (thread_id, viewer_key, day)
       select $1, 'a:' || n, (now() at time zone 'utc')::date - n from generate_series(0, 3) as n`,
      [thread.id],
    );
    await pruneThreadViews(api.app.services);
    const left = await api.sql<{ viewer_key: string }>(
      'select viewer_key from thread_views where thread_id = $1 order by viewer_key',
      [thread.id],
    );
    expect(left.map((r) => r.viewer_key)).toEqual(['a:0', 'a:1']);
  });
});
