import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { scanTextContrast } from '../support/contrast-scan.js';
import { newVisitor, PHONE, useStack } from '../support/e2e-fixtures.js';
import { buildMember, type TestMember } from '../support/factories.js';

// The admin area (issue 12, item 4, web half): categories (create, order, slow mode), members
// (find by email, change a role, approve a held sign-up), and who may enter it at all.
const stack = useStack();
const SLOW = 120_000;
const DESKTOP_1024 = { viewport: { width: 1024, height: 800 } } as const;

/** Signs a factory-built member in by the session cookie (see moderation.test.ts: the login form's per-address limit). */
async function signIn(visitor: { page: Page }, member: TestMember) {
  const value = Buffer.from(JSON.stringify(member.token)).toString('base64');
  await visitor.page.context().addCookies([{ name: 'hearth_session', value, url: stack.web.url }]);
}

async function lowContrast(page: Page) {
  return (await scanTextContrast(page))
    .filter((t) => t.ratio < t.required)
    .map((t) => `${t.selector} "${t.text}" ${t.ratio}`);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG A/AA violations within `selector` (as composer.test.ts: the CSP allows no inline script). */
async function axeViolations(page: Page, selector: string) {
  await page.evaluate(axeSource);
  return page.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<any> } }).axe;
    const result = await axe.run(
      { include: [include] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } },
    );
    return result.violations.map((v: { id: string; nodes: { target: string[] }[] }) => ({
      id: v.id,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  }, selector);
}

const overflows = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

/** Category names in the table, top to bottom. */
const tableOrder = (page: Page) =>
  page.getByTestId('category-table').locator('tbody tr td:first-child a').allTextContents();

describe('categories', () => {
  it(
    'an administrator creates a category, moves it up (with and without JavaScript) and sets its slow mode',
    async () => {
      const admin = await buildMember(stack.api, { role: 'ADMIN' });
      const name = `Release Notes ${Date.now().toString(36)}`;
      const slug = name.toLowerCase().replace(/ /g, '-');
      // Enough categories to move the new one up twice.
      await stack.api.sql(
        `insert into categories (slug, name, position)
         values ('billing-' || $1::text, 'Billing', 1), ('security-' || $1::text, 'Security', 2)`,
        [Date.now().toString(36)],
      );

      const browser = await newVisitor(stack.browser, DESKTOP_1024);
      await signIn(browser, admin);
      await browser.page.goto(`${stack.web.url}/`);
      // The header's Staff menu holds the Admin link and the bar still fits at 1024 px.
      const main = browser.page.getByRole('navigation', { name: 'Main' });
      await main.getByRole('button', { name: 'Staff', exact: true }).click();
      await main.getByRole('link', { name: 'Admin' }).click();
      await browser.page.waitForURL(`${stack.web.url}/admin`);
      expect(await overflows(browser.page)).toBe(false);
      await browser.page.getByRole('link', { name: /^Categories/ }).click();
      await browser.page.waitForURL(`${stack.web.url}/admin/categories`);

      // A bad slug: the API's message beside the field, nothing created.
      const create = browser.page.getByTestId('create-category');
      await create.getByLabel('Name').fill(name);
      await create.getByLabel('Slug').fill('Not A Slug');
      await create.getByRole('button', { name: 'Create category' }).click();
      await expect.poll(() => create.getByTestId('field-error').first().textContent()).toMatch(/lower-case words/);
      expect(await tableOrder(browser.page)).not.toContain(name);

      await create.getByLabel('Slug').fill(slug);
      await create.getByRole('radio', { name: /^Restricted/ }).check();
      await create.getByRole('button', { name: 'Create category' }).click();
      await expect.poll(async () => (await tableOrder(browser.page)).at(-1)).toBe(name);
      const before = await tableOrder(browser.page);

      await browser.page.getByRole('button', { name: `Move ${name} up` }).click();
      await expect.poll(() => tableOrder(browser.page)).toEqual([...before.slice(0, -2), name, before.at(-2)]);

      // Without JavaScript, the same buttons post and come back.
      const noJs = await newVisitor(stack.browser, { javaScriptEnabled: false });
      await signIn(noJs, admin);
      await noJs.page.goto(`${stack.web.url}/admin/categories`);
      await noJs.page.getByRole('button', { name: `Move ${name} up` }).click();
      await noJs.page.waitForURL(/\/admin\/categories/);
      expect(await tableOrder(noJs.page)).toEqual([...before.slice(0, -3), name, before.at(-3), before.at(-2)]);
      noJs.assertClean();

      // Slow mode: an out-of-range value is refused inline; 300 seconds is shown in words.
      await browser.page.reload();
      const edit = browser.page.locator('details').filter({ hasText: name });
      await edit.locator('summary').click();
      const form = edit.getByTestId(/^edit-/);
      // The browser would refuse it first (max=86400): what the API says when a client does not.
      await form.getByLabel('Slow mode (seconds)').evaluate((el) => el.removeAttribute('max'));
      await form.getByLabel('Slow mode (seconds)').fill('90000');
      await form.getByRole('button', { name: `Save ${name}` }).click();
      await expect
        .poll(() => browser.page.locator('details[open]').getByTestId('field-error').first().textContent())
        .toMatch(/0 \(off\) to 86400 seconds/);
      const again = browser.page.locator('details[open]');
      await again.getByLabel('Slow mode (seconds)').fill('300');
      await again.getByRole('button', { name: `Save ${name}` }).click();
      const [row] = await stack.api.sql('select id, slow_mode_seconds, kind from categories where slug = $1', [slug]);
      await expect
        .poll(() => browser.page.getByTestId(`slow-mode-${row.id}`).textContent())
        .toBe('1 post every 5 minutes');
      const [saved] = await stack.api.sql('select slow_mode_seconds, kind from categories where slug = $1', [slug]);
      expect(saved).toEqual({ slow_mode_seconds: 300, kind: 'RESTRICTED' });
      expect(await lowContrast(browser.page)).toEqual([]);
      browser.assertClean();

      const phone = await newVisitor(stack.browser, PHONE);
      await signIn(phone, admin);
      await phone.page.goto(`${stack.web.url}/admin/categories`);
      expect(await overflows(phone.page)).toBe(false);
      phone.assertClean();
    },
    SLOW,
  );
});

