import { beforeAll, describe, expect, it, vi } from 'vitest';
import { newVisitor, PHONE, signInByCookie, useStack } from '../support/e2e-fixtures.js';
import { buildMember, buildReply, buildThread, publishDraftOf, type TestMember } from '../support/factories.js';

// Escalations in the web app (issue 14 part 7): "Needs staff" on a thread, the staff queue and
// an escalation's page (priority explained, known answers, status, resolution), and the asker's
// banner following the status live.
const stack = useStack();
const SLOW = 120_000;
const as = (m: TestMember) => ({ token: m.token, ip: m.ip });

let admin: TestMember;
let solved: { id: string; title: string };
let articleId: string;

beforeAll(async () => {
  admin = await buildMember(stack.api, { role: 'ADMIN' });
  // A known answer: a solved thread whose article is published, about the same device.
  const [asker, helper] = await Promise.all([buildMember(stack.api), buildMember(stack.api, { role: 'MODERATOR' })]);
  solved = await buildThread(stack.api, asker, {
    title: 'Quillfeather bridge loses its mesh link every night',
    body: 'My quillfeather bridge drops the mesh link around 2am and the lights stop answering.',
  });
  const answer = await buildReply(
    stack.api,
    helper,
    solved.id,
    'Turn off the quillfeather bridge’s nightly channel scan in Settings → Mesh: the link stays up.',
  );
  expect(
    (await stack.api.gql(`mutation($id: ID!) { acceptAnswer(postId: $id) { id } }`, { id: answer.id }, as(asker)))
      .errors,
  ).toBeUndefined();
  articleId = await publishDraftOf(stack.api, admin, solved.id);
  await vi.waitFor(
    async () => {
      const res = await stack.api.gql(`{ search(query: "quillfeather") { edges { node { url } } } }`, {});
      expect(res.data.search.edges.map((e: { node: { url: string } }) => e.node.url)).toContain(`/kb/${articleId}`);
    },
    { timeout: 10_000, interval: 100 },
  );
});

