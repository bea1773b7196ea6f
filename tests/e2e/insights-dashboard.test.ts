import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { scanTextContrast } from '../support/contrast-scan.js';
import { newVisitor, PHONE, signInByCookie, useStack } from '../support/e2e-fixtures.js';
import { buildMember, buildReply, buildThread } from '../support/factories.js';

// The staff insights dashboard (PRODUCT.md capability 8, web half): figures, server-rendered
// charts, a GET form for the period and category, refused to members.
const stack = useStack();
const SLOW = 120_000;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG A/AA violations on the page's main content. */
async function axeViolations(page: Page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<any> } }).axe;
    const result = await axe.run(
      { include: ['main'] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } },
    );
    return result.violations.map((v: { id: string; nodes: { target: string[] }[] }) => ({
      id: v.id,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

const overflows = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
/** Whether anything in the page's main content reaches past the viewport (the header is not this page's). */
const mainOverflows = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('main *')].some(
      (e) => e.getBoundingClientRect().right > document.documentElement.clientWidth,
    ),
  );

describe('insights dashboard', () => {
  it(
    'staff see figures and charts, switch the period without JavaScript; members get 403; fits a phone; axe clean',
    async () => {
      const [moderator, asker, helper] = await Promise.all([
        buildMember(stack.api, { role: 'MODERATOR' }),
        buildMember(stack.api),
        buildMember(stack.api),
      ]);
      // A question answered after 2 minutes and solved after 10, asked 10 days ago (in 30 days, not in 7).
      const old = await buildThread(stack.api, asker);
      const reply = await buildReply(stack.api, helper, old.id);
      const accepted = await stack.api.gql(
        `mutation($id: ID!) { acceptAnswer(postId: $id) { id } }`,
        { id: reply.id },
        { token: asker.token, ip: asker.ip },
      );
      expect(accepted.errors).toBeUndefined();
      await stack.api.sql(`update threads set created_at = now() - interval '10 days' where id = $1`, [old.id]);
      await stack.api.sql(
        `update posts set created_at = now() - interval '10 days' + interval '2 minutes',
                          accepted_at = now() - interval '10 days' + interval '10 minutes' where id = $1`,
        [reply.id],
      );
      const escalated = await buildThread(stack.api, asker); // unanswered, just asked
      await stack.api.sql(
        `insert into escalations (thread_id, reason, priority, priority_parts, status, sla_due_at)
         values ($1, 'NEEDS_STAFF', 80, '[]', 'OPEN', now() + interval '1 hour')`,
        [escalated.id],
      );

      const desktop = await newVisitor(stack.browser, { viewport: { width: 1280, height: 900 } });
      await signInByCookie(desktop.page, stack.web.url, moderator);
      // On a wide screen staff reach Insights from the header's Staff menu.
      await desktop.page.goto(`${stack.web.url}/`);
      await desktop.page.getByRole('button', { name: 'Staff', exact: true }).click();
      await desktop.page.getByRole('link', { name: 'Insights', exact: true }).click();
      await desktop.page.getByRole('heading', { name: 'Insights', level: 1 }).waitFor();
      expect(await desktop.page.getByTestId('figure-first-response').locator('dd').first().textContent()).toBe('2 min');
      expect(await desktop.page.getByTestId('figure-solution').locator('dd').first().textContent()).toBe('10 min');
      const unanswered = await desktop.page.getByTestId('chart-unanswered').getAttribute('aria-label');
      expect(unanswered).toMatch(/^Unanswered questions by age: < 1 h [1-9]/);
      expect(await desktop.page.getByTestId('chart-escalations').getAttribute('aria-label')).toBe(
        'Escalations by priority: Urgent 1, High 0, Normal 0',
      );
      expect(await desktop.page.getByTestId('chart-response-times').getAttribute('aria-label')).toContain('2 min');
      expect(
        await desktop.page
          .getByTestId('top-advocate')
          .filter({ hasText: `@${helper.handle}` })
          .count(),
      ).toBe(1);
      expect(await mainOverflows(desktop.page)).toBe(false);
      expect(await axeViolations(desktop.page)).toEqual([]);
      expect((await scanTextContrast(desktop.page)).filter((t) => t.ratio < t.required)).toEqual([]);
      desktop.assertClean();

      // A member reads nothing here.
      const member = await newVisitor(stack.browser);
      await signInByCookie(member.page, stack.web.url, helper);
      expect((await member.page.goto(`${stack.web.url}/staff/insights`))?.status()).toBe(403);

      // A phone without JavaScript, in the dark scheme: the form switches the period to 7 days.
      const phone = await newVisitor(stack.browser, { ...PHONE, javaScriptEnabled: false, colorScheme: 'dark' });
      await signInByCookie(phone.page, stack.web.url, moderator);
      await phone.page.goto(`${stack.web.url}/`);
      await phone.page.getByText('Menu').click();
      await phone.page.getByRole('link', { name: 'Insights', exact: true }).click();
      await phone.page.getByRole('heading', { name: 'Insights', level: 1 }).waitFor();
      expect(await overflows(phone.page)).toBe(false);
      await phone.page.getByRole('combobox', { name: 'Period' }).selectOption('7');
      await phone.page.getByRole('button', { name: 'Show' }).click();
      await phone.page.waitForURL(/days=7/);
      expect(await phone.page.getByTestId('figure-solution').locator('dd').first().textContent()).toBe('—');
      expect(await phone.page.locator('select[name=days]').inputValue()).toBe('7');
      expect(await overflows(phone.page)).toBe(false);
      expect((await scanTextContrast(phone.page)).filter((t) => t.ratio < t.required)).toEqual([]);
      phone.assertClean();
    },
    SLOW,
  );
});
