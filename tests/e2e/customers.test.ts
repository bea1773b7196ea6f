import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newVisitor, PHONE, signInByCookie, useStack } from '../support/e2e-fixtures.js';
import { buildMember, buildReply, buildThread } from '../support/factories.js';

const stack = useStack();
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

describe('customer 360 view', () => {
  it('staff open a member’s customer from their profile and see the record, members, timeline and open issues', async () => {
    const [customerMember, helper, admin, moderator] = await Promise.all([
      buildMember(stack.api),
      buildMember(stack.api),
      buildMember(stack.api, { role: 'ADMIN' }),
      buildMember(stack.api, { role: 'MODERATOR' }),
    ]);
    await stack.api.sql('update members set email_verified_at = now() where id = $1', [customerMember.id]);
    const externalId = `CRM-E2E-${Date.now().toString(36)}`;
    const upserted = await stack.api.gql(
      `mutation($records: [CustomerInput!]!) { upsertCustomers(records: $records) { results { status customerId } } }`,
      {
        records: [
          {
            externalId,
            name: 'Acme Smart Homes',
            company: 'Acme',
            segment: 'enterprise',
            lifetimeValueCents: 1_250_000,
            currency: 'EUR',
            emails: [customerMember.email],
            products: [{ sku: 'HUB-2', name: 'Hearth Hub', version: '2.3' }],
            updatedAt: new Date().toISOString(),
          },
        ],
      },
      { token: admin.token },
    );
    expect(upserted.data.upsertCustomers.results[0].status).toBe('CREATED');
    const customerId = upserted.data.upsertCustomers.results[0].customerId as string;
    const open = await buildThread(stack.api, customerMember, { title: 'Hub drops offline every night at 2am' });
    await buildReply(stack.api, helper, open.id, 'Check the power-saving setting on the router.');
    // The badge subscriber awards First Question just after: wait for it.
    await expect
      .poll(
        async () =>
          (await stack.api.sql('select 1 from badge_awards where member_id = $1', [customerMember.id])).length,
      )
      .toBe(1);

    const staff = await newVisitor(stack.browser);
    const { page } = staff;
    await signInByCookie(page, stack.web.url, admin);
    await page.goto(`${stack.web.url}/u/${customerMember.handle}`);
    const link = page.getByTestId('member-customer').getByRole('link', { name: `Acme (${externalId})` });
    await link.click();
    await page.waitForURL(new RegExp(`/staff/customers/${customerId}$`));
    await expect.poll(() => page.title()).toBe('Acme Smart Homes · Customers · Hearth');
    expect(await page.getByTestId('customer-external-id').textContent()).toBe(externalId);
    expect(await page.getByText('€12,500.00').count()).toBe(1);
    expect(await page.getByTestId('linked-members').textContent()).toContain(
      `@${customerMember.handle}linked by verified email`,
    );
    const items = await page.getByTestId('timeline-item').allTextContents();
    // Newest first: the badge the question earned, then the question with its status now.
    expect(items.map((i) => i.replace(/just now$/, ''))).toEqual([
      `@${customerMember.handle}earned the badgeFirst Question${open.title}(Asked “${open.title}”)`,
      `@${customerMember.handle}asked${open.title}Open`,
    ]);
    const openIssues = page.getByTestId('open-issues');
    expect(await openIssues.textContent()).toContain('1 unresolved question');
    expect(await openIssues.getByRole('link', { name: open.title }).getAttribute('href')).toBe(`/t/${open.id}`);
    expect(await axeViolations(page)).toEqual([]);

    staff.assertClean();
    await staff.context.close();

    // On a phone, nothing runs off the screen.
    const phone = await newVisitor(stack.browser, PHONE);
    await signInByCookie(phone.page, stack.web.url, admin);
    await phone.page.goto(`${stack.web.url}/staff/customers/${customerId}`);
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.context.close();

    // A moderator without an administrator's grant sees no customer line and is refused the page; so is the member.
    for (const who of [moderator, customerMember]) {
      const visitor = await newVisitor(stack.browser);
      await signInByCookie(visitor.page, stack.web.url, who);
      await visitor.page.goto(`${stack.web.url}/u/${customerMember.handle}`);
      expect(await visitor.page.getByTestId('member-customer').count()).toBe(0);
      const res = await visitor.page.goto(`${stack.web.url}/staff/customers/${customerId}`);
      expect(res?.status()).toBe(403);
      expect(await visitor.page.getByText('Acme Smart Homes').count()).toBe(0);
      await visitor.context.close();
    }

    const again = await newVisitor(stack.browser);
    await signInByCookie(again.page, stack.web.url, admin);
    await again.page.goto(`${stack.web.url}/staff/customers/${customerId}`);
    // Staff unlink the member, confirming in the dialog first.
    await again.page.getByRole('button', { name: `Unlink @${customerMember.handle}` }).click();
    await again.page.getByRole('dialog').getByRole('button', { name: 'Yes, unlink' }).click();
    await expect.poll(() => again.page.getByText('No member is linked to this customer yet.').count()).toBe(1);
    expect(await again.page.getByTestId('timeline-item').count()).toBe(0);
    expect(
      await stack.api.sql(`select 1 from domain_events where name = 'customer.unlinked' and subject = $1`, [
        `customer:${customerId}`,
      ]),
    ).toHaveLength(1);
    again.assertClean();
    await again.context.close();
  });
});