describe('escalations', () => {
  it(
    'an asker asks for staff; staff work it from the queue; the asker follows it live and accepts the resolution',
    async () => {
      const [member, other] = await Promise.all([buildMember(stack.api), buildMember(stack.api)]);
      // The asker is a customer (linked by their verified email): staff see who it is in the queue.
      await stack.api.sql('update members set email_verified_at = now() where id = $1', [member.id]);
      const externalId = `CRM-ESC-${Date.now().toString(36)}`;
      const upserted = await stack.api.gql(
        `mutation($records: [CustomerInput!]!) { upsertCustomers(records: $records) { results { customerId } } }`,
        {
          records: [
            {
              externalId,
              name: 'Northwind Lighting',
              segment: 'enterprise',
              lifetimeValueCents: 4_800_000,
              currency: 'EUR',
              emails: [member.email],
              updatedAt: new Date().toISOString(),
            },
          ],
        },
        as(admin),
      );
      const customerId = upserted.data.upsertCustomers.results[0].customerId as string;
      const thread = await buildThread(stack.api, member, {
        title: 'Quillfeather bridge drops the mesh link at night',
        body: 'Since Tuesday my quillfeather bridge loses the mesh link every night; the lights stop answering.',
      });

      // The asker asks for staff on their open question.
      const asker = await newVisitor(stack.browser);
      await signInByCookie(asker.page, stack.web.url, member);
      await asker.page.goto(`${stack.web.url}/t/${thread.id}`);
      await asker.page.waitForResponse((r) => r.url().includes('/live?thread=') && r.status() === 200);
      const needsStaff = asker.page.getByTestId('needs-staff');
      await needsStaff.locator('summary').click();
      await needsStaff.getByLabel('Why does it need staff? (optional)').fill('The whole office is dark every morning.');
      await needsStaff.getByRole('button', { name: 'Ask for a support agent' }).click();
      const banner = asker.page.getByTestId('escalation-banner');
      await expect.poll(() => banner.getAttribute('data-status')).toBe('OPEN');
      expect(await banner.textContent()).toContain('Waiting for staff');
      expect(await asker.page.getByTestId('needs-staff').count()).toBe(0);
      // From here on the asker's page is never reloaded: a mark on the window would not survive it.
      await asker.page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

      // Staff find it in the queue with its customer and its priority's formula, and open it.
      const staff = await newVisitor(stack.browser);
      await signInByCookie(staff.page, stack.web.url, admin);
      await staff.page.goto(`${stack.web.url}/`);
      const main = staff.page.getByRole('navigation', { name: 'Main' });
      await main.getByRole('button', { name: 'Staff', exact: true }).click();
      await main.getByRole('link', { name: 'Escalations' }).click();
      await staff.page.waitForURL(`${stack.web.url}/staff/escalations`);
      const row = staff.page.getByTestId('escalation-row').filter({ hasText: thread.title });
      expect(await row.getByTestId('escalation-status').textContent()).toBe('Open');
      expect(await row.textContent()).toContain('Needs staff');
      expect(await row.getByTestId('sla-timer').textContent()).toMatch(/^due in /);
      expect(await row.getByTestId('priority-explanation').textContent()).toMatch(/=\s*\d+/);
      expect(await row.getByTestId('escalation-customer').textContent()).toBe(
        'Customer Northwind Lighting (enterprise)',
      );
      expect(await row.getByTestId('escalation-customer').getByRole('link').getAttribute('href')).toBe(
        `/staff/customers/${customerId}`,
      );
      await row.getByRole('link', { name: thread.title, exact: true }).click();
      await staff.page.waitForURL(/\/staff\/escalations\/\d+$/);
      expect(await staff.page.getByTestId('escalation-note').textContent()).toContain(
        'The whole office is dark every morning.',
      );
      // The known answers: the published article on the same problem.
      const similar = staff.page.getByTestId('similar-item');
      expect(await similar.locator(`a[href="/kb/${articleId}"]`).count()).toBe(1);

      // Staff take it: the asker's page says so without a reload.
      await staff.page.getByRole('radio', { name: /^In progress/ }).check();
      await staff.page.getByRole('button', { name: 'Save status' }).click();
      await expect.poll(() => staff.page.getByTestId('escalation-status').first().textContent()).toBe('In progress');
      await expect.poll(() => banner.getAttribute('data-status'), { timeout: 15_000 }).toBe('IN_PROGRESS');
      expect(await banner.textContent()).toContain('A support agent is on it');

      // Staff post the resolution; the asker sees it as an answer, live, and accepts it.
      const resolution = 'Turn off the nightly channel scan in Settings → Mesh; the bridge keeps its link.';
      await staff.page.getByLabel(/^Answer to post in the thread/).fill(resolution);
      await staff.page.getByRole('button', { name: 'Post resolution as answer' }).click();
      await expect.poll(() => staff.page.getByTestId('resolution-posted').count()).toBe(1);
      await expect.poll(() => banner.getAttribute('data-status'), { timeout: 15_000 }).toBe('RESOLVED');
      const answer = asker.page.getByTestId('reply').filter({ hasText: resolution });
      await expect.poll(() => answer.count(), { timeout: 15_000 }).toBe(1);
      expect(await asker.page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
      await answer.getByTestId('accept-answer').click();
      await expect
        .poll(() => asker.page.getByTestId('accepted-answer').filter({ hasText: resolution }).count())
        .toBe(1);
      asker.assertClean();
      staff.assertClean();
      await Promise.all([asker.context.close(), staff.context.close()]);

      // Another member sees neither the banner nor the action on that thread (nor on an open one of the asker's).
      const open = await buildThread(stack.api, member, { title: 'Quillfeather bridge firmware will not install' });
      const stranger = await newVisitor(stack.browser);
      await signInByCookie(stranger.page, stack.web.url, other);
      for (const id of [thread.id, open.id]) {
        await stranger.page.goto(`${stack.web.url}/t/${id}`);
        await expect.poll(() => stranger.page.getByTestId('thread-title').count()).toBe(1);
        expect(await stranger.page.getByTestId('escalation-banner').count()).toBe(0);
        expect(await stranger.page.getByTestId('needs-staff').count()).toBe(0);
      }
      // Nor the queue.
      const refused = await stranger.page.goto(`${stack.web.url}/staff/escalations`);
      expect(refused?.status()).toBe(403);
      stranger.assertClean();
      await stranger.context.close();

      // On a phone, the queue and the escalation's page fit the screen.
      const phone = await newVisitor(stack.browser, PHONE);
      await signInByCookie(phone.page, stack.web.url, admin);
      await phone.page.goto(`${stack.web.url}/staff/escalations?status=all`);
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await phone.page
        .getByTestId('escalation-row')
        .filter({ hasText: thread.title })
        .getByRole('link')
        .first()
        .click();
      await phone.page.waitForURL(/\/staff\/escalations\/\d+$/);
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      phone.assertClean();
      await phone.context.close();
    },
    SLOW,
  );
});
