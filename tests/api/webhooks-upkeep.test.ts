import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sendImmediateEmails } from '../../api/src/modules/notifications/email/index.js';
import { webhookMessages } from '../../api/src/modules/webhooks/webhook-events.js';
import { pruneWebhookRows } from '../../api/src/modules/webhooks/prune.js';
import { toDomainEvent } from '../../api/src/platform/events/events.js';
import { caughtUp } from '../support/events.js';
import { buildMember, buildReply, buildThread, type TestMember } from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// Webhook gaps of issue 14: the customer.linked/unlinked kinds, nothing a visitor may not read
// ever sent out, administrators told when the system disables an endpoint, the daily prune, and
// the audit log's webhook, nomination and customer entries for those who may see them.

interface Received {
  path: string;
  body: string;
}
const received: Received[] = [];
const answers = new Map<string, number>();
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    received.push({ path: req.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
    res.statusCode = answers.get(req.url ?? '') ?? 200;
    res.end();
  });
});
let crmUrl = '';

let api: TestApi;
let admin: TestMember;
let member: TestMember;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  crmUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api = await startTestApi({ WEBHOOK_ALLOW_PRIVATE_URLS: 'true' });
  [admin, member] = await Promise.all([buildMember(api, { role: 'ADMIN' }), buildMember(api)]);
});
afterAll(async () => {
  await api?.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const waitFor = (check: () => Promise<void> | void, timeout = 15_000) => vi.waitFor(check, { timeout, interval: 50 });
const as = (m: TestMember) => ({ token: m.token, ip: m.ip });

async function createEndpoint(path: string, events: string[]) {
  const res = await api.gql(
    `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }`,
    { input: { url: `${crmUrl}${path}`, events, description: path } },
    as(admin),
  );
  expect(res.errors).toBeUndefined();
  return res.data.createWebhookEndpoint.endpoint.id as string;
}
const deliveries = (endpointId: string) =>
  api.sql<{ event_type: string; subject: string; status: string; body: string }>(
    `select event_type, subject, status, body from webhook_deliveries where endpoint_id = $1 order by id`,
    [endpointId],
  );

async function restrictedCategory(): Promise<string> {
  const [row] = await api.sql<{ id: number }>(
    `insert into categories (slug, name, kind) values ($1, 'Advocates lounge', 'RESTRICTED') returning id`,
    [`lounge-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`],
  );
  return String(row!.id);
}

describe('customer.linked and customer.unlinked', () => {
  it('carry the external id, the member’s id and handle and how, never an email', async () => {
    const endpointId = await createEndpoint('/customers', ['customer.linked', 'customer.unlinked']);
    const ext = `WH-${Date.now().toString(36)}`;
    const up = await api.gql(
      `mutation($r: [CustomerInput!]!) { upsertCustomers(records: $r) { results { customerId } } }`,
      { r: [{ externalId: ext, name: 'Hook Co', emails: ['buyer@hook.example'], updatedAt: '2026-11-01T00:00:00Z' }] },
      as(admin),
    );
    const customerId = up.data.upsertCustomers.results[0].customerId as string;
    const input = { customerId, memberId: member.id };
    const LINK = `mutation($input: CustomerLinkInput!) { linkCustomer(input: $input) { member { id } } }`;
    expect((await api.gql(LINK, { input }, as(admin))).errors).toBeUndefined();
    const UNLINK = `mutation($input: CustomerLinkInput!) { unlinkCustomer(input: $input) { member { id } } }`;
    expect((await api.gql(UNLINK, { input }, as(admin))).errors).toBeUndefined();

    await waitFor(async () => {
      const rows = await deliveries(endpointId);
      expect(rows.map((r) => [r.event_type, r.status])).toEqual([
        ['customer.linked', 'DELIVERED'],
        ['customer.unlinked', 'DELIVERED'],
      ]);
    });
    const [linked, unlinked] = (await deliveries(endpointId)).map((r) => JSON.parse(r.body));
    expect(linked).toMatchObject({
      type: 'customer.linked',
      data: {
        customer: { id: customerId, externalId: ext },
        member: { id: member.id, handle: member.handle },
        how: 'STAFF',
      },
    });
    expect(unlinked.type).toBe('customer.unlinked');
    for (const r of received.filter((x) => x.path === '/customers')) expect(r.body).not.toContain('@');
  });
});

describe('only what a visitor may read goes out', () => {
  it('a thread in a restricted category is never sent; a public one is', async () => {
    const endpointId = await createEndpoint('/visible', ['thread.created', 'thread.answered', 'answer.accepted']);
    const moderator = await buildMember(api, { role: 'MODERATOR' });
    const lounge = await restrictedCategory();
    const secret = await buildThread(api, moderator, { categoryId: lounge, title: 'Lounge: the roadmap draft' });
    const answer = await buildReply(api, admin, secret.id, 'The roadmap draft is in the shared folder.');
    await api.gql(`mutation($id: ID!) { acceptAnswer(postId: $id) { id } }`, { id: answer.id }, as(moderator));
    const open = await buildThread(api, member, { title: 'A public question about webhooks' });
    await waitFor(async () =>
      expect((await deliveries(endpointId)).map((r) => r.subject)).toEqual([`thread:${open.id}`]),
    );
    await caughtUp(api, 'webhooks.queue_deliveries', 30_000);
    expect((await deliveries(endpointId)).map((r) => r.subject)).toEqual([`thread:${open.id}`]);
    expect(
      received
        .filter((r) => r.path === '/visible')
        .map((r) => r.body)
        .join(),
    ).not.toContain('Lounge');
  });

  it('a hidden question, a hidden answer and a badge earned in a restricted thread are left out or stripped', async () => {
    const thread = await buildThread(api, member, { title: 'A question that gets hidden' });
    const answer = await buildReply(api, admin, thread.id, 'An answer that is hidden pending review.');
    const moderator = await buildMember(api, { role: 'MODERATOR' });
    const lounge = await restrictedCategory();
    const secret = await buildThread(api, moderator, { categoryId: lounge });
    await api.sql(`update posts set hidden_at = now(), hidden_reason = 'Spam' where id = any($1::int[])`, [
      [thread.question.id, answer.id],
    ]);
    // The events as recorded, built into messages as the delivery subscriber does.
    const rows = await api.sql(
      `select * from domain_events where (name = 'thread.created' and data->>'threadId' = $1)
          or (name = 'post.created' and data->>'postId' = $2) order by id`,
      [thread.id, answer.id],
    );
    const badge = toDomainEvent({
      ...rows[0],
      id: rows[0].id,
      name: 'badge.awarded',
      data: {
        awardId: 1,
        badge: 'first_question',
        memberId: Number(moderator.id),
        threadId: Number(secret.id),
        postId: Number(secret.question.id),
      },
    });
    const em = api.app.services.orm.em.fork();
    const messages = await webhookMessages(em, [...rows.map(toDomainEvent), badge], api.app.services.config);
    expect(messages.map((m) => m.type)).toEqual(['badge.awarded']);
    expect(messages[0]!.data).toMatchObject({ threadId: null, postId: null, member: { handle: moderator.handle } });
  });
});

describe('an endpoint the system disables', () => {
  it('tells every administrator (in the app, and by email as they chose)', async () => {
    const other = await buildMember(api, { role: 'ADMIN' });
    await api.sql(`update members set email_verified_at = now() where id = any($1::int[])`, [[admin.id, other.id]]);
    await api.sql(
      `insert into notification_preferences (member_id, kind, email) values ($1, 'WEBHOOK_DISABLED', 'NEVER')`,
      [other.id],
    );
    answers.set('/gone', 410);
    const endpointId = await createEndpoint('/gone', ['thread.created']);
    await buildThread(api, member);
    await waitFor(async () => expect((await deliveries(endpointId))[0]?.status).toBe('FAILED'));
    await caughtUp(api, 'webhooks.notify_disabled', 30_000);
    const INBOX = `query { notifications(first: 20) { edges { node { kind message } } } }`;
    for (const m of [admin, other]) {
      const inbox = (await api.gql(INBOX, {}, as(m))).data.notifications.edges.map((e: any) => e.node);
      expect(inbox.filter((n: any) => n.kind === 'WEBHOOK_DISABLED')).toEqual([
        {
          kind: 'WEBHOOK_DISABLED',
          message: `The webhook endpoint ${crmUrl}/gone was disabled: The endpoint answered 410 Gone.`,
        },
      ]);
    }
    const memberInbox = (await api.gql(INBOX, {}, as(member))).data.notifications.edges;
    expect(memberInbox.filter((e: any) => e.node.kind === 'WEBHOOK_DISABLED')).toEqual([]);

    await sendImmediateEmails(api.app.services);
    const emailed = await api.sql(
      `select n.recipient_id::text as id from notification_emails ne join notifications n on n.id = ne.notification_id
        where n.kind = 'WEBHOOK_DISABLED'`,
    );
    expect(emailed).toEqual([{ id: admin.id }]);
  });

  it('an administrator disabling one by hand is not notified', async () => {
    const endpointId = await createEndpoint('/by-hand', ['thread.created']);
    const res = await api.gql(
      `mutation($id: ID!) { disableWebhookEndpoint(id: $id) { id enabled } }`,
      { id: endpointId },
      as(admin),
    );
    expect(res.errors).toBeUndefined();
    await caughtUp(api, 'webhooks.notify_disabled', 30_000);
    const rows = await api.sql(
      `select 1 from notifications where kind = 'WEBHOOK_DISABLED' and data->>'endpointId' = $1`,
      [endpointId],
    );
    expect(rows).toEqual([]);
  });
});

describe('the daily prune', () => {
  it('removes inbound messages and final deliveries older than 30 days, and keeps open and recent ones', async () => {
    const endpointId = await createEndpoint('/prune', ['thread.created']);
    const [event] = await api.sql(`select id from domain_events order by id desc limit 1`);
    const insert = (status: string, age: string) =>
      api.sql(
        `insert into webhook_deliveries (endpoint_id, event_id, event_type, subject, body, status, created_at,
                                         last_attempt_at, delivered_at, next_attempt_at)
         values ($1, $2, $3, 'thread:1', '{}', $4, now() - $5::interval, now() - $5::interval,
                 case when $4 = 'DELIVERED' then now() - $5::interval end,
                 case when $4 in ('PENDING', 'RETRYING') then now() + interval '1 day' end)
         returning id::text`,
        [endpointId, event.id, `t.${status}.${age.replace(' ', '')}`, status, age],
      );
    const old = [
      await insert('DELIVERED', '31 days'),
      await insert('DEAD', '31 days'),
      await insert('FAILED', '40 days'),
    ];
    const kept = [
      await insert('DELIVERED', '29 days'),
      await insert('DEAD', '2 days'),
      await insert('RETRYING', '31 days'),
      await insert('PENDING', '45 days'),
    ];
    await api.sql(
      `insert into inbound_webhooks (source, webhook_id, type, payload, sent_at, received_at)
       values ('crm', 'old-1', 'customer.updated', '{}', now() - interval '31 days', now() - interval '31 days'),
              ('crm', 'new-1', 'customer.updated', '{}', now() - interval '29 days', now() - interval '29 days')`,
    );
    const removed = await pruneWebhookRows(api.app.services.orm.em.fork());
    expect(removed).toEqual({ inbound: 1, deliveries: 3 });
    const left = await api.sql(`select id::text from webhook_deliveries where id = any($1::bigint[])`, [
      [...old, ...kept].map((r) => r[0].id),
    ]);
    expect(left.map((r) => r.id).sort()).toEqual(kept.map((r) => r[0].id).sort());
    expect(await api.sql(`select webhook_id from inbound_webhooks where webhook_id in ('old-1', 'new-1')`)).toEqual([
      { webhook_id: 'new-1' },
    ]);
    expect(await pruneWebhookRows(api.app.services.orm.em.fork())).toEqual({ inbound: 0, deliveries: 0 });
  });

  it('is scheduled daily', () => {
    const job = api.app.services.assembly.jobs.find((j) => j.name === 'webhooks.prune');
    expect(job?.cron?.(api.app.services)).toBe('17 3 * * *');
  });
});

describe('the audit log', () => {
  const AUDIT = `query($kinds: [String!]) { auditLog(filter: { kinds: $kinds }, first: 50) { edges { node { name } } } }`;
  const names = async (viewer: TestMember, kinds: string[]) => {
    const res = await api.gql(AUDIT, { kinds }, as(viewer));
    expect(res.errors).toBeUndefined();
    return res.data.auditLog.edges.map((e: any) => e.node.name) as string[];
  };

  it('lists webhook endpoints’ changes for administrators only', async () => {
    await createEndpoint('/audited', ['thread.created']);
    const moderator = await buildMember(api, { role: 'MODERATOR' });
    expect(await names(admin, ['webhook.endpoint_created'])).toContain('webhook.endpoint_created');
    expect(await names(moderator, ['webhook.endpoint_created'])).toEqual([]);
  });

  it('lists customer access grants and staff links for staff with the customer permission, not email links', async () => {
    const moderator = await buildMember(api, { role: 'MODERATOR' });
    const grant = await api.gql(
      `mutation($id: ID!) { grantCustomerAccess(memberId: $id) }`,
      { id: moderator.id },
      as(admin),
    );
    expect(grant.errors).toBeUndefined();
    // A link by verified email (the system's, not staff's): not an audited action.
    const verified = await buildMember(api);
    await api.sql(`update members set email_verified_at = now() where id = $1`, [verified.id]);
    const up = await api.gql(
      `mutation($r: [CustomerInput!]!) { upsertCustomers(records: $r) { results { status } } }`,
      {
        r: [
          {
            externalId: `AU-${verified.id}`,
            name: 'Audit Co',
            emails: [verified.email],
            updatedAt: '2026-11-01T00:00:00Z',
          },
        ],
      },
      as(admin),
    );
    expect(up.errors).toBeUndefined();
    const kinds = ['customer.access_granted', 'customer.linked', 'customer.unlinked'];
    const seen = await names(admin, kinds);
    expect(seen).toContain('customer.access_granted');
    expect(seen).toContain('customer.linked');
    const [emailLinks] = await api.sql(
      `select count(*)::int as n from domain_events where name = 'customer.linked' and data->>'how' = 'email'`,
    );
    const [staffLinks] = await api.sql(
      `select count(*)::int as n from domain_events where name in ('customer.linked', 'customer.unlinked') and data->>'how' = 'staff'`,
    );
    expect(seen.filter((n) => n !== 'customer.access_granted')).toHaveLength(staffLinks.n);
    expect(emailLinks.n).toBeGreaterThanOrEqual(1);
    const plain = await buildMember(api, { role: 'MODERATOR' });
    expect(await names(plain, kinds)).toEqual([]);
  });

  it('lists advocate nominations', async () => {
    const candidate = await buildMember(api);
    const res = await api.gql(
      `mutation($id: ID!) { nominateAdvocate(memberId: $id) { id } }`,
      { id: candidate.id },
      as(admin),
    );
    expect(res.errors).toBeUndefined();
    expect(await names(admin, ['advocate.nominated'])).toContain('advocate.nominated');
  });
});
