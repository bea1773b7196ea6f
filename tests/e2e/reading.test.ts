import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { scanTextContrast } from '../support/contrast-scan.js';
import { newVisitor, PHONE, signInByCookie, useStack } from '../support/e2e-fixtures.js';
import { buildMember, buildReply, buildThread, type TestMember } from '../support/factories.js';

// Reading (issue 13 item 4): the edit history with its word diff, avatars (generated, uploaded
// through the web app without JavaScript), and the dark colour scheme.
const stack = useStack();

const EDIT = `mutation($input: EditPostInput!) { editPost(input: $input) { id } }`;
async function edit(by: TestMember, input: Record<string, unknown>) {
  const res = await stack.api.gql(EDIT, { input }, { token: by.token, ip: by.ip });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
}

const texts = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) => els.map((e) => e.textContent?.trim() ?? ''));

describe('the edit history', () => {
  it('is linked from an edited post and shows inserted and deleted words, the reason and the title change', async () => {
    const author = await buildMember(stack.api);
    const thread = await buildThread(stack.api, author, {
      title: 'How do I pair the hub with a second phone?',
      body: 'I set up the hub on my phone. My partner wants to control it from her phone too.',
    });
    // The first edit through the thread page's form, with a reason (without JavaScript: the form
    // works without it, and nothing hydrates under the test's typing).
    const editor = await newVisitor(stack.browser, { javaScriptEnabled: false });
    await signInByCookie(editor.page, stack.web.url, author);
    await editor.page.goto(`${stack.web.url}/t/${thread.id}?edit=${thread.question.id}`);
    await editor.page
      .getByLabel('Edit post')
      .fill('I set up the hub on my phone. My partner wants to control it from her tablet too.');
    await editor.page.getByLabel('Edit reason (optional)').fill('it is a tablet');
    await editor.page.getByRole('button', { name: 'Save edit' }).click();
    await expect.poll(() => editor.page.getByTestId('edit-history-link').count()).toBe(1);
    editor.assertClean();
    await editor.context.close();
    await edit(author, {
      postId: thread.question.id,
      title: 'How do I share the hub with a second phone?',
      body: 'I set up the hub on my phone. My partner wants to control it from her tablet too.',
    });
    const visitor = await newVisitor(stack.browser);
    await visitor.page.goto(`${stack.web.url}/t/${thread.id}`);
    const link = visitor.page.getByTestId('edit-history-link');
    expect(await link.textContent()).toBe('edited 2 times');
    await link.click();
    await visitor.page.waitForURL(`**/posts/${thread.question.id}/revisions`);
    await expect.poll(() => visitor.page.getByRole('heading', { level: 1 }).textContent()).toBe('Edit history');
    const revisions = visitor.page.getByTestId('revision');
    expect(await revisions.count()).toBe(3);
    // Newest first: revision 3 changed the title, revision 2 the body, with its reason.
    expect(await texts(visitor.page, '[data-testid=revision] h2')).toEqual(['Revision 3', 'Revision 2', 'Original']);
    const titleChanges = revisions.nth(0).getByRole('region', { name: 'Title changes' });
    expect(await titleChanges.locator('del').allTextContents()).toEqual(['pair']);
    expect(await titleChanges.locator('ins').allTextContents()).toEqual(['share']);
    expect(await revisions.nth(1).getByTestId('revision-reason').textContent()).toBe('Reason: it is a tablet');
    const bodyChanges = revisions.nth(1).getByRole('region', { name: 'Body changes' });
    expect(await bodyChanges.locator('del').allTextContents()).toEqual(['phone']);
    expect(await bodyChanges.locator('ins').allTextContents()).toEqual(['tablet']);
    // Not by colour alone: struck through and underlined, and announced to screen readers.
    const del = revisions.nth(1).locator('del').first();
    expect(await del.evaluate((e) => getComputedStyle(e).textDecorationLine)).toBe('line-through');
    expect(await del.evaluate((e) => getComputedStyle(e, '::before').content)).toBe('" [removed: "');
    expect(
      await revisions
        .nth(1)
        .locator('ins')
        .first()
        .evaluate((e) => getComputedStyle(e).textDecorationLine),
    ).toBe('underline');
    visitor.assertClean();
    await visitor.context.close();
  });

  it('of a hidden post is a 404 for visitors, as if it did not exist', async () => {
    const author = await buildMember(stack.api);
    const moderator = await buildMember(stack.api, { role: 'MODERATOR' });
    const thread = await buildThread(stack.api, author);
    const reply = await buildReply(stack.api, author, thread.id);
    await edit(author, { postId: reply.id, body: 'An edited reply that a moderator will hide.' });
    const hidden = await stack.api.gql(
      `mutation($input: HidePostInput!) { hidePost(input: $input) { id } }`,
      { input: { postId: reply.id, reason: 'checking' } },
      { token: moderator.token },
    );
    expect(hidden.errors).toBeUndefined();
    const res = await fetch(`${stack.web.url}/posts/${reply.id}/revisions`);
    expect(res.status).toBe(404);
    expect((await fetch(`${stack.web.url}/posts/99999999/revisions`)).status).toBe(404);
  });
});

