import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { scanTextContrast } from '../support/contrast-scan.js';
import { newVisitor, PHONE, useStack } from '../support/e2e-fixtures.js';
import { buildMember, buildReply, buildThread, type TestMember } from '../support/factories.js';

// Runtime settings in the web app (issue 12 item 4): an admin changes a threshold on
// /admin/settings and it takes effect on the next request, with no restart.
const stack = useStack();
const SLOW = 120_000;

/** Signs a member in by the session cookie (the login form's per-address limit is tested elsewhere). */
async function signIn(page: Page, member: TestMember) {
  const value = Buffer.from(JSON.stringify(member.token)).toString('base64');
  await page.context().addCookies([{ name: 'hearth_session', value, url: stack.web.url }]);
}

const setting = (page: Page, key: string) => page.getByTestId(`setting-${key}`);

describe('site settings', () => {
  it(
    'an admin lowers the hide threshold, and the next single flag hides a post; resetting restores the startup value',
    async () => {
      const admin = await buildMember(stack.api, { role: 'ADMIN' });
      const [asker, spammer, flagger] = await Promise.all([
        buildMember(stack.api),
        buildMember(stack.api),
        buildMember(stack.api, { reputation: 20 }),
      ]);
      const thread = await buildThread(stack.api, asker);
      const spam = await buildReply(stack.api, spammer, thread.id, 'Buy followers now at cheap-followers.example!!');

      const staff = await newVisitor(stack.browser);
      await signIn(staff.page, admin);
      await staff.page.goto(`${stack.web.url}/admin/settings`);
      const threshold = setting(staff.page, 'moderation.hideThreshold');
      expect(await threshold.textContent()).toContain('Default 6');
      await threshold.getByRole('spinbutton').fill('2');
      const moderation = staff.page.locator('#moderation');
      await moderation.getByLabel('Reason (optional, for the audit log)').fill('Spam wave this week');
      await moderation.getByRole('button', { name: 'Save flags and review' }).click();
      await expect.poll(() => moderation.getByTestId('settings-saved').isVisible()).toBe(true);
      expect(await threshold.getByRole('spinbutton').inputValue()).toBe('2');
      expect(await threshold.textContent()).toContain('changed');
      expect(
        (await scanTextContrast(staff.page)).filter((t) => t.ratio < t.required).map((t) => `${t.selector} ${t.ratio}`),
      ).toEqual([]);
      staff.assertClean();

      // One ordinary member's flag (weight 2) now reaches the threshold: the reply is hidden.
      const member = await newVisitor(stack.browser, { javaScriptEnabled: false });
      await signIn(member.page, flagger);
      await member.page.goto(`${stack.web.url}/t/${thread.id}`);
      const post = member.page.locator(`#post-${spam.id}`);
      await post.getByTestId('flag-post').click();
      await post.getByRole('radio', { name: /^Spam:/ }).check();
      await post.getByRole('button', { name: 'Flag post' }).click();
      const visitor = await newVisitor(stack.browser);
      await visitor.page.goto(`${stack.web.url}/t/${thread.id}`);
      expect(await visitor.page.locator(`#post-${spam.id}`).textContent()).not.toContain('cheap-followers');

      // The change is in the audit log with its reason.
      await staff.page.goto(`${stack.web.url}/moderation/audit?kind=settings.changed`);
      expect(await staff.page.locator('main').textContent()).toContain('Spam wave this week');

      // Reset: back to the startup value, no longer marked changed.
      await staff.page.goto(`${stack.web.url}/admin/settings`);
      await threshold.getByRole('button', { name: 'Reset to 6' }).click();
      await expect.poll(() => threshold.getByRole('spinbutton').inputValue()).toBe('6');
      expect(await threshold.textContent()).not.toContain('changed');
    },
    SLOW,
  );

  it('refuses moderators, and fits a phone', async () => {
    const moderator = await buildMember(stack.api, { role: 'MODERATOR' });
    const mod = await newVisitor(stack.browser);
    await signIn(mod.page, moderator);
    const res = await mod.page.goto(`${stack.web.url}/admin/settings`);
    expect(res?.status()).toBe(403);

    const admin = await buildMember(stack.api, { role: 'ADMIN' });
    const phone = await newVisitor(stack.browser, PHONE);
    await signIn(phone.page, admin);
    await phone.page.goto(`${stack.web.url}/admin/settings`);
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    phone.assertClean();
  });
});
