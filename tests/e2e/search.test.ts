import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { scanTextContrast } from '../support/contrast-scan.js';
import { newVisitor, PHONE, signInByCookie, useStack } from '../support/e2e-fixtures.js';
import { buildMember, buildReply, buildThread, publishDraftOf, type TestMember } from '../support/factories.js';

// Search and deflection in the web app (issue 11, items 5 and 6): the header search and the
// search page, suggestions while asking (with and without JavaScript), the deflection log.
const stack = useStack();
const as = (m: TestMember) => ({ token: m.token, ip: m.ip });

let moderator: TestMember;
let solved: { id: string; title: string };
let articleId: string;

const STATS = `{ deflectionStats(days: 7) { sessions asked clicked pending shown targets { kind thread { id } article { id } clicked pending } } }`;
const stats = async () => (await stack.api.gql(STATS, {}, as(moderator))).data.deflectionStats;

/** Any text on the page below AA, as "selector text ratio". */
async function lowContrast(page: Page) {
  return (await scanTextContrast(page))
    .filter((t) => t.ratio < t.required)
    .map((t) => `${t.selector} "${t.text}" ${t.ratio}`);
}

beforeAll(async () => {
  moderator = await buildMember(stack.api, { role: 'MODERATOR' });
  const [asker, helper] = await Promise.all([
    buildMember(stack.api, { reputation: 300 }),
    buildMember(stack.api, { role: 'MODERATOR' }),
  ]);
  solved = await buildThread(stack.api, asker, {
    title: 'Zephyrine gateway forgets its pairing after a reboot',
    body: 'Every time the zephyrine gateway reboots, all my sensors need pairing again. Firmware 4.1.',
    tags: ['gateway'],
  });
  const answer = await buildReply(
    stack.api,
    helper,
    solved.id,
    'Update the zephyrine gateway to firmware 4.2: pairings persist.',
  );
  const accepted = await stack.api.gql(
    `mutation($id: ID!) { acceptAnswer(postId: $id) { id } }`,
    { id: answer.id },
    as(asker),
  );
  expect(accepted.errors).toBeUndefined();
  // The accept drafts an article (a subscriber, after commit); a moderator publishes it.
  articleId = await publishDraftOf(stack.api, moderator, solved.id);
  // Indexing is a subscriber too: wait until search finds the thread and its article.
  await vi.waitFor(
    async () => {
      const res = await stack.api.gql(`{ search(query: "zephyrine") { edges { node { url } } } }`, {});
      expect(res.data.search.edges.map((e: { node: { url: string } }) => e.node.url)).toEqual(
        expect.arrayContaining([`/t/${solved.id}`, `/kb/${articleId}`]),
      );
    },
    { timeout: 10_000, interval: 100 },
  );
});

