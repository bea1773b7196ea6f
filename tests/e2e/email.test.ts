import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDigests, sendImmediateEmails } from '../../api/src/modules/notifications/email/index.js';
import { launchBrowser, newVisitor, registerThroughUi, startWeb, type WebApp } from '../support/e2e-fixtures.js';
import { buildMember, buildReply, buildThread, firstCategoryId, type TestMember } from '../support/factories.js';
import { linkIn, startTestSmtp, type TestSmtp } from '../support/smtp.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

/**
 * The API's PUBLIC_URL is fixed before the web app picks its port, so links in emails name this
 * origin and the test opens the same path and token on the running web app.
 */
const PUBLIC_URL = 'https://community.example';

let smtp: TestSmtp;
let api: TestApi;
let web: WebApp;
let browser: Browser;
beforeAll(async () => {
  smtp = await startTestSmtp();
  api = await startTestApi({ SMTP_URL: smtp.url, PUBLIC_URL });
  await firstCategoryId(api);
  web = await startWeb(api.url);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
  await api?.close();
  await smtp?.close();
});

const onWeb = (link: string) => link.replace(PUBLIC_URL, web.url);
const preferences = async (member: { id: string }) =>
  api.sql('select kind, email from notification_preferences where member_id = $1', [member.id]);

/** A verified member who was just emailed a REPLY notification; returns the email's unsubscribe link. */
async function emailedReply(): Promise<{ member: TestMember; unsubscribe: string }> {
  const member = await buildMember(api);
  await api.sql('update members set email_verified_at = now() where id = $1', [member.id]);
  const helper = await buildMember(api);
  const thread = await buildThread(api, member);
  const reply = await buildReply(api, helper, thread.id);
  // The fan-out writes the asker's REPLY after commit; the sweep emails it.
  await expect
    .poll(
      async () =>
        (
          await api.sql(
            `select count(*)::int as n from notifications where recipient_id = $1 and kind = 'REPLY' and post_id = $2`,
            [member.id, reply.id],
          )
        )[0].n,
      { timeout: 15_000 },
    )
    .toBe(1);
  await sendImmediateEmails(api.app.services);
  const mail = await smtp.waitFor(member.email, (m) => m.subject.includes('answered your question'));
  return { member, unsubscribe: onWeb(linkIn(mail.text, `${PUBLIC_URL}/unsubscribe?token=`)) };
}

describe('email verification in the browser', () => {
  it('a new member signs up, sees the notice, opens the emailed link and is verified', async () => {
    const visitor = await newVisitor(browser);
    const handle = await registerThroughUi(visitor.page, web.url);
    expect(await visitor.page.getByTestId('verify-email-notice').textContent()).toContain('Confirm your email address');

    const mail = await smtp.waitFor(`${handle}@example.test`, (m) => m.subject.includes('Confirm your email'));
    await visitor.page.goto(onWeb(linkIn(mail.text, `${PUBLIC_URL}/verify-email?token=`)));
    expect(await visitor.page.getByRole('heading', { level: 1 }).textContent()).toBe('Your email address is verified');
    expect(await visitor.page.getByTestId('verify-email').getAttribute('data-outcome')).toBe('verified');
    const [row] = await api.sql('select email_verified_at from members where handle = $1', [handle]);
    expect(row.email_verified_at).toBeInstanceOf(Date);

    await visitor.page.goto(web.url);
    await expect.poll(() => visitor.page.getByTestId('viewer-handle').textContent()).toBe(`@${handle}`);
    expect(await visitor.page.getByTestId('verify-email-notice').count()).toBe(0);
    visitor.assertClean();
    await visitor.context.close();
  });

  it('the notice sends another link, and a tampered link is refused', async () => {
    const visitor = await newVisitor(browser);
    const handle = await registerThroughUi(visitor.page, web.url);
    const address = `${handle}@example.test`;
    await smtp.waitFor(address);
    await visitor.page.getByTestId('verify-email-notice').getByRole('button', { name: 'Send the link again' }).click();
    await expect.poll(() => visitor.page.getByRole('heading', { level: 1 }).textContent()).toBe('Check your inbox');
    await expect.poll(() => smtp.to(address).length, { timeout: 15_000 }).toBe(2);

    const res = await visitor.page.goto(`${web.url}/verify-email?token=not.valid`);
    expect(res?.status()).toBe(400);
    expect(await visitor.page.getByRole('heading', { level: 1 }).textContent()).toBe('This link did not work');
    expect(
      await api.sql('select 1 from members where handle = $1 and email_verified_at is null', [handle]),
    ).toHaveLength(1);
    visitor.assertClean();
    await visitor.context.close();
  });
});