describe('avatars', () => {
  it('are served from the web app’s origin, and nothing else of the API is reachable that way', async () => {
    const generated = await fetch(`${stack.web.url}/avatars/g/jane_doe.svg`);
    expect(generated.status).toBe(200);
    expect(generated.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await generated.text()).toContain('>JD</text>');
    for (const path of ['/avatars/g/a%2F..%2F..%2Fhealthz', '/avatars/u/1-0123456789abcdef-256.webp', '/avatars/x']) {
      expect((await fetch(`${stack.web.url}${path}`)).status, path).toBe(404);
    }
  });

  it('a member uploads one without JavaScript and sees it on their profile and posts; a wrong file is refused', async () => {
    const member = await buildMember(stack.api);
    await buildThread(stack.api, member);
    const visitor = await newVisitor(stack.browser, { javaScriptEnabled: false });
    const { page } = visitor;
    await page.goto(`${stack.web.url}/login`);
    await page.getByLabel('Handle or email').fill(member.handle);
    await page.getByLabel('Password').fill(member.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${stack.web.url}/u/${member.handle}`);
    const profileAvatar = page.locator('main [data-testid=avatar]').first();
    expect(await profileAvatar.getAttribute('src')).toBe(`/avatars/g/${member.handle}.svg`);
    await page.getByRole('link', { name: 'Change avatar' }).click();
    await page.waitForURL('**/settings/avatar');

    // A text file named like an image: refused by its content.
    await page.getByLabel('New image').setInputFiles({
      name: 'photo.png',
      mimeType: 'image/png',
      buffer: Buffer.from('not an image at all, just text'),
    });
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.waitForLoadState();
    expect(await page.getByRole('alert').first().textContent()).toContain('not a PNG, JPEG, WebP or GIF');

    const png = await sharp({ create: { width: 500, height: 300, channels: 3, background: '#2563eb' } })
      .png()
      .toBuffer();
    await page.getByLabel('New image').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.waitForURL(`**/u/${member.handle}`);
    const src = await profileAvatar.getAttribute('src');
    expect(src).toMatch(new RegExp(`^/avatars/u/${member.id}-[0-9a-f]{16}-256\\.webp$`));
    // The image loads from the web app's own origin, square, and long-cached.
    expect(await profileAvatar.evaluate((img: HTMLImageElement) => [img.complete, img.naturalWidth])).toEqual([
      true,
      256,
    ]);
    const served = await fetch(`${stack.web.url}${src}`);
    expect(served.headers.get('content-type')).toBe('image/webp');
    expect(served.headers.get('cache-control')).toContain('immutable');
    // The header and the member's posts show it too (the small size).
    const small = src!.replace('-256.webp', '-64.webp');
    expect(await page.locator(`header [data-testid=avatar][src="${small}"]`).count()).toBeGreaterThan(0);

    // Removing it brings the generated one back.
    await page.goto(`${stack.web.url}/settings/avatar`);
    await page.getByRole('button', { name: 'Remove it and use the generated avatar' }).click();
    await page.waitForURL(`**/u/${member.handle}`);
    expect(await profileAvatar.getAttribute('src')).toBe(`/avatars/g/${member.handle}.svg`);
    visitor.assertClean();
    await visitor.context.close();
  });
});

describe('dark colour scheme and phones', () => {
  it(
    'the thread, its edit history, the member page and the avatar page pass the contrast scan in dark mode, and fit 390 px',
    { timeout: 150_000 },
    async () => {
      const author = await buildMember(stack.api);
      const thread = await buildThread(stack.api, author);
      await buildReply(stack.api, await buildMember(stack.api), thread.id);
      await edit(author, {
        postId: thread.question.id,
        body: 'An edited question body, long enough to pass, with a changed word or two in it.',
        reason: 'clearer',
      });
      const paths = [
        `/t/${thread.id}`,
        `/posts/${thread.question.id}/revisions`,
        `/u/${author.handle}`,
        '/settings/avatar',
      ];
      // Phones in dark mode: every path; a desktop in dark mode: the diff, whose colours are its own.
      for (const [shape, shapePaths] of [
        [PHONE, paths],
        [{}, [paths[1]!]],
      ] as const) {
        const phone = 'viewport' in shape;
        const visitor = await newVisitor(stack.browser, { colorScheme: 'dark', ...shape });
        await signInByCookie(visitor.page, stack.web.url, author);
        for (const path of shapePaths) {
          await visitor.page.goto(`${stack.web.url}${path}`);
          const scanned = await scanTextContrast(visitor.page);
          expect(scanned.length).toBeGreaterThan(5);
          expect(
            scanned
              .filter((t) => t.ratio < t.required)
              .map((t) => `${path} ${t.selector} "${t.text}" ${t.color} ${t.ratio}`),
            phone ? 'phone' : 'desktop',
          ).toEqual([]);
          if (phone) {
            const width = await visitor.page.evaluate(() => document.documentElement.scrollWidth);
            expect(width, `${path} at 390 px`).toBeLessThanOrEqual(390);
          }
        }
        // The scheme really is dark: the page's background is near black, its text light.
        const [bg, fg] = await visitor.page.evaluate(() => [
          getComputedStyle(document.body).backgroundColor,
          getComputedStyle(document.body).color,
        ]);
        expect(bg).not.toBe('rgb(248, 250, 252)');
        expect(fg).not.toBe('rgb(15, 23, 42)');
        visitor.assertClean();
        await visitor.context.close();
      }
    },
  );
});
