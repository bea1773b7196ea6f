import { describe, expect, it } from 'vitest';
import { newVisitor, PHONE, signInByCookie, useStack } from '../support/e2e-fixtures.js';
import { buildMember, buildReply, buildThread } from '../support/factories.js';

// Live updates in the web app (issue 13 item 3): one Server-Sent Events stream per page,
// relayed from the API's subscriptions; the page reloads its data when something happens.
const stack = useStack();
const SLOW = 120_000;
const HIDE = `mutation($input: HidePostInput!) { hidePost(input: $input) { id } }`;

/** Reads a /live stream until `until` matches the text so far (or `ms` pass). */
async function readStream(res: Response, until: (text: string) => boolean, ms = 10_000): Promise<string> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + ms;
  try {
    while (!until(text) && Date.now() < deadline) {
      const chunk = await Promise.race([
        reader.read(),
        new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now())),
      ]);
      if (!chunk || chunk.done) break;
      text += decoder.decode(chunk.value);
    }
  } finally {
    await reader.cancel();
  }
  return text;
}

describe('live thread page', () => {
  it(
    'a reader sees a new reply appear and a hidden one go, without reloading, on a phone too',
    async () => {
      const [asker, helper, moderator] = await Promise.all([
        buildMember(stack.api),
        buildMember(stack.api),
        buildMember(stack.api, { role: 'MODERATOR' }),
      ]);
      const thread = await buildThread(stack.api, asker);
      const reader = await newVisitor(stack.browser, PHONE);
      await signInByCookie(reader.page, stack.web.url, asker);
      await reader.page.goto(`${stack.web.url}/t/${thread.id}`);
      // The stream is open once the page has hydrated and the API accepted it.
      await reader.page.waitForResponse((r) => r.url().includes('/live?thread=') && r.status() === 200);

      const reply = await buildReply(stack.api, helper, thread.id, 'Live: turn the sync toggle off and on again.');
      const shown = reader.page.getByText('Live: turn the sync toggle off and on again.');
      await expect.poll(() => shown.count(), { timeout: 15_000 }).toBe(1);
      // The asker hears of it twice (the thread, and their notification): the last word is announced.
      expect(await reader.page.getByTestId('live-announcement').textContent()).toMatch(
        /^(A new reply was posted\.|New notification: .+ answered your question)/,
      );

      const hidden = await stack.api.gql(
        HIDE,
        { input: { postId: reply.id, reason: 'Checking a report.' } },
        { token: moderator.token },
      );
      expect(hidden.errors).toBeUndefined();
      await expect.poll(() => shown.count(), { timeout: 15_000 }).toBe(0);
      reader.assertClean();
    },
    SLOW,
  );
});

describe('the /live stream', () => {
  it('catches up from Last-Event-ID, sends no-cache event-stream headers, and refuses a suspended member', async () => {
    const [asker, helper, moderator] = await Promise.all([
      buildMember(stack.api),
      buildMember(stack.api),
      buildMember(stack.api, { role: 'MODERATOR' }),
    ]);
    const thread = await buildThread(stack.api, asker);
    const [{ id: before }] = await stack.api.sql(`select coalesce(max(id), 0)::text as id from domain_events`);
    const reply = await buildReply(stack.api, helper, thread.id, 'Sent while the browser was offline.');

    const res = await fetch(`${stack.web.url}/live?thread=${thread.id}`, {
      headers: { 'last-event-id': `t${before}.n` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const text = await readStream(res, (t) => t.includes(`"postId":"${reply.id}"`));
    expect(text).toMatch(
      new RegExp(`id: t\\d+\\.n\\nevent: thread\\ndata: \\{"kind":"POST_CREATED","postId":"${reply.id}"\\}`),
    );

    const until = new Date(Date.now() + 86_400_000).toISOString();
    const suspended = await stack.api.gql(
      `mutation($input: SanctionInput!) { suspendMember(input: $input) { sanction { kind } } }`,
      { input: { memberId: asker.id, until, reason: 'Spam links.' } },
      { token: moderator.token },
    );
    expect(suspended.errors).toBeUndefined();
    const value = Buffer.from(JSON.stringify(asker.token)).toString('base64');
    const refused = await fetch(`${stack.web.url}/live?thread=${thread.id}`, {
      headers: { cookie: `hearth_session=${value}` },
    });
    expect(refused.status).toBe(403);
  });
});
