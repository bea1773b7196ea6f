import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { scanTextContrast, type TextContrast } from '../support/contrast-scan.js';
import { loginAs, newVisitor, PHONE, registerThroughUi, useStack } from '../support/e2e-fixtures.js';
import { buildMember, buildReply, buildThread, type TestMember } from '../support/factories.js';

const stack = useStack();

/** The session cookie a browser context holds, as a Cookie header for plain HTTP requests. */
async function cookieHeader(context: { cookies(): Promise<{ name: string; value: string }[]> }) {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}

/** The page's chrome: the header's home link, the main navigation and the footer. */
async function expectChrome(page: Page) {
  expect(await page.getByRole('banner').getByRole('link', { name: 'Hearth', exact: true }).count()).toBe(1);
  expect(await page.getByRole('contentinfo').textContent()).toContain('Hearth community');
  expect(await page.locator('main#main').count()).toBe(1);
}

describe('sign-up honeypot', () => {
  it('a person signs up with the hidden field untouched; a bot that fills it in creates nothing', async () => {
    const person = await newVisitor(stack.browser);
    await registerThroughUi(person.page, stack.web.url);
    person.assertClean();
    await person.context.close();

    const bot = await newVisitor(stack.browser);
    const handle = `bot_${Date.now().toString(36)}`;
    await bot.page.goto(`${stack.web.url}/register`);
    // Out of sight and out of the tab order, but a form-filling bot finds it by name.
    expect(await bot.page.locator('input[name=website]').getAttribute('tabindex')).toBe('-1');
    await bot.page.getByLabel('Handle').fill(handle);
    await bot.page.getByLabel('Email').fill(`${handle}@example.test`);
    await bot.page.getByLabel('Password').fill('correct horse battery');
    await bot.page.locator('input[name=website]').fill('http://spam.example');
    await bot.page.getByRole('button', { name: 'Create account' }).click();
    await expect
      .poll(() => bot.page.getByRole('alert').first().textContent())
      .toContain('Leave the website field empty');
    expect(await stack.api.sql('select 1 from members where handle = $1', [handle])).toEqual([]);
    await bot.context.close();
  });
});

describe('error pages', () => {
  it('a malformed or unknown id, slug or path is a 404 inside the site chrome, with a title', async () => {
    const visitor = await newVisitor(stack.browser);
    for (const path of [
      '/t/abc',
      '/t/99999999999',
      '/t/0',
      '/t/777777',
      '/c/%00',
      '/c/No_Such',
      '/u/%00',
      '/u/x',
      '/nowhere/at/all',
    ]) {
      const res = await visitor.page.goto(`${stack.web.url}${path}`);
      expect(res?.status(), path).toBe(404);
      expect(await visitor.page.title(), path).toBe('Page not found · Hearth');
      expect(await visitor.page.getByRole('heading', { level: 1 }).textContent(), path).toBe('Page not found');
      await expectChrome(visitor.page);
    }
    visitor.assertClean();
    await visitor.context.close();
  });

  it('keeps the signed-in header on a 404, and a malformed cursor is a 400, not a 500', async () => {
    const member = await newVisitor(stack.browser);
    const handle = await registerThroughUi(member.page, stack.web.url);
    const res = await member.page.goto(`${stack.web.url}/t/abc`);
    expect(res?.status()).toBe(404);
    expect(await member.page.getByTestId('viewer-handle').textContent()).toBe(`@${handle}`);

    const [category] = await stack.api.sql<{ slug: string }>('select slug from categories order by id limit 1');
    const cursor = await member.page.goto(`${stack.web.url}/c/${category!.slug}?after=not-a-cursor`);
    expect(cursor?.status()).toBe(400);
    expect(await member.page.title()).toBe('Bad request · Hearth');
    await expectChrome(member.page);
    await member.context.close();
  });
});

