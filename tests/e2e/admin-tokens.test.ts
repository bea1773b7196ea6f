import { describe, expect, it } from 'vitest';
import { scanTextContrast } from '../support/contrast-scan.js';
import { newVisitor, PHONE, signInByCookie, useStack } from '../support/e2e-fixtures.js';
import { buildMember } from '../support/factories.js';

// Service tokens in the web app (issue 14 item 1): an admin creates a token on /admin/tokens,
// sees its secret once, and revokes it; the API refuses it from then on.
const stack = useStack();
const SLOW = 120_000;
const FEED = `{ domainEvents(first: 1) { edges { cursor } } }`;

describe('service tokens', () => {
  it(
    'an admin creates a token, sees the secret once, and revokes it',
    async () => {
      const admin = await buildMember(stack.api, { role: 'ADMIN' });
      const staff = await newVisitor(stack.browser);
      await signInByCookie(staff.page, stack.web.url, admin);
      await staff.page.goto(`${stack.web.url}/admin`);
      await staff.page.getByRole('link', { name: /Service tokens/ }).click();
      await expect.poll(() => staff.page.url()).toBe(`${stack.web.url}/admin/tokens`);

      // A token needs a scope: the form says so and nothing is created.
      await staff.page.getByLabel('Name').fill('Warehouse export');
      await staff.page.getByRole('button', { name: 'Create token' }).click();
      await expect.poll(() => staff.page.getByTestId('field-error').textContent()).toContain('at least one scope');
      expect(await stack.api.sql('select id from service_tokens')).toEqual([]);

      await staff.page.getByLabel('Name').fill('Warehouse export');
      await staff.page.getByRole('checkbox', { name: /Read events/ }).check();
      await staff.page.getByRole('button', { name: 'Create token' }).click();
      const issued = staff.page.getByTestId('issued-secret');
      await expect.poll(() => issued.isVisible()).toBe(true);
      expect(await issued.textContent()).toContain('shown only this once');
      const secret = await issued.getByLabel('Secret').inputValue();
      expect(secret).toMatch(/^hst_/);
      expect(await staff.page.locator('main').textContent()).toContain('Warehouse export');
      expect(
        (await scanTextContrast(staff.page)).filter((t) => t.ratio < t.required).map((t) => `${t.selector} ${t.ratio}`),
      ).toEqual([]);

      // The secret works as a bearer, and is never shown again.
      expect((await stack.api.gql(FEED, {}, { token: secret })).errors).toBeUndefined();
      await staff.page.goto(`${stack.web.url}/admin/tokens`);
      expect(await staff.page.content()).not.toContain(secret);
      const [{ id }] = await stack.api.sql('select id from service_tokens');
      const row = staff.page.getByTestId(`token-${id}`);
      expect(await row.textContent()).not.toContain('last used never');

      // Revoke, confirmed in the dialog.
      await row.getByRole('button', { name: 'Revoke' }).click();
      await staff.page.getByRole('dialog').getByRole('button', { name: 'Yes, revoke' }).click();
      await expect.poll(() => staff.page.getByTestId('token-revoked').isVisible()).toBe(true);
      expect(await staff.page.getByRole('region', { name: 'Revoked tokens' }).textContent()).toContain(
        'Warehouse export',
      );
      const refused = await stack.api.gql(FEED, {}, { token: secret });
      expect(refused.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
      staff.assertClean();
    },
    SLOW,
  );

  it(
    'works without JavaScript (revoking asks first), refuses moderators, and fits a phone',
    async () => {
      const admin = await buildMember(stack.api, { role: 'ADMIN' });
      const plain = await newVisitor(stack.browser, { javaScriptEnabled: false });
      await signInByCookie(plain.page, stack.web.url, admin);
      await plain.page.goto(`${stack.web.url}/admin/tokens`);
      await plain.page.getByLabel('Name').fill('CRM without script');
      await plain.page.getByRole('checkbox', { name: /Write customers/ }).check();
      await plain.page.getByRole('button', { name: 'Create token' }).click();
      const secret = await plain.page.getByTestId('issued-secret').getByLabel('Secret').inputValue();
      expect(secret).toMatch(/^hst_/);
      const [{ id }] = await stack.api.sql(`select id from service_tokens where name = 'CRM without script'`);
      await plain.page.getByTestId(`token-${id}`).getByRole('button', { name: 'Revoke' }).click();
      // Unconfirmed: nothing revoked yet, the page asks.
      expect(
        (await stack.api.sql('select revoked_at from service_tokens where id = $1', [id]))[0].revoked_at,
      ).toBeNull();
      await plain.page.getByTestId('confirm-step').getByRole('button', { name: 'Yes, revoke' }).click();
      await expect.poll(() => plain.page.getByTestId('token-revoked').isVisible()).toBe(true);
      expect(
        (await stack.api.sql('select revoked_at from service_tokens where id = $1', [id]))[0].revoked_at,
      ).not.toBeNull();

      const moderator = await buildMember(stack.api, { role: 'MODERATOR' });
      const mod = await newVisitor(stack.browser);
      await signInByCookie(mod.page, stack.web.url, moderator);
      expect((await mod.page.goto(`${stack.web.url}/admin/tokens`))?.status()).toBe(403);

      const phone = await newVisitor(stack.browser, PHONE);
      await signInByCookie(phone.page, stack.web.url, admin);
      await phone.page.goto(`${stack.web.url}/admin/tokens`);
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
      phone.assertClean();
    },
    SLOW,
  );
});