describe('customer links and access by staff', () => {
  it('an administrator resolves an ambiguous match by one click', async () => {
    const [admin, member] = await Promise.all([buildMember(stack.api, { role: 'ADMIN' }), buildMember(stack.api)]);
    await stack.api.sql('update members set email_verified_at = now() where id = $1', [member.id]);
    const tag = Date.now().toString(36);
    const res = await stack.api.gql(
      `mutation($records: [CustomerInput!]!) { upsertCustomers(records: $records) { results { customerId } } }`,
      {
        records: ['North', 'South'].map((n) => ({
          externalId: `AMB-${n}-${tag}`,
          name: `${n} Branch ${tag}`,
          company: `${n} Co ${tag}`,
          emails: [member.email],
          updatedAt: new Date().toISOString(),
        })),
      },
      { token: admin.token },
    );
    const [, south] = res.data.upsertCustomers.results.map((r: { customerId: string }) => r.customerId);

    const staff = await newVisitor(stack.browser);
    await signInByCookie(staff.page, stack.web.url, admin);
    await staff.page.goto(`${stack.web.url}/staff/customers`);
    const match = staff.page.getByTestId(`ambiguous-${member.handle}`);
    await match.getByRole('button', { name: `Link to South Co ${tag} (AMB-South-${tag})` }).click();
    await staff.page.waitForURL(new RegExp(`/staff/customers/${south}$`));
    expect(await staff.page.getByTestId('linked-members').textContent()).toContain(
      `@${member.handle}linked by @${admin.handle}`,
    );
    expect(await staff.page.getByTestId('customer-sentiment').textContent()).toContain('Sentiment');
    await staff.page.goto(`${stack.web.url}/staff/customers`);
    expect(await staff.page.getByTestId(`ambiguous-${member.handle}`).count()).toBe(0);
    staff.assertClean();
    await staff.context.close();
  });

  it('an administrator grants a moderator access, who then sees the customer card', async () => {
    const [admin, moderator, member] = await Promise.all([
      buildMember(stack.api, { role: 'ADMIN' }),
      buildMember(stack.api, { role: 'MODERATOR' }),
      buildMember(stack.api),
    ]);
    await stack.api.sql('update members set email_verified_at = now() where id = $1', [member.id]);
    const externalId = `GRANT-${Date.now().toString(36)}`;
    await stack.api.gql(
      `mutation($records: [CustomerInput!]!) { upsertCustomers(records: $records) { results { customerId } } }`,
      {
        records: [
          {
            externalId,
            name: 'Granted Ltd',
            company: 'Granted',
            emails: [member.email],
            updatedAt: new Date().toISOString(),
          },
        ],
      },
      { token: admin.token },
    );

    const mod = await newVisitor(stack.browser);
    await signInByCookie(mod.page, stack.web.url, moderator);
    await mod.page.goto(`${stack.web.url}/u/${member.handle}`);
    expect(await mod.page.getByTestId('member-customer').count()).toBe(0);

    const staff = await newVisitor(stack.browser);
    await signInByCookie(staff.page, stack.web.url, admin);
    await staff.page.goto(`${stack.web.url}/admin/customer-access`);
    await staff.page.getByLabel('Moderator’s handle').fill(moderator.handle);
    await staff.page.getByRole('button', { name: 'Grant access' }).click();
    await expect
      .poll(async () => (await staff.page.getByTestId('customer-access-grants').textContent()) ?? '')
      .toContain(`@${moderator.handle}granted by @${admin.handle}`);
    staff.assertClean();
    await staff.context.close();

    await mod.page.goto(`${stack.web.url}/u/${member.handle}`);
    await mod.page
      .getByTestId('member-customer')
      .getByRole('link', { name: `Granted (${externalId})` })
      .click();
    await mod.page.waitForURL(/\/staff\/customers\/\d+$/);
    expect(await mod.page.getByTestId('customer-external-id').textContent()).toBe(externalId);
    mod.assertClean();
    await mod.context.close();
  });
});
