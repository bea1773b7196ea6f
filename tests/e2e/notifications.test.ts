import { describe, expect, it } from 'vitest';
import { newVisitor, PHONE, signInByCookie, useStack } from '../support/e2e-fixtures.js';
import { buildMember, buildReply, buildThread } from '../support/factories.js';

const stack = useStack();

const noOverflow = (page: import('playwright-core').Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

/**
 * A member is mentioned: the header's bell counts it live (no reload: the page's /live stream
 * tells it), the notifications page lists it unread, opening it leads to the post and marks it read,
 * and "Mark all as read" clears the rest. The thread page's follow controls and the email
 * settings page work without JavaScript, on a phone too.
 */
describe('notifications in the web app', () => {
  it('a mention shows in the bell, opens the post and is then read; mark all as read clears the rest', async () => {
    // Reputation 0: no level reached, so the mention is the member's only notification.
    const [asker, writer, mentioned] = await Promise.all([
      buildMember(stack.api),
      buildMember(stack.api),
      buildMember(stack.api, { reputation: 0 }),
    ]);
    const thread = await buildThread(stack.api, asker);
    const visitor = await newVisitor(stack.browser);
    const { page } = visitor;
    // The page's live stream, opened once the page has hydrated.
    const streaming = page.waitForResponse((r) => new URL(r.url()).pathname === '/live' && r.status() === 200);
    await signInByCookie(page, stack.web.url, mentioned);
    await page.goto(stack.web.url);
    await streaming;
    const bell = page.getByTestId('notification-bell');
    expect(await bell.getAttribute('aria-label')).toBe('Notifications');

    const reply = await buildReply(
      stack.api,
      writer,
      thread.id,
      `@${mentioned.handle} knows this one: it is the token.`,
    );
    await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 15_000 }).toBe('Notifications, 1 unread');
    expect(await page.getByTestId('notification-count').textContent()).toBe('1');
    expect(await page.getByTestId('live-announcement').textContent()).toBe(
      `New notification: ${writer.handle} mentioned you in “${thread.title}”`,
    );

    await bell.click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/notifications');
    const item = page.locator('[data-testid=notification][data-kind=MENTION]');
    expect(await item.getAttribute('data-unread')).toBe('true');
    expect(await item.textContent()).toContain(`${writer.handle} mentioned you in “${thread.title}”`);
    expect(await page.getByTestId('unread-summary').textContent()).toBe('1 unread');

    await item.getByRole('link').click();
    await expect.poll(() => page.getByTestId('thread-title').textContent()).toBe(thread.title);
    const url = new URL(page.url());
    expect(url.pathname).toBe(`/t/${thread.id}`);
    expect(url.hash).toBe(`#post-${reply.id}`);
    // The mention renders as a link to the member's profile.
    expect(await page.locator(`#post-${reply.id} a.mention`).getAttribute('href')).toBe(`/u/${mentioned.handle}`);
    expect(await bell.getAttribute('aria-label')).toBe('Notifications');
    await page.goto(`${stack.web.url}/notifications`);
    expect(await item.getAttribute('data-unread')).toBe('false');
    expect(await page.getByTestId('mark-all-read').count()).toBe(0);

    // Two more mentions, then all of them read at once.
    await buildReply(stack.api, writer, thread.id, `Also @${mentioned.handle}: check the device clock first.`);
    await buildReply(stack.api, asker, thread.id, `Thanks @${mentioned.handle}, that fixed the sync for me.`);
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.getByTestId('unread-summary').textContent();
        },
        { timeout: 10_000, interval: 500 },
      )
      .toBe('2 unread');
    await page.getByTestId('mark-all-read').click();
    await expect.poll(() => page.getByTestId('unread-summary').textContent()).toBe('Nothing unread.');
    expect(await page.locator('[data-testid=notification][data-unread=true]').count()).toBe(0);
    visitor.assertClean();
    await visitor.context.close();
  });

  it('follow and mute a thread and a category without JavaScript', async () => {
    const [asker, member] = await Promise.all([buildMember(stack.api), buildMember(stack.api)]);
    const thread = await buildThread(stack.api, asker);
    const visitor = await newVisitor(stack.browser, { javaScriptEnabled: false });
    const { page } = visitor;
    await signInByCookie(page, stack.web.url, member);
    await page.goto(`${stack.web.url}/t/${thread.id}`);
    const controls = page.getByTestId('thread-watch');
    expect(await controls.getByTestId('watch-status').textContent()).toBe('You are not following this thread.');
    await controls.getByTestId('watch-following').click();
    await expect.poll(() => controls.getByTestId('watch-status').textContent()).toBe('You follow this thread.');
    expect(new URL(page.url()).pathname).toBe(`/t/${thread.id}`);
    await controls.getByTestId('watch-muted').click();
    await expect
      .poll(() => controls.getByTestId('watch-status').textContent())
      .toBe('You muted this thread: you are told of nothing in it.');
    await controls.getByTestId('watch-none').click();
    await expect
      .poll(() => controls.getByTestId('watch-status').textContent())
      .toBe('You are not following this thread.');

    // The asker follows by default, and is told why.
    const askerVisitor = await newVisitor(stack.browser);
    await signInByCookie(askerVisitor.page, stack.web.url, asker);
    await askerVisitor.page.goto(`${stack.web.url}/t/${thread.id}`);
    await expect
      .poll(
        async () => {
          await askerVisitor.page.reload();
          return askerVisitor.page.getByTestId('thread-watch').getByTestId('watch-status').textContent();
        },
        { timeout: 10_000, interval: 500 },
      )
      .toBe('You follow this thread because you asked.');

    // A category: follow from its page.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link').nth(1).click();
    const category = page.getByTestId('category-watch');
    await category.getByTestId('watch-following').click();
    await expect.poll(() => category.getByTestId('watch-status').textContent()).toBe('You follow this category.');
    const [watch] = await stack.api.sql(
      'select level from notification_watches where member_id = $1 and category_id is not null',
      [member.id],
    );
    expect(watch).toEqual({ level: 'FOLLOWING' });
    visitor.assertClean();
    askerVisitor.assertClean();
    await Promise.all([visitor.context.close(), askerVisitor.context.close()]);
  });

  it('the email settings page on a phone, without JavaScript: choose per kind, saved and shown again', async () => {
    const member = await buildMember(stack.api);
    const visitor = await newVisitor(stack.browser, { ...PHONE, javaScriptEnabled: false });
    const { page } = visitor;
    await page.goto(`${stack.web.url}/login`);
    await page.getByLabel('Handle or email').fill(member.handle);
    await page.getByLabel('Password').fill(member.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    // The bell stays in the bar on a phone.
    expect(await page.getByTestId('notification-bell').isVisible()).toBe(true);
    expect(await noOverflow(page)).toBe(true);

    await page.getByTestId('notification-bell').click();
    await page.getByRole('link', { name: 'Email settings' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/settings/notifications');
    expect(await noOverflow(page)).toBe(true);
    const reply = page.locator('fieldset[data-kind=REPLY]');
    expect(await reply.getByLabel('Immediately').isChecked()).toBe(true);
    await reply.getByLabel('Never').check();
    await page.locator('fieldset[data-kind=NEW_THREAD]').getByLabel('Immediately').check();
    await page.getByTestId('save-preferences').click();
    await expect.poll(() => page.getByTestId('preferences-saved').count()).toBe(1);
    await page.goto(`${stack.web.url}/settings/notifications`);
    expect(await reply.getByLabel('Never').isChecked()).toBe(true);
    expect(await page.locator('fieldset[data-kind=NEW_THREAD]').getByLabel('Immediately').isChecked()).toBe(true);
    expect(await noOverflow(page)).toBe(true);
    const rows = await stack.api.sql(
      'select kind, email from notification_preferences where member_id = $1 and kind in ($2, $3) order by kind',
      [member.id, 'NEW_THREAD', 'REPLY'],
    );
    expect(rows).toEqual([
      { kind: 'NEW_THREAD', email: 'IMMEDIATELY' },
      { kind: 'REPLY', email: 'NEVER' },
    ]);
    visitor.assertClean();
    await visitor.context.close();
  });
});
