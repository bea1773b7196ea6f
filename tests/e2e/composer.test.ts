import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { newVisitor, PHONE, registerThroughUi, signInByCookie, useStack } from '../support/e2e-fixtures.js';
import { buildMember, buildThread, type TestMember } from '../support/factories.js';

const stack = useStack();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG A/AA violations within `selector` (injected by evaluate: the page's CSP allows no inline script). */
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

const bodyOf = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const select = (page: Page, label: string, from: number, to: number) =>
  bodyOf(page, label).evaluate((el, [a, b]) => (el as HTMLTextAreaElement).setSelectionRange(a!, b!), [from, to]);

let moderator: TestMember;
let thread: Awaited<ReturnType<typeof buildThread>>;
const stem = `zb${Date.now().toString(36).slice(-4)}`;

beforeAll(async () => {
  moderator = await buildMember(stack.api, { role: 'MODERATOR', handle: `${stem}_mod` });
  thread = await buildThread(stack.api, moderator, {
    title: 'Hub pairing fails after the update',
    tags: [stem, `${stem}-hub`],
  });
  await buildThread(stack.api, moderator, { title: 'Another hub question for counts', tags: [`${stem}-hub`] });
});

describe('the composer with JavaScript', () => {
  it('toolbar and shortcuts wrap the selection; the preview shows what the server renders and strips', async () => {
    const v = await newVisitor(stack.browser);
    await registerThroughUi(v.page, stack.web.url);
    await v.page.goto(`${stack.web.url}/ask`);
    const body = bodyOf(v.page, 'Details (markdown)');
    await v.page.waitForSelector('[data-testid=composer][data-enhanced=true]');
    await body.fill('make this bold please');
    await select(v.page, 'Details (markdown)', 10, 14);
    await v.page.getByRole('button', { name: 'Bold' }).click();
    expect(await body.inputValue()).toBe('make this **bold** please');
    // The selection is the wrapped word: Ctrl+I wraps it again.
    await body.press('Control+i');
    expect(await body.inputValue()).toBe('make this **_bold_** please');
    await body.press('Control+z');
    expect(await body.inputValue()).toBe('make this **bold** please');
    await body.press('End');
    await v.page.getByRole('button', { name: 'Numbered list' }).click();
    expect(await body.inputValue()).toBe('1. make this **bold** please');

    await body.fill('Hello **world** and `code`\n\n<script>window.__owned = 1</script>\n\n[bad](javascript:alert(1))');
    await v.page.getByRole('tab', { name: 'Preview' }).click();
    const preview = v.page.getByTestId('composer-preview');
    await expect.poll(() => preview.locator('strong').textContent()).toBe('world');
    expect(await preview.locator('code').textContent()).toBe('code');
    expect(await preview.locator('script').count()).toBe(0);
    expect(await preview.locator('a').getAttribute('href')).toBeNull();
    expect(await v.page.evaluate(() => (window as unknown as { __owned?: number }).__owned)).toBeUndefined();
    expect(await body.isVisible()).toBe(false);
    expect(await axeViolations(v.page, '[data-testid=composer]')).toEqual([]);
    // Back to writing: the text is as it was.
    await v.page.getByRole('tab', { name: 'Write' }).click();
    expect(await body.isVisible()).toBe(true);
    v.assertClean();
    await v.context.close();
  });

  it('tag autocomplete picks an existing tag, and tells a new member before posting that a tag is new', async () => {
    const v = await newVisitor(stack.browser);
    await registerThroughUi(v.page, stack.web.url);
    await v.page.goto(`${stack.web.url}/ask`);
    const tags = v.page.getByRole('combobox', { name: 'Tags' });
    await tags.pressSequentially(stem.slice(0, 4), { delay: 20 });
    const options = v.page.getByRole('listbox', { name: 'Tag suggestions' }).getByRole('option');
    await expect.poll(() => options.allTextContents()).toEqual([`${stem}-hub2 threads`, `${stem}1 thread`]);
    expect(await tags.getAttribute('aria-expanded')).toBe('true');
    expect(await axeViolations(v.page, 'form')).toEqual([]);
    await tags.press('ArrowDown');
    expect(await tags.getAttribute('aria-activedescendant')).toBe(await options.nth(1).getAttribute('id'));
    await tags.press('Enter');
    expect(await tags.inputValue()).toBe(`${stem}, `);
    expect(await tags.getAttribute('aria-expanded')).toBe('false');

    await tags.pressSequentially(`${stem}-brandnew`, { delay: 10 });
    const notice = v.page.getByTestId('new-tag-notice');
    await expect
      .poll(() => notice.textContent())
      .toBe(`New tag “${stem}-brandnew” — you need 300 reputation to create tags. Pick an existing tag instead.`);
    expect(await notice.getAttribute('data-allowed')).toBe('false');
    expect(await stack.api.sql('select 1 from tags where name = $1', [`${stem}-brandnew`])).toEqual([]);
    v.assertClean();
    await v.context.close();

    // A moderator may create tags: the same tag is only "new".
    const staff = await newVisitor(stack.browser);
    await signInByCookie(staff.page, stack.web.url, moderator);
    await staff.page.goto(`${stack.web.url}/ask`);
    await staff.page.getByRole('combobox', { name: 'Tags' }).pressSequentially(`${stem}-brandnew`, { delay: 10 });
    await expect
      .poll(() => staff.page.getByTestId('new-tag-notice').textContent())
      .toBe(`New tag “${stem}-brandnew” — it will be created when you post.`);
    staff.assertClean();
    await staff.context.close();
  });

  it('mention autocomplete suggests handles and inserts the chosen one', async () => {
    const v = await newVisitor(stack.browser);
    await registerThroughUi(v.page, stack.web.url);
    await v.page.goto(`${stack.web.url}/t/${thread.id}`);
    await v.page.waitForSelector('[data-testid=composer][data-enhanced=true]');
    const reply = bodyOf(v.page, 'Reply (markdown)');
    await reply.click();
    await reply.pressSequentially(`Thanks @${stem.slice(0, 4)}`, { delay: 20 });
    const list = v.page.getByRole('listbox', { name: 'Members to mention' });
    await expect.poll(() => list.getByRole('option').allTextContents()).toEqual([`@${stem}_mod0 rep`]);
    expect(await reply.getAttribute('aria-activedescendant')).toBe(
      await list.getByRole('option').first().getAttribute('id'),
    );
    expect(await axeViolations(v.page, '[data-testid=composer]')).toEqual([]);
    await reply.press('Enter');
    expect(await reply.inputValue()).toBe(`Thanks @${stem}_mod `);
    expect(await list.count()).toBe(0);
    // The toolbar's @ starts a mention at the cursor.
    await v.page.getByRole('button', { name: 'Mention a member' }).click();
    expect(await reply.inputValue()).toBe(`Thanks @${stem}_mod @`);
    v.assertClean();
    await v.context.close();
  });

  it("the ask form's draft survives a reload, can be discarded, and is cleared once the question is posted", async () => {
    const v = await newVisitor(stack.browser);
    await registerThroughUi(v.page, stack.web.url);
    await v.page.goto(`${stack.web.url}/ask`);
    await v.page.waitForSelector('[data-testid=composer][data-enhanced=true]');
    const title = `Draft kept across a reload ${stem}`;
    const text = 'This body was typed, then the page was reloaded before posting it.';
    await v.page.getByLabel('Title').fill(title);
    await bodyOf(v.page, 'Details (markdown)').fill(text);
    await v.page.getByRole('combobox', { name: 'Tags' }).fill(stem);
    await expect.poll(() => v.page.getByTestId('draft-status').textContent()).toBe('Draft saved');

    await v.page.reload();
    await expect.poll(() => bodyOf(v.page, 'Details (markdown)').inputValue()).toBe(text);
    expect(await v.page.getByLabel('Title').inputValue()).toBe(title);
    expect(await v.page.getByRole('combobox', { name: 'Tags' }).inputValue()).toBe(stem);
    expect(await v.page.getByTestId('draft-status').textContent()).toBe('Draft restored');
    // Restoring is not typing: the tag list stays closed.
    expect(await v.page.getByRole('combobox', { name: 'Tags' }).getAttribute('aria-expanded')).toBe('false');

    // Discard empties the form; the next draft starts again.
    await v.page.getByRole('button', { name: 'Discard draft' }).click();
    expect(await bodyOf(v.page, 'Details (markdown)').inputValue()).toBe('');
    expect(await v.page.evaluate(() => localStorage.getItem('hearth.draft.ask'))).toBeNull();
    await v.page.getByLabel('Title').fill(title);
    await bodyOf(v.page, 'Details (markdown)').fill(text);
    await v.page.getByRole('combobox', { name: 'Tags' }).fill(stem);
    await v.page.getByRole('combobox', { name: 'Tags' }).press('Escape');
    await expect.poll(() => v.page.evaluate(() => localStorage.getItem('hearth.draft.ask'))).not.toBeNull();

    await v.page.getByRole('button', { name: 'Post your question' }).click();
    await expect.poll(() => v.page.getByTestId('thread-title').textContent()).toBe(title);
    expect(v.page.url()).toMatch(/\/t\/\d+$/);
    expect(await v.page.evaluate(() => localStorage.getItem('hearth.draft.ask'))).toBeNull();
    await v.page.goto(`${stack.web.url}/ask`);
    await v.page.waitForSelector('[data-testid=composer][data-enhanced=true]');
    expect(await bodyOf(v.page, 'Details (markdown)').inputValue()).toBe('');
    expect(await v.page.getByTestId('draft-status').count()).toBe(0);
    v.assertClean();
    await v.context.close();
  });

  it("a reply's draft and an edit's draft each survive a reload and go once posted", async () => {
    const author = await buildMember(stack.api);
    const own = await buildThread(stack.api, author, { title: 'Sensor battery drains in two days' });
    const v = await newVisitor(stack.browser);
    await signInByCookie(v.page, stack.web.url, author);
    const threadUrl = `${stack.web.url}/t/${own.id}`;
    const reply = 'A reply drafted, reloaded, and then posted for real.';
    await v.page.goto(threadUrl);
    await v.page.waitForSelector('[data-testid=composer][data-enhanced=true]');
    await bodyOf(v.page, 'Reply (markdown)').fill(reply);
    await expect.poll(() => v.page.getByTestId('draft-status').textContent()).toBe('Draft saved');
    await v.page.reload();
    await expect.poll(() => bodyOf(v.page, 'Reply (markdown)').inputValue()).toBe(reply);
    await v.page.getByRole('button', { name: 'Post reply' }).click();
    await expect.poll(() => v.page.getByTestId('reply').count()).toBe(1);
    await expect.poll(() => bodyOf(v.page, 'Reply (markdown)').inputValue()).toBe('');
    expect(await v.page.evaluate((key) => localStorage.getItem(key), `hearth.draft.reply:${own.id}`)).toBeNull();

    // An edit's draft is its post's, and goes once the edit is saved.
    const question = own.question.id;
    await v.page.goto(`${threadUrl}?edit=${question}`);
    await v.page.waitForSelector('[data-testid=composer][data-enhanced=true]');
    await bodyOf(v.page, 'Edit post').fill('The battery lasts two days since 4.2. Edited to add the firmware version.');
    await expect.poll(() => v.page.getByTestId('draft-status').textContent()).toBe('Draft saved');
    await v.page.reload();
    await expect
      .poll(() => bodyOf(v.page, 'Edit post').inputValue())
      .toBe('The battery lasts two days since 4.2. Edited to add the firmware version.');
    const editKey = `hearth.draft.edit:${question}`;
    expect(await v.page.evaluate((key) => localStorage.getItem(key), editKey)).not.toBeNull();
    await v.page.getByRole('button', { name: 'Save edit' }).click();
    await expect
      .poll(() => v.page.getByTestId('question').getByTestId('post-body').textContent())
      .toContain('Edited to add the firmware version.');
    expect(await v.page.evaluate((key) => localStorage.getItem(key), editKey)).toBeNull();
    v.assertClean();
    await v.context.close();
  });

  it('fits a 390 px phone without horizontal overflow, preview included', async () => {
    const phone = await newVisitor(stack.browser, PHONE);
    await registerThroughUi(phone.page, stack.web.url);
    await phone.page.goto(`${stack.web.url}/ask`);
    await phone.page.waitForSelector('[data-testid=composer][data-enhanced=true]');
    await bodyOf(phone.page, 'Details (markdown)').fill(
      `A long line: ${'x'.repeat(300)}\n\n\`\`\`\n${'const y = 1; '.repeat(40)}\n\`\`\``,
    );
    await phone.page.getByRole('tab', { name: 'Preview' }).click();
    await expect.poll(() => phone.page.getByTestId('composer-preview').locator('pre').count()).toBe(1);
    const overflow = () =>
      phone.page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
    expect(await overflow()).toBe(false);
    expect(await phone.page.getByRole('toolbar', { name: 'Formatting' }).boundingBox()).toMatchObject({
      width: expect.any(Number),
    });
    const box = (await phone.page.getByRole('toolbar', { name: 'Formatting' }).boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await phone.page.goto(`${stack.web.url}/t/${thread.id}`);
    await phone.page.waitForSelector('[data-testid=composer][data-enhanced=true]');
    expect(await overflow()).toBe(false);
    phone.assertClean();
    await phone.context.close();
  });
});

describe('the composer without JavaScript', () => {
  it('is the plain textarea, and the question and a reply post as before', async () => {
    const v = await newVisitor(stack.browser, { javaScriptEnabled: false });
    await registerThroughUi(v.page, stack.web.url);
    await v.page.goto(`${stack.web.url}/ask`);
    expect(await v.page.getByTestId('composer-toolbar').count()).toBe(0);
    expect(await v.page.getByRole('tab').count()).toBe(0);
    const title = `Posted without JavaScript ${stem}`;
    await v.page.getByLabel('Title').fill(title);
    await bodyOf(v.page, 'Details (markdown)').fill('Plain textarea, **still markdown**, posted without any script.');
    await v.page.getByLabel('Tags').fill(stem);
    await v.page.getByRole('button', { name: 'Post your question' }).click();
    await v.page.waitForLoadState();
    const anyway = v.page.getByRole('button', { name: 'Post my question anyway' });
    if (await anyway.count()) await anyway.click();
    await expect.poll(() => v.page.getByTestId('thread-title').textContent()).toBe(title);
    expect(await v.page.locator('[data-testid=question] strong').textContent()).toBe('still markdown');

    await bodyOf(v.page, 'Reply (markdown)').fill('A reply from the plain textarea, _no script needed_.');
    await v.page.getByRole('button', { name: 'Post reply' }).click();
    await expect.poll(() => v.page.getByTestId('reply').count()).toBe(1);
    expect(await v.page.getByTestId('reply').locator('em').textContent()).toBe('no script needed');
    await v.context.close();
  });
});
