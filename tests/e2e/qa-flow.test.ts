import { describe, expect, it } from 'vitest';
import { memberByHandle, newVisitor, registerThroughUi, useStack } from '../support/e2e-fixtures.js';
import { grantReputation } from '../support/factories.js';

const stack = useStack();

/**
 * The core loop: A asks, B answers and upvotes the question, A accepts B's answer, and the
 * thread shows as answered with the solution first; B's profile lists the solution. Runs with
 * and without JavaScript.
 */
for (const javaScriptEnabled of [true, false]) {
  describe(`Q&A loop with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    it('ask → answer → vote → accept → answered', async () => {
      const asker = await newVisitor(stack.browser, { javaScriptEnabled });
      const helper = await newVisitor(stack.browser, { javaScriptEnabled });
      const askerHandle = await registerThroughUi(asker.page, stack.web.url);
      const helperHandle = await registerThroughUi(helper.page, stack.web.url);
      // Upvoting needs 15 reputation and tags nobody has used yet need 300: both earn them
      // through the real ledger (an admin adjustment), as members would over time.
      await grantReputation(stack.api, await memberByHandle(stack.api, helperHandle), 15);
      await grantReputation(stack.api, await memberByHandle(stack.api, askerHandle), 300);

      // A asks a question.
      const title = `Lights flicker after firmware update (${javaScriptEnabled ? 'js' : 'no-js'})`;
      await asker.page.getByRole('link', { name: 'Ask a question' }).click();
      await asker.page.getByLabel('Title').fill(title);
      await asker.page
        .getByLabel('Details (markdown)')
        .fill('Since 4.2 my **hallway** lights flicker every few minutes. Any idea?');
      await asker.page.getByLabel('Tags').fill('firmware, lights');
      await asker.page.getByRole('button', { name: 'Post your question' }).click();
      if (!javaScriptEnabled) {
        // Without JavaScript, similar solved questions (the run with JavaScript solved one) come
        // first: the asker posts anyway.
        await asker.page.waitForLoadState();
        const anyway = asker.page.getByRole('button', { name: 'Post my question anyway' });
        if (await anyway.count()) await anyway.click();
      }
      await expect.poll(() => asker.page.getByTestId('thread-title').textContent()).toBe(title);
      const threadUrl = asker.page.url();
      const threadId = threadUrl.split('/t/')[1]!.split(/[?#]/)[0]!;
      expect(await asker.page.getByTestId('thread-status').getAttribute('data-status')).toBe('OPEN');
      expect(await asker.page.locator('[data-testid=question] strong').textContent()).toBe('hallway');

      // B answers and upvotes the question.
      await helper.page.goto(threadUrl);
      const answer = 'Turn off "adaptive dimming" in the light group settings; 4.2 enabled it by default.';
      await helper.page.getByLabel('Reply (markdown)').fill(answer);
      await helper.page.getByRole('button', { name: 'Post reply' }).click();
      await expect.poll(() => helper.page.getByTestId('reply').count()).toBe(1);
      const question = helper.page.getByTestId('question');
      await question.getByTestId('vote-up').click();
      await expect.poll(() => question.getByTestId('post-score').textContent()).toBe('1');
      await expect.poll(() => question.getByTestId('vote-up').getAttribute('aria-pressed')).toBe('true');

      // A accepts B's answer.
      await asker.page.goto(threadUrl);
      await asker.page.getByTestId('accept-answer').click();
      await expect.poll(() => asker.page.getByTestId('thread-status').getAttribute('data-status')).toBe('ANSWERED');
      const accepted = asker.page.getByTestId('accepted-answer');
      expect(await accepted.getByTestId('post-body').textContent()).toContain('adaptive dimming');
      expect(await accepted.textContent()).toContain(helperHandle);

      // The list shows it answered too, and the database agrees.
      await asker.page.goto(stack.web.url);
      const row = asker.page.getByRole('listitem').filter({ hasText: title });
      expect(await row.getByTestId('thread-status').getAttribute('data-status')).toBe('ANSWERED');
      const [thread] = await stack.api.sql(
        `select t.status, t.reply_count, t.score, a.handle as author, r.handle as solver
           from threads t join members a on a.id = t.author_id
           join posts p on p.id = t.accepted_post_id join members r on r.id = p.author_id where t.id = $1`,
        [threadId],
      );
      expect(thread).toEqual({
        status: 'ANSWERED',
        reply_count: 1,
        score: 1,
        author: askerHandle,
        solver: helperHandle,
      });
      const votes = await stack.api.sql(
        `select m.handle, v.value from post_votes v join members m on m.id = v.voter_id
          join threads t on t.question_post_id = v.post_id where t.id = $1`,
        [threadId],
      );
      expect(votes).toEqual([{ handle: helperHandle, value: 1 }]);

      // B's profile lists the solution, linking to the answer in its thread.
      await helper.page.goto(`${stack.web.url}/u/${helperHandle}`);
      const solution = helper.page.getByTestId('solution');
      expect(await solution.count()).toBe(1);
      expect(await solution.getByRole('link').textContent()).toBe(title);
      await solution.getByRole('link').click();
      await expect.poll(() => new URL(helper.page.url()).pathname).toBe(`/t/${threadId}`);
      expect(await helper.page.getByTestId('accepted-answer').textContent()).toContain(helperHandle);

      asker.assertClean();
      helper.assertClean();
      await asker.context.close();
      await helper.context.close();
    });
  });
}

describe('forms', () => {
  it('shows validation errors inline and writes nothing', async () => {
    const member = await newVisitor(stack.browser);
    await registerThroughUi(member.page, stack.web.url);
    const [before] = await stack.api.sql('select count(*)::int as n from threads');
    await member.page.goto(`${stack.web.url}/ask`);
    await member.page.getByLabel('Title').fill('Too short');
    await member.page.getByLabel('Details (markdown)').fill('Long enough body text for the question.');
    await member.page.getByRole('button', { name: 'Post your question' }).click();
    const error = member.page.getByTestId('field-error');
    await expect.poll(() => error.textContent()).toMatch(/Title must be 15–150 characters/);
    expect(await member.page.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');
    expect(await member.page.getByLabel('Details (markdown)').inputValue()).toBe(
      'Long enough body text for the question.',
    );
    const [after] = await stack.api.sql('select count(*)::int as n from threads');
    expect(after.n).toBe(before.n);
    await member.context.close();
  });

  it('never redirects off-site after login', async () => {
    const visitor = await newVisitor(stack.browser, { javaScriptEnabled: false });
    const handle = await registerThroughUi(visitor.page, stack.web.url);
    await visitor.context.clearCookies();
    for (const target of ['//evil.example', '/%5Cevil.example', 'https://evil.example']) {
      await visitor.page.goto(`${stack.web.url}/login?redirectTo=${encodeURIComponent(target)}`);
      await visitor.page.getByLabel('Handle or email').fill(handle);
      await visitor.page.getByLabel('Password').fill('correct horse battery');
      await visitor.page.getByRole('button', { name: 'Log in' }).click();
      await expect.poll(() => new URL(visitor.page.url()).origin).toBe(stack.web.url);
      expect(new URL(visitor.page.url()).pathname).toBe('/');
      await visitor.context.clearCookies();
    }
    await visitor.context.close();
  });

  it('sends the security headers with a nonce-based CSP and an httpOnly session cookie', async () => {
    const res = await fetch(`${stack.web.url}/login`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    const html = await res.text();
    expect(html).toContain(`nonce="${nonce}"`);

    const visitor = await newVisitor(stack.browser);
    await registerThroughUi(visitor.page, stack.web.url);
    const [cookie] = await visitor.context.cookies();
    expect(cookie).toMatchObject({ name: 'hearth_session', httpOnly: true, sameSite: 'Lax', path: '/' });
    await visitor.context.close();
  });
});