describe('cross-origin posts', () => {
  it('are refused with 403 by every action-only route (and page actions), and do nothing', async () => {
    const member = await newVisitor(stack.browser);
    const handle = await registerThroughUi(member.page, stack.web.url);
    const cookie = await cookieHeader(member.context);
    const post = (path: string, headers: Record<string, string>) =>
      fetch(`${stack.web.url}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: 'redirectTo=%2F',
      });

    for (const path of ['/logout', '/notifications/watch']) {
      expect((await post(path, { origin: 'https://evil.example' })).status).toBe(403);
      expect((await post(path, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
      expect((await post(path, { origin: 'null' })).status).toBe(403);
    }
    // Page actions too (React Router itself answers a foreign Origin there with 400).
    for (const path of ['/t/1', '/login', '/ask']) {
      expect((await post(path, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    }
    // The session survived: the member is still signed in.
    await member.page.goto(stack.web.url);
    expect(await member.page.getByTestId('viewer-handle').textContent()).toBe(`@${handle}`);

    // The same request from the app's own origin logs out.
    const own = await post('/logout', { origin: stack.web.url, 'sec-fetch-site': 'same-origin' });
    expect(own.status).toBe(302);
    await member.page.reload();
    expect(await member.page.getByTestId('viewer-handle').count()).toBe(0);
    await member.context.close();
  });
});

/** True when nothing on the page is wider than the phone's screen. */
const fitsPhone = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= 390);

describe('mobile menu at 390 px', () => {
  it('opens from a disclosure button, reaches every link by pointer and keyboard, and nothing overflows', async () => {
    const asker = await buildMember(stack.api);
    const thread = await buildThread(stack.api, asker);
    const visitor = await newVisitor(stack.browser, PHONE);
    const { page } = visitor;
    await page.goto(stack.web.url);
    const button = page.locator('button[aria-controls="site-menu"]'); // rendered once hydrated
    await expect.poll(() => button.count()).toBe(1);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#site-menu').isVisible()).toBe(false);
    // The bar's own links are not on the phone's screen; the menu holds them.
    expect(await page.getByRole('link', { name: 'Leaderboard' }).count()).toBe(0);
    expect(await fitsPhone(page)).toBe(true);

    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const menu = page.locator('#site-menu');
    for (const name of ['Home', 'Knowledge', 'Leaderboard', 'Badges', 'Log in', 'Sign up']) {
      const link = menu.getByRole('link', { name, exact: true });
      expect(await link.isVisible()).toBe(true);
      const box = (await link.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    expect(await page.getByRole('link', { name: 'Ask a question' }).isVisible()).toBe(true);
    expect(await fitsPhone(page)).toBe(true);

    // Escape closes it and gives focus back to the button; Enter opens it, Tab walks its links.
    await page.keyboard.press('Escape');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    // The menu opens with the search box, then the sections.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('menu-search');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Home');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Knowledge');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Leaderboard');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/leaderboard');
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
    expect(await fitsPhone(page)).toBe(true);

    for (const path of [`/t/${thread.id}`, `/u/${asker.handle}`, '/badges', '/t/abc']) {
      await page.goto(`${stack.web.url}${path}`);
      expect(await fitsPhone(page), path).toBe(true);
    }
    visitor.assertClean();
    await visitor.context.close();
  });

  it('signed in: the profile link and Log out are in the menu', async () => {
    const visitor = await newVisitor(stack.browser, PHONE);
    const handle = await registerThroughUi(visitor.page, stack.web.url);
    const button = visitor.page.locator('button[aria-controls="site-menu"]');
    await expect.poll(() => button.count()).toBe(1);
    await button.click();
    const menu = visitor.page.locator('#site-menu');
    expect(await menu.getByRole('link', { name: `@${handle}` }).isVisible()).toBe(true);
    await menu.getByRole('button', { name: 'Log out' }).click();
    await expect.poll(() => visitor.page.getByTestId('viewer-handle').count()).toBe(0);
    expect(await fitsPhone(visitor.page)).toBe(true);
    visitor.assertClean();
    await visitor.context.close();
  });

  it('works without JavaScript as a native disclosure', async () => {
    const visitor = await newVisitor(stack.browser, { ...PHONE, javaScriptEnabled: false });
    const { page } = visitor;
    await page.goto(stack.web.url);
    expect(await fitsPhone(page)).toBe(true);
    const leaderboard = page.locator('#site-menu').getByRole('link', { name: 'Leaderboard' });
    expect(await leaderboard.isVisible()).toBe(false);
    await page.locator('summary', { hasText: 'Menu' }).click();
    expect(await leaderboard.isVisible()).toBe(true);
    await leaderboard.click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/leaderboard');
    await visitor.context.close();
  });
});

describe('home page', () => {
  it('pages past the first 20 threads with Next page, and back to the first page', async () => {
    // Staff are exempt from posting limits: one admin starts 25 threads, oldest first.
    const admin = await buildMember(stack.api, { role: 'ADMIN' });
    const titles: string[] = [];
    for (let i = 1; i <= 25; i++)
      titles.push(
        (await buildThread(stack.api, admin, { title: `Paging check, thread #${String(i).padStart(2, '0')}` })).title,
      );
    const visitor = await newVisitor(stack.browser);
    const { page } = visitor;
    await page.goto(stack.web.url);
    const rows = page.getByTestId('thread-list').getByRole('listitem');
    expect(await rows.count()).toBe(20);
    const first = await rows.allTextContents();
    expect(first.some((t) => t.includes(titles[24]!))).toBe(true);
    expect(first.some((t) => t.includes(titles[0]!))).toBe(false);

    await page.getByRole('link', { name: 'Next page →' }).click();
    await expect.poll(async () => (await rows.allTextContents())[0]).not.toBe(first[0]);
    expect(new URL(page.url()).searchParams.has('after')).toBe(true);
    const second = await rows.allTextContents();
    // Thread 21 and on (counting from the newest) are there, and none from the first page.
    for (const title of titles.slice(0, 5)) expect(second.some((t) => t.includes(title))).toBe(true);
    expect(second.some((t) => first.includes(t))).toBe(false);

    await page.getByRole('link', { name: '← First page' }).click();
    await expect.poll(() => rows.allTextContents()).toEqual(first);
    expect(new URL(page.url()).search).toBe('');
    visitor.assertClean();
    await visitor.context.close();
  });
});

