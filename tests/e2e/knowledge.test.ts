import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { scanTextContrast } from '../support/contrast-scan.js';
import { newVisitor, PHONE, signInByCookie, useStack } from '../support/e2e-fixtures.js';
import { buildMember, buildReply, buildThread } from '../support/factories.js';

const stack = useStack();

/** A desktop browser, not a bot: its page loads count as views. */
const BROWSER_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/** Every visible text on the page meets WCAG AA against what is behind it. */
async function expectContrast(page: Page, label: string) {
  const texts = await scanTextContrast(page);
  expect(texts.length).toBeGreaterThan(5);
  expect(
    texts.filter((t) => t.ratio < t.required).map((t) => `${t.selector} "${t.text}" ${t.color} ${t.ratio}`),
    label,
  ).toEqual([]);
}

describe('knowledge base', () => {
  it('an accepted answer becomes a draft; staff edit and publish it; a visitor on a phone reads it and finds it helpful', async () => {
    const [asker, answerer, moderator] = await Promise.all([
      buildMember(stack.api),
      buildMember(stack.api),
      buildMember(stack.api, { role: 'MODERATOR' }),
    ]);
    await stack.api.sql(`insert into tags (name) values ('sync') on conflict do nothing`);
    const thread = await buildThread(stack.api, asker, {
      title: 'Sync stops after the 2.3 update on Windows',
      body: 'Sync stopped after updating; the tray icon stays grey.\n\nVersion: 2.3.1\nOS: Windows 11',
      tags: ['sync'],
    });
    const reply = await buildReply(stack.api, answerer, thread.id);
    const accepted = await stack.api.gql(
      `mutation($id: ID!) { acceptAnswer(postId: $id) { id } }`,
      { id: reply.id },
      { token: asker.token, ip: asker.ip },
    );
    expect(accepted.errors).toBeUndefined();
    // The knowledge.sources subscriber drafts the article after the accept commits.
    const articleOf = async () =>
      (
        await stack.api.gql(
          `query($id: ID!) { thread(id: $id) { article { id state } } }`,
          { id: thread.id },
          { token: moderator.token, ip: moderator.ip },
        )
      ).data.thread.article as { id: string; state: string } | null;
    await expect.poll(articleOf, { timeout: 10_000 }).not.toBeNull();
    const { id: articleId } = (await articleOf())!;

    // Staff: the thread points at the draft; the queue lists it; edit the resolution; publish.
    const staff = await newVisitor(stack.browser);
    const { page } = staff;
    await signInByCookie(page, stack.web.url, moderator);
    await page.goto(`${stack.web.url}/t/${thread.id}`);
    expect(await page.getByTestId('thread-article').textContent()).toContain('Knowledge draft made from this thread');
    await page.goto(`${stack.web.url}/moderation/knowledge`);
    const item = page.getByTestId('queue-item').filter({ hasText: thread.title });
    expect(await item.getByTestId('article-state').textContent()).toBe('Draft');
    await expectContrast(page, 'queue, light');
    await item.getByRole('link', { name: thread.title }).click();
    await page.waitForURL(`${stack.web.url}/kb/${articleId}`);
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await page.waitForURL(`${stack.web.url}/kb/${articleId}/edit`);
    // Too short a resolution: the API's message shows beside the field, and nothing is saved.
    await page.getByLabel('Resolution (markdown)').fill('Too short.');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('field-error').count()).toBe(1);
    await page
      .getByLabel('Resolution (markdown)')
      .fill('Open **Settings → Accounts**, sign out, then sign in again: the update rotated the sync tokens.');
    await page.getByLabel('Note for the version history (optional)').fill('Steps a reader can follow');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(`${stack.web.url}/kb/${articleId}`);
    expect(await page.getByTestId('article-resolution').textContent()).toContain('Settings → Accounts');
    expect(await page.getByTestId('versions').textContent()).toContain(`@${moderator.handle} changed Resolution`);
    await page.getByRole('link', { name: 'Compare version 2 with version 1' }).click();
    await expect.poll(() => page.locator('[data-testid=compare] [data-diff=add]').count()).toBeGreaterThan(0);
    await page.getByTestId('publish-article').click();
    await expect.poll(() => page.getByTestId('article-state').first().getAttribute('data-state')).toBe('PUBLISHED');
    await expectContrast(page, 'article for staff, light');
    staff.assertClean();
    await staff.context.close();

    // A visitor on a phone: the list, the article's parts, its contributors and source, a vote.
    const visitor = await newVisitor(stack.browser, { ...PHONE, userAgent: BROWSER_UA });
    const v = visitor.page;
    await v.goto(`${stack.web.url}/kb`);
    await v.getByRole('link', { name: thread.title }).click();
    await v.waitForURL(`${stack.web.url}/kb/${articleId}`);
    expect(await v.getByTestId('article-title').textContent()).toBe(thread.title);
    expect(await v.getByTestId('article-issue').textContent()).toContain('the tray icon stays grey');
    expect(await v.getByTestId('article-environment').textContent()).toContain('Windows 11');
    expect(await v.getByTestId('article-resolution').textContent()).toContain('sign in again');
    expect(await v.getByTestId('article-cause').count()).toBe(0);
    expect(await v.getByTestId('staff-tools').count()).toBe(0);
    const contributors = (await v.getByTestId('contributors').innerText()).replace(/\s+/g, ' ');
    expect(contributors).toContain(`@${answerer.handle} answered`);
    expect(contributors).toContain(`@${asker.handle} asked`);
    expect(await v.getByTestId('source-thread').getAttribute('href')).toBe(`/t/${thread.id}`);
    expect(await v.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectContrast(v, 'article for a visitor on a phone');
    await v.getByTestId('helpful-yes').click();
    await expect.poll(() => v.getByTestId('helpful-thanks').count()).toBe(1);
    expect(await v.getByTestId('helpful-counts').textContent()).toBe('1 of 1 person found this helpful.');
    expect(await v.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // A later visit remembers the vote; changing it shows the form again.
    await v.goto(`${stack.web.url}/kb/${articleId}`);
    expect(await v.getByTestId('helpful-thanks').textContent()).toContain('You said this helped.');
    await v.getByRole('link', { name: 'Change your answer' }).click();
    await v.getByTestId('helpful-no').click();
    await expect.poll(() => v.getByTestId('helpful-thanks').textContent()).toContain('Sorry it did not help');
    expect(await v.getByTestId('helpful-counts').textContent()).toBe('0 of 1 person found this helpful.');
    visitor.assertClean();
    await visitor.context.close();
    const [{ views }] = await stack.api.sql<{ views: number }>(
      'select view_count as views from articles where id = $1',
      [articleId],
    );
    expect(views).toBe(1);

    // The thread now sends readers to the article.
    const reader = await fetch(`${stack.web.url}/t/${thread.id}`).then((r) => r.text());
    expect(reader).toContain('This question is answered in the knowledge base');
  });

  it('staff make an article from any answer and see the queue in dark mode; members are refused; a bad id is a 404', async () => {
    const [asker, answerer, moderator, member] = await Promise.all([
      buildMember(stack.api),
      buildMember(stack.api),
      buildMember(stack.api, { role: 'MODERATOR' }),
      buildMember(stack.api),
    ]);
    const thread = await buildThread(stack.api, asker);
    await buildReply(stack.api, answerer, thread.id);

    const staff = await newVisitor(stack.browser, { colorScheme: 'dark' });
    await signInByCookie(staff.page, stack.web.url, moderator);
    await staff.page.goto(`${stack.web.url}/t/${thread.id}`);
    expect(await staff.page.getByTestId('question').getByTestId('make-article').count()).toBe(0);
    await staff.page.getByTestId('reply').getByTestId('make-article').click();
    await staff.page.waitForURL(/\/kb\/\d+\/edit$/);
    // The URL changes as the navigation commits; the new page renders just after.
    await expect.poll(() => staff.page.getByRole('heading', { level: 1 }).textContent()).toBe('Edit article');
    await staff.page.goto(`${stack.web.url}/moderation/knowledge`);
    await expectContrast(staff.page, 'queue, dark');
    staff.assertClean();
    await staff.context.close();

    const someone = await newVisitor(stack.browser);
    await signInByCookie(someone.page, stack.web.url, member);
    expect((await someone.page.goto(`${stack.web.url}/moderation/knowledge`))?.status()).toBe(403);
    await someone.context.close();
    for (const path of ['/kb/abc', '/kb/2147483647', '/kb/0/edit']) {
      expect((await fetch(`${stack.web.url}${path}`)).status, path).toBe(404);
    }
  });
});
