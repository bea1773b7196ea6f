import { describe, expect, it } from 'vitest';
import { newVisitor, signInByCookie, useStack } from '../support/e2e-fixtures.js';
import { buildMember } from '../support/factories.js';

// The routing rules admin page (PRODUCT.md capability 7): an admin creates a rule without
// JavaScript and reads it in the list, its conditions and actions in words; disables it; a
// bad rule shows the API's error beside the form.
const stack = useStack();
const SLOW = 120_000;

describe('routing rules admin page', () => {
  it(
    'an admin creates a rule without JavaScript, sees it listed in words, and disables it',
    async () => {
      const admin = await buildMember(stack.api, { role: 'ADMIN' });
      const staff = await newVisitor(stack.browser, { javaScriptEnabled: false });
      await signInByCookie(staff.page, stack.web.url, admin);
      await staff.page.goto(`${stack.web.url}/admin`);
      await staff.page.getByRole('link', { name: /Routing rules/ }).click();
      expect(await staff.page.getByRole('heading', { level: 1 }).textContent()).toBe('Routing rules');

      const form = staff.page.getByTestId('create-rule');
      // No action: the API's error shows, nothing is created.
      await form.getByLabel('Name', { exact: true }).fill('Nothing to do');
      await form.getByRole('button', { name: 'Create rule' }).click();
      expect(await staff.page.getByTestId('create-rule').textContent()).toContain('Choose at least one action');

      const again = staff.page.getByTestId('create-rule');
      await again.getByLabel('Name', { exact: true }).fill('Enterprise urgent');
      await again.getByLabel('comes from a customer in one of these segments').fill('enterprise');
      await again.getByLabel('Urgency').check();
      await again.getByLabel('notify the moderators').check();
      await again.getByLabel('escalate to staff').check();
      await again.getByRole('button', { name: 'Create rule' }).click();

      const list = staff.page.getByTestId('rule-list');
      expect(await list.textContent()).toContain(
        'Enterprise urgent' +
          ' A new question from a customer in enterprise and showing urgency: notify moderators and escalate.',
      );
      expect(await list.textContent()).not.toContain('Nothing to do');

      await list.getByRole('button', { name: 'Disable' }).click();
      expect(await staff.page.getByTestId('rule-list').textContent()).toContain('(disabled)');
      const [row] = await stack.api.sql<{ enabled: boolean }>(
        `select enabled from routing_rules where name = 'Enterprise urgent'`,
      );
      expect(row).toEqual({ enabled: false });
    },
    SLOW,
  );
});