describe('search', () => {
  it('a visitor searches from the header, sees the term highlighted, opens the article and marks it helpful', async () => {
    const visitor = await newVisitor(stack.browser);
    const { page } = visitor;
    await page.goto(`${stack.web.url}/`);
    await page.locator('#site-search').fill('zephyrine');
    await page.locator('#site-search').press('Enter');
    await page.waitForURL(/\/search\?q=zephyrine/);
    await expect.poll(() => page.title()).toBe('Search: zephyrine · Hearth');
    expect(await page.getByTestId('search-total').textContent()).toMatch(/^\d+ results? for “zephyrine”$/);
    const hit = page.getByTestId('search-hit').filter({ has: page.locator(`a[href="/t/${solved.id}"]`) });
    expect((await hit.locator('mark').first().textContent())?.toLowerCase()).toBe('zephyrine');
    expect(await hit.getByTestId('hit-kind').textContent()).toBe('Question');
    expect(await hit.getByTestId('hit-solved').textContent()).toContain('Solved');
    expect(await lowContrast(page)).toEqual([]);

    // Filters are GET parameters: unsolved only leaves it out, and says how to widen.
    await page.locator('summary', { hasText: 'Filters and sort' }).click();
    await page.getByLabel('Status').selectOption('unsolved');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/solved=unsolved/);
    expect(await page.getByTestId('search-none').textContent()).toContain('Search without the filters');

    // A query the API refuses is a message on the page, not an error page.
    const bad = await page.goto(`${stack.web.url}/search?q=zephyrine&after=not-a-cursor`);
    expect(bad?.status()).toBe(200);
    expect(await page.getByRole('alert').textContent()).toContain('We could not search for that');

    await page.goto(`${stack.web.url}/search?q=zephyrine`);
    const article = page.getByTestId('search-hit').filter({ has: page.locator(`a[href="/kb/${articleId}"]`) });
    expect(await article.getByTestId('hit-kind').textContent()).toBe('Article');
    await article.getByRole('link', { name: solved.title }).click();
    await page.waitForURL(new RegExp(`/kb/${articleId}$`));
    await page.getByRole('button', { name: 'Yes' }).click();
    await page.waitForURL(/rated=yes/);
    expect(await page.getByTestId('helpful-thanks').textContent()).toContain('Thanks');
    const rated = await stack.api.gql(`query($id: ID!) { article(id: $id) { helpfulCount } }`, { id: articleId });
    expect(rated.data.article.helpfulCount).toBe(1);
    visitor.assertClean();
    await visitor.context.close();

    // On a phone, the search box is in the menu and nothing runs off the screen.
    const phone = await newVisitor(stack.browser, PHONE);
    await phone.page.goto(`${stack.web.url}/`);
    // The menu's button once hydrated (before, it is a native <details>).
    const menu = phone.page.locator('button[aria-controls="site-menu"]');
    await expect.poll(() => menu.count()).toBe(1);
    await menu.click();
    await phone.page.locator('#menu-search').fill('zephyrine');
    await phone.page.locator('#menu-search').press('Enter');
    await phone.page.waitForURL(/\/search\?q=zephyrine/);
    await expect.poll(() => phone.page.getByTestId('search-hit').count()).toBeGreaterThan(0);
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    phone.assertClean();
    await phone.context.close();
  });

  it('an empty query explains how to search', async () => {
    const visitor = await newVisitor(stack.browser, { javaScriptEnabled: false });
    await visitor.page.goto(`${stack.web.url}/search`);
    expect(await visitor.page.getByTestId('search-empty').textContent()).toContain('Search the community');
    await visitor.context.close();
  });
});

