import { describe, expect, it } from 'vitest';
import { newVisitor, useStack } from '../support/e2e-fixtures.js';
import { buildMember, buildThread } from '../support/factories.js';

// "3 minutes ago" is computed from a clock. The browser hydrates the page the server rendered;
// if it used its own clock (three hours fast here, or a minute boundary crossed in between), the
// text would differ from the server's and React would throw away the page (error 418).
const stack = useStack();

describe('relative times', () => {
  it('hydrate as the server rendered them, whatever the browser clock says', async () => {
    const thread = await buildThread(stack.api, await buildMember(stack.api));
    const visitor = await newVisitor(stack.browser);
    await visitor.page.clock.setFixedTime(new Date(Date.now() + 3 * 3_600_000));
    await visitor.page.goto(`${stack.web.url}/t/${thread.id}`);
    // Hydrated (the menu button is rendered by the client), without a mismatch: assertClean
    // fails on React's error 418.
    await expect.poll(() => visitor.page.locator('button[aria-controls="site-menu"]').count()).toBe(1);
    visitor.assertClean();
  });
});