describe('members', () => {
  it(
    'an administrator finds a member by email and makes them a moderator: their next page has the moderator tools',
    async () => {
      const [admin, member] = await Promise.all([buildMember(stack.api, { role: 'ADMIN' }), buildMember(stack.api)]);
      const memberBrowser = await newVisitor(stack.browser);
      await signIn(memberBrowser, member);
      await memberBrowser.page.goto(`${stack.web.url}/`);
      const nav = memberBrowser.page.getByRole('navigation', { name: 'Main' });
      expect(await nav.getByRole('button', { name: 'Staff', exact: true }).count()).toBe(0);
      expect(await nav.getByRole('link', { name: 'Removed' }).count()).toBe(0);

      const browser = await newVisitor(stack.browser);
      await signIn(browser, admin);
      await browser.page.goto(`${stack.web.url}/admin/members`);
      await browser.page.getByLabel('Handle or email').fill(member.email.toUpperCase());
      await browser.page.getByRole('button', { name: 'Search' }).click();
      await browser.page.waitForURL(/[?&]q=/);
      const card = browser.page.getByTestId(`member-${member.handle}`);
      // The unfiltered list already holds this card; wait for the search's list, where it is alone.
      await expect.poll(() => browser.page.locator('li[data-testid^="member-"]').count()).toBe(1);
      expect(await card.count()).toBe(1);

      await card.locator('summary').click();
      const roleForm = card.getByTestId(`role-${member.handle}`);
      // Without a reason the API refuses; its message shows on the member's card.
      await roleForm.getByLabel('Role').selectOption('MODERATOR');
      await roleForm.getByLabel('Reason').fill('Ru');
      await roleForm.getByLabel('Reason').evaluate((el) => el.removeAttribute('minlength'));
      await roleForm.getByRole('button', { name: 'Change role' }).click();
      await expect.poll(() => card.getByTestId('form-error').textContent()).toMatch(/3–500 characters/);

      await card.getByTestId(`role-${member.handle}`).getByLabel('Role').selectOption('MODERATOR');
      await card.getByTestId(`role-${member.handle}`).getByLabel('Reason').fill('Runs the Tuesday office hours.');
      await card.getByTestId(`role-${member.handle}`).getByRole('button', { name: 'Change role' }).click();
      await expect.poll(() => card.getByTestId('member-role').textContent()).toBe('Moderator');
      expect(await lowContrast(browser.page)).toEqual([]);
      browser.assertClean();

      // The member's next page: moderator sections in the header.
      await memberBrowser.page.reload();
      await nav.getByRole('button', { name: 'Staff', exact: true }).click();
      expect(await nav.getByRole('link', { name: 'Removed' }).count()).toBe(1);
      memberBrowser.assertClean();

      // A moderator may list members, but not search by email: said beside the search box.
      const modBrowser = await newVisitor(stack.browser);
      await signIn(modBrowser, member);
      await modBrowser.page.goto(`${stack.web.url}/admin/members?q=${encodeURIComponent(admin.email)}`);
      expect(await modBrowser.page.getByTestId('form-error').textContent()).toMatch(
        /Only administrators can search members by email/,
      );
      modBrowser.assertClean();
    },
    SLOW,
  );

  it(
    'a held sign-up is approved from the held filter, without JavaScript',
    async () => {
      const [admin, held] = await Promise.all([buildMember(stack.api, { role: 'ADMIN' }), buildMember(stack.api)]);
      await stack.api.sql('update members set held_at = now() where id = $1', [held.id]);
      const browser = await newVisitor(stack.browser, { javaScriptEnabled: false });
      await signIn(browser, admin);
      await browser.page.goto(`${stack.web.url}/admin`);
      await browser.page.getByRole('link', { name: /Held sign-ups waiting for approval: 1/ }).click();
      const card = browser.page.getByTestId(`member-${held.handle}`);
      expect(await card.getByText('Held sign-up').count()).toBe(1);
      await card.getByRole('button', { name: 'Approve sign-up' }).click();
      await browser.page.waitForURL(/\/admin\/members\?held=yes/);
      expect(await browser.page.getByTestId('no-members').textContent()).toBe('No member matches.');
      const [row] = await stack.api.sql('select approved_by from members where id = $1', [held.id]);
      expect(String(row.approved_by)).toBe(admin.id);
      browser.assertClean();
    },
    SLOW,
  );
});