describe('deflection while asking', () => {
  it('a member typing a question sees the article made from the solved one beside the form, opens it and leaves: a pending click, no question', async () => {
    const member = await buildMember(stack.api);
    const visitor = await newVisitor(stack.browser);
    const { page } = visitor;
    await signInByCookie(page, stack.web.url, member);
    await page.goto(`${stack.web.url}/ask`);
    // The suggestions panel is there once the page has hydrated.
    await page.getByTestId('live-suggestions').waitFor({ state: 'attached' });
    await page.getByLabel('Title').fill('Zephyrine gateway loses pairing');
    const suggestion = page.getByTestId('live-suggestions').getByTestId('suggestion');
    await expect.poll(() => suggestion.allTextContents()).toContainEqual(expect.stringContaining(solved.title));
    expect(await lowContrast(page)).toEqual([]);
    // The published article stands for its thread (one answer is suggested once).
    expect(await suggestion.filter({ hasText: solved.title }).count()).toBe(1);
    await suggestion.filter({ hasText: solved.title }).getByRole('link').click();
    await page.waitForURL(new RegExp(`/kb/${articleId}$`));
    visitor.assertClean();
    await visitor.context.close();

    const s = await stats();
    expect(s).toMatchObject({ sessions: 1, asked: 0, clicked: 1, pending: 1 });
    expect(s.targets).toContainEqual(
      expect.objectContaining({ kind: 'ARTICLE', article: { id: articleId }, clicked: 1 }),
    );
  });

  it('without JavaScript, asking shows the similar questions first; "Post my question anyway" posts and records it', async () => {
    const member = await buildMember(stack.api);
    const visitor = await newVisitor(stack.browser, { javaScriptEnabled: false });
    const { page } = visitor;
    await signInByCookie(page, stack.web.url, member);
    await page.goto(`${stack.web.url}/ask`);
    const title = 'Zephyrine gateway drops pairing on reboot, again';
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Details (markdown)').fill('After the 4.2 update my zephyrine gateway still loses pairings.');
    await page.getByLabel('Tags').fill('gateway');
    await page.getByRole('button', { name: 'Post your question' }).click();
    const check = page.getByTestId('check-similar');
    expect(await check.getByRole('heading').textContent()).toBe('Check similar questions');
    expect(await check.getByTestId('suggestion').allTextContents()).toContainEqual(
      expect.stringContaining(solved.title),
    );
    // What was typed is kept.
    expect(await page.getByLabel('Title').inputValue()).toBe(title);
    expect(await page.getByLabel('Tags').inputValue()).toBe('gateway');
    await page.getByRole('button', { name: 'Post my question anyway' }).click();
    await page.waitForURL(/\/t\/\d+$/);
    expect(await page.getByTestId('thread-title').textContent()).toBe(title);
    const threadId = page.url().split('/').pop();
    await visitor.context.close();

    const [session] = await stack.api.sql<{ asked_thread_id: number }>(
      `select s.asked_thread_id from ask_sessions s join members m on m.id = s.member_id where m.handle = $1`,
      [member.handle],
    );
    expect(String(session?.asked_thread_id)).toBe(threadId);
    expect(await stats()).toMatchObject({ sessions: 2, asked: 1 });
  });

  it('records nothing for suggestion links opened from outside the ask form (another site, a typed address)', async () => {
    const member = await buildMember(stack.api);
    const visitor = await newVisitor(stack.browser);
    const { page } = visitor;
    await signInByCookie(page, stack.web.url, member);
    const before = await stats();
    const session = 'outside_link_session_0001';
    // A typed address or a link from elsewhere: Sec-Fetch-Site none / cross-site, the cookie comes along.
    const shown = await page.goto(
      `${stack.web.url}/ask/similar?session=${session}&title=${encodeURIComponent('Zephyrine gateway pairing')}`,
    );
    expect(((await shown!.json()) as { suggestions: unknown[] }).suggestions.length).toBeGreaterThan(0);
    await page.goto(`${stack.web.url}/ask/open?session=${session}&kind=ARTICLE&id=${articleId}`);
    await page.waitForURL(new RegExp(`/kb/${articleId}$`));
    await visitor.context.close();
    const [recorded] = await stack.api.sql<{ n: number }>(`select count(*)::int as n from ask_sessions where id = $1`, [
      session,
    ]);
    expect(recorded!.n).toBe(0);
    expect(await stats()).toMatchObject({ sessions: before.sessions, clicked: before.clicked, shown: before.shown });
  });
});

describe('the deflection page', () => {
  it('shows staff the figures for a period; members are refused', async () => {
    const staff = await newVisitor(stack.browser, { javaScriptEnabled: false });
    await signInByCookie(staff.page, stack.web.url, moderator);
    await staff.page.goto(`${stack.web.url}/`);
    // Without JavaScript the header's Staff menu is a native <details> disclosure.
    await staff.page.getByTestId('staff-menu').getByText('Staff').click();
    await staff.page.getByTestId('staff-menu').getByRole('link', { name: 'Deflection' }).click();
    await staff.page.waitForURL(/\/moderation\/deflection$/);
    await staff.page.getByRole('link', { name: '7 days' }).click();
    await staff.page.waitForURL(/days=7/);
    expect(await staff.page.getByTestId('outcome-pending').textContent()).toMatch(/Pending\s*1/);
    expect(await staff.page.getByTestId('deflection-target').first().textContent()).toContain(solved.title);
    await staff.context.close();

    const member = await newVisitor(stack.browser);
    await signInByCookie(member.page, stack.web.url, await buildMember(stack.api));
    const res = await member.page.goto(`${stack.web.url}/moderation/deflection`);
    expect(res?.status()).toBe(403);
    await member.context.close();
  });
});
