import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanTextContrast } from '../support/contrast-scan.js';
import { newVisitor, signInByCookie, useStack } from '../support/e2e-fixtures.js';
import { buildMember, buildThread } from '../support/factories.js';

// The webhook admin pages (issue 14 point 5): an admin adds an endpoint without JavaScript,
// copies the secret shown once, and reads the delivery log with status and response time;
// a dead delivery is replayed from the log.
const stack = useStack({ WEBHOOK_ALLOW_PRIVATE_URLS: 'true' });
const SLOW = 120_000;

let receiver: http.Server;
let receiverUrl = '';
const received: string[] = [];
beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    received.push(String(req.headers['webhook-id']));
    req.resume();
    req.on('end', () => {
      res.statusCode = 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
});
afterAll(() => {
  receiver.closeAllConnections();
  return new Promise<void>((resolve) => receiver.close(() => resolve()));
});

describe('webhook admin pages', () => {
  it(
    'an admin adds an endpoint, sees its secret once and its delivery log, and replays a dead delivery',
    async () => {
      const admin = await buildMember(stack.api, { role: 'ADMIN' });
      const asker = await buildMember(stack.api);
      const staff = await newVisitor(stack.browser, { javaScriptEnabled: false });
      await signInByCookie(staff.page, stack.web.url, admin);
      await staff.page.goto(`${stack.web.url}/admin`);
      await staff.page.getByRole('link', { name: /Webhooks/ }).click();
      expect(await staff.page.getByRole('heading', { level: 1 }).textContent()).toBe('Webhooks');

      await staff.page.getByLabel('URL').fill(receiverUrl);
      await staff.page.getByLabel('Description (optional)').fill('Our CRM');
      await staff.page.getByRole('button', { name: 'Add endpoint' }).click();
      const secret = await staff.page.getByTestId('webhook-secret').getByLabel('Signing secret').inputValue();
      expect(secret).toMatch(/^whsec_/);
      expect(await staff.page.getByTestId('webhook-endpoint').textContent()).toContain(receiverUrl);
      // Shown once: the list, loaded again, does not have it.
      await staff.page.goto(`${stack.web.url}/admin/webhooks`);
      expect(await staff.page.content()).not.toContain(secret);

      await buildThread(stack.api, asker, { title: 'Delivered to the CRM' });
      await expect.poll(() => received.length, { timeout: 15_000 }).toBeGreaterThan(0);
      await staff.page.getByRole('link', { name: receiverUrl }).click();
      await expect
        .poll(
          async () => {
            await staff.page.reload();
            return staff.page
              .getByTestId('webhook-delivery')
              .filter({ hasText: 'thread.created' })
              .first()
              .textContent();
          },
          { timeout: 15_000 },
        )
        .toMatch(/thread\.created.*delivered.*200.*\d+ ms/);
      expect(
        (await scanTextContrast(staff.page)).filter((t) => t.ratio < t.required).map((t) => `${t.selector} ${t.ratio}`),
      ).toEqual([]);

      // A delivery that used up its attempts is replayed from the log, with the same webhook-id.
      const [dead] = await stack.api.sql<{ id: string; webhook_id: string }>(
        `update webhook_deliveries set status = 'DEAD', attempts = 10, next_attempt_at = null, response_status = 503,
                error = 'The endpoint answered 503.'
          where id = (select max(id) from webhook_deliveries where event_type = 'thread.created')
          returning id::text, webhook_id`,
      );
      await staff.page.reload();
      const row = staff.page.getByTestId('webhook-delivery').filter({ hasText: dead!.webhook_id });
      expect(await row.textContent()).toContain('dead');
      const before = received.filter((id) => id === dead!.webhook_id).length;
      await row.getByRole('button', { name: /Replay/ }).click();
      expect(await staff.page.locator('main').textContent()).toContain('One delivery is queued to be sent again.');
      await expect
        .poll(() => received.filter((id) => id === dead!.webhook_id).length, { timeout: 15_000 })
        .toBe(before + 1);
      staff.assertClean();
    },
    SLOW,
  );

  it('refuses moderators', async () => {
    const moderator = await buildMember(stack.api, { role: 'MODERATOR' });
    const mod = await newVisitor(stack.browser);
    await signInByCookie(mod.page, stack.web.url, moderator);
    const res = await mod.page.goto(`${stack.web.url}/admin/webhooks`);
    expect(res?.status()).toBe(403);
  });
});