describe('reply box', () => {
  it('keeps its text on a validation error and is empty after the reply is posted', async () => {
    const asker = await buildMember(stack.api);
    const thread = await buildThread(stack.api, asker);
    const member = await newVisitor(stack.browser);
    await registerThroughUi(member.page, stack.web.url);
    const { page } = member;
    await page.goto(`${stack.web.url}/t/${thread.id}`);
    await expect.poll(() => page.locator('button[aria-controls="site-menu"]').count()).toBe(1); // hydrated
    const box = page.getByLabel('Reply (markdown)');

    await box.fill('Too short.');
    await page.getByRole('button', { name: 'Post reply' }).click();
    await expect.poll(() => page.getByTestId('field-error').textContent()).toMatch(/20/);
    expect(await box.inputValue()).toBe('Too short.');

    const answer = 'Restart the hub, then re-pair the sensor from the app; that cleared it for me.';
    await box.fill(answer);
    await page.getByRole('button', { name: 'Post reply' }).click();
    await expect.poll(() => page.getByTestId('reply').count()).toBe(1);
    expect(await page.getByTestId('reply').getByTestId('post-body').textContent()).toContain('Restart the hub');
    await expect.poll(() => box.inputValue()).toBe('');
    expect(await page.getByRole('heading', { name: '1 reply', exact: true }).count()).toBe(1);
    member.assertClean();
    await member.context.close();
  });
});

const loginThroughUi = (page: Page, member: TestMember) => loginAs(page, stack.web.url, member);

const deletedAt = async (postId: string) =>
  (await stack.api.sql<{ deleted_at: Date | null }>('select deleted_at from posts where id = $1', [postId]))[0]!
    .deleted_at;

describe('deleting a post', () => {
  it('asks in a dialog first: Cancel and Escape leave the post, confirming deletes it', async () => {
    const author = await buildMember(stack.api);
    const thread = await buildThread(stack.api, await buildMember(stack.api));
    const reply = await buildReply(stack.api, author, thread.id);
    const visitor = await newVisitor(stack.browser);
    const { page } = visitor;
    await loginThroughUi(page, author);
    await page.goto(`${stack.web.url}/t/${thread.id}`);
    await expect.poll(() => page.locator('button[aria-controls="site-menu"]').count()).toBe(1); // hydrated
    const card = page.locator(`#post-${reply.id}`);
    const dialog = page.getByRole('dialog', { name: 'Delete this post?' });

    await card.getByTestId('delete-post').click();
    expect(await dialog.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await dialog.isVisible()).toBe(false);
    expect(await card.count()).toBe(1);

    await card.getByTestId('delete-post').click();
    await page.keyboard.press('Escape');
    expect(await dialog.isVisible()).toBe(false);
    expect(await card.count()).toBe(1);
    expect(await deletedAt(reply.id)).toBeNull();

    await card.getByTestId('delete-post').click();
    await dialog.getByRole('button', { name: 'Yes, delete' }).click();
    await expect.poll(() => card.count()).toBe(0);
    expect(await deletedAt(reply.id)).not.toBeNull();
    visitor.assertClean();
    await visitor.context.close();
  });

  it('without JavaScript, shows a confirmation step and deletes only from it', async () => {
    const author = await buildMember(stack.api);
    const thread = await buildThread(stack.api, await buildMember(stack.api));
    const reply = await buildReply(stack.api, author, thread.id);
    const visitor = await newVisitor(stack.browser, { javaScriptEnabled: false });
    const { page } = visitor;
    await loginThroughUi(page, author);
    await page.goto(`${stack.web.url}/t/${thread.id}`);
    const card = page.locator(`#post-${reply.id}`);

    await card.getByTestId('delete-post').click();
    const step = card.getByTestId('confirm-step');
    await expect.poll(() => step.isVisible()).toBe(true);
    expect(await deletedAt(reply.id)).toBeNull();
    await step.getByRole('link', { name: 'Cancel' }).click();
    await expect.poll(() => step.count()).toBe(0);
    expect(await card.count()).toBe(1);
    expect(await deletedAt(reply.id)).toBeNull();

    await card.getByTestId('delete-post').click();
    await step.getByRole('button', { name: 'Yes, delete' }).click();
    await expect.poll(() => card.count()).toBe(0);
    expect(await deletedAt(reply.id)).not.toBeNull();
    await visitor.context.close();
  });
});