describe('unsubscribe page', () => {
  it('works without JavaScript and without a login: shows what stops, then stops it', async () => {
    const { member, unsubscribe } = await emailedReply();
    const visitor = await newVisitor(browser, { javaScriptEnabled: false });
    await visitor.page.goto(unsubscribe);
    expect(await visitor.page.getByRole('heading', { level: 1 }).textContent()).toBe('Stop these emails');
    expect(await visitor.page.getByTestId('unsubscribe-kinds').textContent()).toContain('replies to your questions');
    // Showing the page changes nothing (link scanners open it too).
    expect(await preferences(member)).toEqual([]);
    await visitor.page.getByTestId('confirm-unsubscribe').click();
    await visitor.page.getByTestId('unsubscribe-done').waitFor();
    expect(await visitor.page.getByRole('heading', { level: 1 }).textContent()).toBe('You are unsubscribed');
    expect(await preferences(member)).toEqual([{ kind: 'REPLY', email: 'NEVER' }]);
    visitor.assertClean();
    await visitor.context.close();
  });

  it('works with JavaScript as well, for a digest link stopping every digest kind', async () => {
    const member = await buildMember(api);
    await api.sql('update members set email_verified_at = now() where id = $1', [member.id]);
    await api.sql(
      `insert into notifications (recipient_id, kind, event_id, data) values ($1, 'BADGE_AWARDED', $2, '{"badge":"scholar","name":"Scholar"}')`,
      [member.id, 900_000 + Number(member.id)],
    );
    await sendDigests(api.app.services);
    const mail = await smtp.waitFor(member.email, (m) => m.subject.startsWith('Your Hearth digest'));
    const visitor = await newVisitor(browser);
    await visitor.page.goto(onWeb(linkIn(mail.text, `${PUBLIC_URL}/unsubscribe?token=`)));
    expect(await visitor.page.getByRole('heading', { level: 1 }).textContent()).toBe('Stop the daily digest');
    expect(await visitor.page.getByTestId('unsubscribe-kinds').textContent()).toContain('badges you earn');
    await visitor.page.getByTestId('confirm-unsubscribe').click();
    await visitor.page.getByTestId('unsubscribe-done').waitFor();
    const modes = await preferences(member);
    expect(modes).toContainEqual({ kind: 'BADGE_AWARDED', email: 'NEVER' });
    expect(modes.every((m) => m.email === 'NEVER')).toBe(true);
    visitor.assertClean();
    await visitor.context.close();
  });

  it("accepts a mail client's one-click POST from another site only with a valid signed token", async () => {
    const { member, unsubscribe } = await emailedReply();
    const post = (url: string, body: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
        body,
        redirect: 'manual',
      });
    // Cross-site without the one-click body: refused like any cross-site form.
    expect((await post(unsubscribe, 'token=x')).status).toBe(403);
    // One-click with a forged token: the API refuses it, nothing changes.
    const forged = new URL(unsubscribe);
    forged.searchParams.set('token', `${forged.searchParams.get('token')!.split('.')[0]}.AAAA`);
    expect((await post(forged.toString(), 'List-Unsubscribe=One-Click')).status).toBe(400);
    expect(await preferences(member)).toEqual([]);

    const res = await post(unsubscribe, 'List-Unsubscribe=One-Click');
    expect(res.status).toBe(200);
    expect(await preferences(member)).toEqual([{ kind: 'REPLY', email: 'NEVER' }]);
  });
});