describe('the header', () => {
  it(
    "staff's sections sit in one Staff menu: the bar fits at 1024 and 1280 px with the longest handle, light and dark",
    async () => {
      // Handles are at most 20 characters (the database's check): the widest letters, all 20.
      const handle = `W${Date.now().toString(36).toUpperCase()}`.padEnd(20, 'W');
      const [moderator, admin] = await Promise.all([
        buildMember(stack.api, { role: 'MODERATOR', handle }),
        buildMember(stack.api, { role: 'ADMIN', handle: handle.replace(/^W/, 'M') }),
      ]);
      for (const [member, width, colorScheme] of [
        [moderator, 1024, 'light'],
        [moderator, 1280, 'dark'],
        [admin, 1024, 'dark'],
        [admin, 1280, 'light'],
      ] as const) {
        const visitor = await newVisitor(stack.browser, { viewport: { width, height: 800 }, colorScheme });
        const { page } = visitor;
        await signIn(visitor, member);
        await page.goto(`${stack.web.url}/badges`);
        const staffMenu = page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('button', { name: 'Staff', exact: true });
        await staffMenu.click();
        expect(await staffMenu.getAttribute('aria-expanded')).toBe('true');
        const panel = page.locator(`#${await staffMenu.getAttribute('aria-controls')}`);
        const labels = await panel.getByRole('link').allTextContents();
        expect(labels).toEqual(
          expect.arrayContaining(['Review', 'Escalations', 'Removed', 'Deflection', 'Activity', 'Insights']),
        );
        expect(labels.includes('Admin')).toBe(member === admin);
        expect(await panel.getByRole('link', { name: 'Insights' }).getAttribute('href')).toBe('/staff/insights');
        // Open, nothing runs off the screen: not the bar, not the menu.
        expect(await overflows(page), `${member.handle} at ${width} px`).toBe(false);
        const box = (await panel.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(width);
        expect(await lowContrast(page)).toEqual([]);
        expect(await axeViolations(page, 'header')).toEqual([]);
        // Escape closes it and gives the focus back to the button; so does a click elsewhere.
        await page.keyboard.press('Escape');
        expect(await staffMenu.getAttribute('aria-expanded')).toBe('false');
        expect(await staffMenu.evaluate((el) => el === document.activeElement)).toBe(true);
        expect(await panel.isVisible()).toBe(false);
        await page.keyboard.press('Enter');
        expect(await staffMenu.getAttribute('aria-expanded')).toBe('true');
        await page.mouse.click(2, 780);
        expect(await staffMenu.getAttribute('aria-expanded')).toBe('false');
        // The account link is still on screen, right of everything else.
        const account = (await page.getByTestId('viewer-handle').boundingBox())!;
        expect(account.x + account.width).toBeLessThanOrEqual(width);
        visitor.assertClean();
        await visitor.context.close();
      }
    },
    SLOW,
  );
});

describe('who may enter', () => {
  it(
    'members and moderators get a 403 page for the admin pages, visitors the log-in form',
    async () => {
      const [member, moderator] = await Promise.all([
        buildMember(stack.api),
        buildMember(stack.api, { role: 'MODERATOR' }),
      ]);
      for (const who of [member, moderator]) {
        const browser = await newVisitor(stack.browser);
        await signIn(browser, who);
        for (const path of ['/admin', '/admin/categories']) {
          const res = await browser.page.goto(`${stack.web.url}${path}`);
          expect(res?.status(), `${who.handle} ${path}`).toBe(403);
          expect(await browser.page.getByTestId('error-page').textContent()).toMatch(/administrators/i);
        }
        expect(await browser.page.getByRole('link', { name: 'Admin', exact: true }).count()).toBe(0);
      }
      const memberBrowser = await newVisitor(stack.browser);
      await signIn(memberBrowser, member);
      expect((await memberBrowser.page.goto(`${stack.web.url}/admin/members`))?.status()).toBe(403);

      const visitor = await newVisitor(stack.browser);
      await visitor.page.goto(`${stack.web.url}/admin/members`);
      expect(visitor.page.url()).toBe(`${stack.web.url}/login?redirectTo=%2Fadmin%2Fmembers`);
    },
    SLOW,
  );
});