describe('profile wording', () => {
  it('never says "your answer" to anyone but the profile owner (the Staff Pick reason is neutral)', async () => {
    const helper = await buildMember(stack.api);
    const moderator = await buildMember(stack.api, { role: 'MODERATOR' });
    const thread = await buildThread(stack.api, await buildMember(stack.api));
    const reply = await buildReply(stack.api, helper, thread.id);
    const picked = await stack.api.gql(
      `mutation($postId: ID!) { staffPick(postId: $postId) { id } }`,
      { postId: reply.id },
      { token: moderator.token, ip: moderator.ip },
    );
    expect(picked.errors).toBeUndefined();
    // The badge is awarded by the badge subscriber after the pick commits.
    await expect
      .poll(
        async () =>
          (await stack.api.sql(`select 1 from badge_awards where badge = 'staff-pick' and member_id = $1`, [helper.id]))
            .length,
        { timeout: 15_000 },
      )
      .toBe(1);

    const reason = (page: Page) =>
      page.locator('[data-testid=badge][data-badge=staff-pick]').getByTestId('badge-reason').textContent();
    const visitor = await newVisitor(stack.browser);
    await visitor.page.goto(`${stack.web.url}/u/${helper.handle}`);
    expect(await reason(visitor.page)).toBe(`Answer to “${thread.title}” picked by staff`);
    await visitor.context.close();

    const owner = await newVisitor(stack.browser);
    await loginThroughUi(owner.page, helper);
    await owner.page.goto(`${stack.web.url}/u/${helper.handle}`);
    expect(await reason(owner.page)).toBe(`Answer to “${thread.title}” picked by staff`);
    owner.assertClean();
    await owner.context.close();
  });
});

describe('colour contrast', () => {
  it('every text passes WCAG AA on the main pages, in the light and the dark colour scheme', async () => {
    const author = await buildMember(stack.api);
    const thread = await buildThread(stack.api, author, { tags: [] });
    await buildReply(stack.api, await buildMember(stack.api), thread.id);
    await stack.api.sql('update posts set edited_at = now() where id = $1', [thread.question.id]);
    for (const colorScheme of ['light', 'dark'] as const) {
      const visitor = await newVisitor(stack.browser, { colorScheme });
      await loginThroughUi(visitor.page, author);
      const checked: TextContrast[] = [];
      for (const path of ['/', `/t/${thread.id}`, `/u/${author.handle}`, '/badges', '/leaderboard', '/t/abc']) {
        await visitor.page.goto(`${stack.web.url}${path}`);
        const texts = await scanTextContrast(visitor.page);
        expect(
          texts
            .filter((t) => t.ratio < t.required)
            .map((t) => `${path} ${t.selector} "${t.text}" ${t.color} ${t.ratio}`),
          colorScheme,
        ).toEqual([]);
        checked.push(...texts);
      }
      // The scan saw what the defect was about: the primary button, timestamps and the footer.
      const seen = (match: (t: TextContrast) => boolean) => checked.filter(match).length;
      expect(seen((t) => t.text === 'Ask a question')).toBeGreaterThan(0);
      expect(seen((t) => t.selector.startsWith('time'))).toBeGreaterThan(3);
      expect(seen((t) => t.selector === 'footer')).toBeGreaterThan(0);
      await visitor.context.close();
    }
  });
});

describe('view counts', () => {
  it('count a browser once a day and never a bot, through the web app', async () => {
    const thread = await buildThread(stack.api, await buildMember(stack.api));
    const load = async (userAgent: string) =>
      expect((await fetch(`${stack.web.url}/t/${thread.id}`, { headers: { 'user-agent': userAgent } })).status).toBe(
        200,
      );
    const views = async () =>
      (await stack.api.sql<{ view_count: number }>('select view_count from threads where id = $1', [thread.id]))[0]!
        .view_count;
    const chrome =
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

    await load('Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)');
    await load(chrome);
    await expect.poll(views).toBe(1);
    await load(chrome);
    await load('Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)');
    await load(`${chrome} Edg/131.0.0.0`); // another browser on the same address: another visitor
    await expect.poll(views).toBe(2);
    // Give a wrongly counted load time to land before the final check.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await views()).toBe(2);
    const page = await (await fetch(`${stack.web.url}/t/${thread.id}`, { headers: { 'user-agent': chrome } })).text();
    expect(page).toMatch(/2 views/);
  });
});
