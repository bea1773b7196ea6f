import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { attemptDelivery, RETRY_SCHEDULE_SECONDS, sweepDeliveries } from '../../api/src/modules/webhooks/delivery.js';
import { buildMember, buildReply, buildThread, type TestMember } from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// Webhooks (issue 14 points 5 and 6) against a local HTTP server playing the CRM: Standard
// Webhooks signatures checked with the specification's reference algorithm written here, the
// retry schedule with a moved clock (next_attempt_at), 410, dead letters and replays, order per
// subject through an outage, URL safety, and the signed inbound CRM webhook.

const CRM_SECRET = `whsec_${randomBytes(32).toString('base64')}`;

interface Received {
  path: string;
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  status: number;
}

/** The CRM: answers each path with what `answers[path]` says (200 by default) and records every request. */
class Crm {
  server = http.createServer((req, res) => this.handle(req, res));
  received: Received[] = [];
  answers = new Map<string, (r: Received) => number | Promise<number>>();
  url = '';

  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const r: Received = {
        path: req.url ?? '',
        id: String(req.headers['webhook-id']),
        timestamp: String(req.headers['webhook-timestamp']),
        signature: String(req.headers['webhook-signature']),
        body: Buffer.concat(chunks).toString('utf8'),
        status: 200,
      };
      r.status = (await this.answers.get(r.path)?.(r)) ?? 200;
      this.received.push(r);
      res.statusCode = r.status;
      res.end();
    });
  }

  at(path: string) {
    return this.received.filter((r) => r.path === path);
  }

  close() {
    this.server.closeAllConnections();
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** The specification's reference: v1,base64(HMAC-SHA256(base64decode(secret), `${id}.${timestamp}.${body}`)). */
function verifySignature(secret: string, r: Pick<Received, 'id' | 'timestamp' | 'body' | 'signature'>): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${r.id}.${r.timestamp}.${r.body}`).digest();
  return r.signature.split(' ').some((part) => {
    const [version, sig] = part.split(',');
    if (version !== 'v1' || !sig) return false;
    const given = Buffer.from(sig, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/** Signs an inbound message as the CRM would (the same reference algorithm). */
function signInbound(id: string, timestamp: number, body: string, secret = CRM_SECRET): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

let api: TestApi;
let crm: Crm;
let admin: TestMember;
let asker: TestMember;
let helper: TestMember;
beforeAll(async () => {
  crm = new Crm();
  await crm.start();
  api = await startTestApi({ WEBHOOK_ALLOW_PRIVATE_URLS: 'true', CRM_WEBHOOK_SECRET: CRM_SECRET });
  [admin, asker, helper] = await Promise.all([buildMember(api, { role: 'ADMIN' }), buildMember(api), buildMember(api)]);
});
afterAll(async () => {
  await api?.close();
  await crm?.close();
});

const as = (m: TestMember | null) => (m ? { token: m.token, ip: m.ip } : {});
const CREATE = `mutation($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { endpoint { id url events enabled } secret } }`;
const ALL_KINDS = ['thread.created', 'thread.answered', 'answer.accepted', 'article.published', 'badge.awarded'];

async function createEndpoint(path: string, events = ALL_KINDS) {
  const res = await api.gql(CREATE, { input: { url: `${crm.url}${path}`, events, description: path } }, as(admin));
  expect(res.errors).toBeUndefined();
  return res.data.createWebhookEndpoint as { endpoint: { id: string; events: string[] }; secret: string };
}

interface DeliveryRow {
  id: string;
  webhook_id: string;
  event_type: string;
  subject: string;
  status: string;
  attempts: number;
  response_status: number | null;
  response_ms: number | null;
  error: string | null;
  delay: number | null;
}
const deliveries = (endpointId: string) =>
  api.sql<DeliveryRow>(
    `select id::text, webhook_id, event_type, subject, status, attempts, response_status, response_ms, error,
            extract(epoch from next_attempt_at - last_attempt_at)::int as delay
       from webhook_deliveries where endpoint_id = $1 order by id`,
    [endpointId],
  );

/** Moves the clock: every open delivery of the endpoint is due now; then the sweep starts them. */
async function moveClock(endpointId: string) {
  await api.sql(
    `update webhook_deliveries set next_attempt_at = now() - interval '1 hour'
      where endpoint_id = $1 and status in ('PENDING', 'RETRYING')`,
    [endpointId],
  );
  await sweepDeliveries(api.app.services, { graceSeconds: 0 });
}

const waitFor = (check: () => Promise<void> | void, timeout = 15_000) => vi.waitFor(check, { timeout, interval: 50 });

describe('outbound deliveries', () => {
  it('signs each event by the specification, with a public-safe payload; a thread is answered once', async () => {
    const { endpoint, secret } = await createEndpoint('/signed');
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(endpoint).toMatchObject({ enabled: true, events: ALL_KINDS });
    const thread = await buildThread(api, asker, { title: 'Webhooks: sync fails after update' });
    const answer = await buildReply(api, helper, thread.id);
    await buildReply(api, helper, thread.id, 'A second answer: this one does not make the thread answered again.');
    const accepted = await api.gql(
      `mutation($id: ID!) { acceptAnswer(postId: $id) { id } }`,
      { id: answer.id },
      as(asker),
    );
    expect(accepted.errors).toBeUndefined();

    await waitFor(async () => {
      const rows = (await deliveries(endpoint.id)).filter((d) => d.subject === `thread:${thread.id}`);
      expect(rows.map((d) => [d.event_type, d.status])).toEqual([
        ['thread.created', 'DELIVERED'],
        ['thread.answered', 'DELIVERED'],
        ['answer.accepted', 'DELIVERED'],
      ]);
    });
    const all = crm.at('/signed');
    // The asker's and the helper's first badges come too, about the members.
    const badges = all.map((r) => JSON.parse(r.body)).filter((b) => b.type === 'badge.awarded');
    expect(badges.length).toBeGreaterThan(0);
    expect(badges[0].data.member).toMatchObject({ handle: expect.any(String), url: expect.stringMatching(/\/u\//) });
    const got = all.filter(
      (r) => JSON.parse(r.body).data.threadId === thread.id && JSON.parse(r.body).type !== 'badge.awarded',
    );
    expect(got).toHaveLength(3);
    for (const r of all) {
      expect(verifySignature(secret, r)).toBe(true);
      expect(Math.abs(Number(r.timestamp) - Date.now() / 1000)).toBeLessThan(60);
      expect(r.body).not.toMatch(/@example\.test/); // no emails
      // A forged body or another secret does not verify.
      expect(verifySignature(secret, { ...r, body: r.body.replace('"data"', '"dato"') })).toBe(false);
      expect(verifySignature(`whsec_${randomBytes(32).toString('base64')}`, r)).toBe(false);
    }
    const [created, answered, acceptedBody] = got.map((r) => JSON.parse(r.body));
    expect(created).toMatchObject({
      type: 'thread.created',
      data: {
        threadId: thread.id,
        title: 'Webhooks: sync fails after update',
        url: `http://localhost:3000/t/${thread.id}`,
        author: { id: asker.id, handle: asker.handle },
      },
    });
    expect(new Date(created.timestamp).toISOString()).toBe(created.timestamp);
    expect(answered).toMatchObject({
      type: 'thread.answered',
      data: { threadId: thread.id, answer: { id: answer.id }, answerer: { handle: helper.handle } },
    });
    expect(acceptedBody).toMatchObject({ type: 'answer.accepted', data: { answer: { id: answer.id } } });
    // Badges earned along the way may still be on their way: once every delivery is done, the
    // CRM received each exactly once.
    await waitFor(async () => {
      const rows = await deliveries(endpoint.id);
      expect(rows.every((d) => d.status === 'DELIVERED')).toBe(true);
      expect(rows.map((d) => d.webhook_id).sort()).toEqual(
        crm
          .at('/signed')
          .map((r) => r.id)
          .sort(),
      );
      expect(rows.every((d) => d.response_status === 200 && d.response_ms !== null)).toBe(true);
    });
  });

  it('sends each endpoint only the kinds it subscribed to', async () => {
    const { endpoint } = await createEndpoint('/only-accepted', ['answer.accepted']);
    await buildThread(api, asker);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await deliveries(endpoint.id)).toEqual([]);
  });

  it('retries on the schedule: a 503, then a 200 once the clock reaches the next attempt; one webhook-id', async () => {
    let calls = 0;
    crm.answers.set('/flaky', () => (++calls === 1 ? 503 : 200));
    const { endpoint } = await createEndpoint('/flaky', ['thread.created']);
    await buildThread(api, asker);
    await waitFor(async () => expect((await deliveries(endpoint.id))[0]).toMatchObject({ status: 'RETRYING' }));
    const [first] = await deliveries(endpoint.id);
    expect(first).toMatchObject({ attempts: 1, response_status: 503, delay: 5, error: 'The endpoint answered 503.' });
    // The next attempt is queued with pg-boss's startAfter for 5 s from now.
    const [job] = await api.sql(
      `select extract(epoch from start_after - created_on) as after from pgboss.job
        where name = 'webhooks.deliver' and data->>'deliveryId' = $1 order by created_on desc limit 1`,
      [first!.id],
    );
    expect(Number(job.after)).toBeGreaterThan(4);
    expect(Number(job.after)).toBeLessThan(6);

    await moveClock(endpoint.id);
    await waitFor(async () => expect((await deliveries(endpoint.id))[0]).toMatchObject({ status: 'DELIVERED' }));
    const [done] = await deliveries(endpoint.id);
    expect(done).toMatchObject({ attempts: 2, response_status: 200, error: null, delay: null });
    const got = crm.at('/flaky');
    expect(got.map((r) => r.status)).toEqual([503, 200]);
    expect(new Set(got.map((r) => r.id))).toEqual(new Set([first!.webhook_id]));
    const [row] = await api.sql(`select failing_since from webhook_endpoints where id = $1`, [endpoint.id]);
    expect(row.failing_since).toBeNull();
  });

  it('dead-letters after the last attempt of the schedule; replays keep the webhook-id', async () => {
    let down = true;
    crm.answers.set('/dead', () => (down ? 500 : 200));
    const { endpoint } = await createEndpoint('/dead', ['thread.created']);
    await buildThread(api, asker);
    await buildThread(api, asker);
    const delays: number[][] = [];
    for (let attempt = 1; attempt <= RETRY_SCHEDULE_SECONDS.length; attempt++) {
      await waitFor(async () => {
        const rows = await deliveries(endpoint.id);
        expect(rows.map((d) => d.attempts)).toEqual([attempt, attempt]);
        expect(rows.every((d) => d.status !== 'SENDING' && d.status !== 'PENDING')).toBe(true);
      });
      delays.push((await deliveries(endpoint.id)).map((d) => d.delay ?? -1));
      if (attempt < RETRY_SCHEDULE_SECONDS.length) await moveClock(endpoint.id);
    }
    // After each failure the next attempt waits 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h; then none.
    expect(delays.map((d) => d[0])).toEqual([5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400, -1]);
    const rows = await deliveries(endpoint.id);
    expect(rows.map((d) => d.status)).toEqual(['DEAD', 'DEAD']);
    expect(crm.at('/dead')).toHaveLength(20);

    down = false;
    const REPLAY = `mutation($id: ID!) { replayWebhookDelivery(id: $id) { id webhookId status attempts } }`;
    const replayed = await api.gql(REPLAY, { id: rows[0]!.id }, as(admin));
    expect(replayed.errors).toBeUndefined();
    expect(replayed.data.replayWebhookDelivery).toMatchObject({ webhookId: rows[0]!.webhook_id, status: 'PENDING' });
    await waitFor(async () => expect((await deliveries(endpoint.id))[0]!.status).toBe('DELIVERED'));
    // A delivered one is not replayed.
    const again = await api.gql(REPLAY, { id: rows[0]!.id }, as(admin));
    expect(again.errors?.[0]?.extensions.code).toBe('CONFLICT');

    const since = new Date(Date.now() - 3600_000).toISOString();
    const all = await api.gql(
      `mutation($input: ReplayWebhookEndpointInput!) { replayWebhookEndpoint(input: $input) { replayed } }`,
      { input: { endpointId: endpoint.id, since } },
      as(admin),
    );
    expect(all.data.replayWebhookEndpoint.replayed).toBe(1);
    await waitFor(async () =>
      expect((await deliveries(endpoint.id)).map((d) => d.status)).toEqual(['DELIVERED', 'DELIVERED']),
    );
    const ok = crm.at('/dead').filter((r) => r.status === 200);
    expect(ok.map((r) => r.id)).toEqual(rows.map((d) => d.webhook_id));
  });

  it('a 410 disables the endpoint and records why (webhook.endpoint_disabled)', async () => {
    crm.answers.set('/gone', () => 410);
    const { endpoint } = await createEndpoint('/gone', ['thread.created']);
    await buildThread(api, asker);
    await waitFor(async () => expect((await deliveries(endpoint.id))[0]).toMatchObject({ status: 'FAILED' }));
    const [row] = await api.sql(`select enabled, disabled_reason from webhook_endpoints where id = $1`, [endpoint.id]);
    expect(row).toEqual({ enabled: false, disabled_reason: 'The endpoint answered 410 Gone.' });
    const events = await api.sql(
      `select actor_type, data from domain_events where name = 'webhook.endpoint_disabled' and subject = $1`,
      [`webhook_endpoint:${endpoint.id}`],
    );
    expect(events).toEqual([
      { actor_type: 'system', data: expect.objectContaining({ reason: 'The endpoint answered 410 Gone.' }) },
    ]);
    await buildThread(api, asker);
    await new Promise((r) => setTimeout(r, 800));
    expect(await deliveries(endpoint.id)).toHaveLength(1);
    expect(crm.at('/gone')).toHaveLength(1);
  });

  it('an endpoint failing without a success for 5 days is disabled', async () => {
    crm.answers.set('/failing', () => 502);
    const { endpoint } = await createEndpoint('/failing', ['thread.created']);
    await api.sql(`update webhook_endpoints set failing_since = now() - interval '5 days 1 minute' where id = $1`, [
      endpoint.id,
    ]);
    await buildThread(api, asker);
    await waitFor(async () => {
      const [row] = await api.sql(`select enabled, disabled_reason from webhook_endpoints where id = $1`, [
        endpoint.id,
      ]);
      expect(row.enabled).toBe(false);
      expect(row.disabled_reason).toMatch(/failed for 5 days/);
    });
    const [event] = await api.sql(
      `select 1 from domain_events where name = 'webhook.endpoint_disabled' and subject = $1`,
      [`webhook_endpoint:${endpoint.id}`],
    );
    expect(event).toBeDefined();
  });

  it('a CRM down for an hour gets everything after it recovers, in order per subject, each webhook-id once', async () => {
    let down = true;
    crm.answers.set('/outage', () => (down ? 503 : 200));
    const { endpoint } = await createEndpoint('/outage', ['thread.created', 'thread.answered', 'answer.accepted']);
    const one = await buildThread(api, asker);
    const answer = await buildReply(api, helper, one.id);
    await api.gql(`mutation($id: ID!) { acceptAnswer(postId: $id) { id } }`, { id: answer.id }, as(asker));
    const two = await buildThread(api, asker);
    await waitFor(async () => {
      const rows = await deliveries(endpoint.id);
      expect(rows.map((d) => [d.subject, d.event_type, d.status])).toEqual([
        [`thread:${one.id}`, 'thread.created', 'RETRYING'],
        // behind the first delivery of their subject: not sent while it is open
        [`thread:${one.id}`, 'thread.answered', 'PENDING'],
        [`thread:${one.id}`, 'answer.accepted', 'PENDING'],
        [`thread:${two.id}`, 'thread.created', 'RETRYING'],
      ]);
    });
    // An hour of failures: every retry due meanwhile fails too (5 s, 5 min, 30 min).
    for (let i = 0; i < 3; i++) {
      const before = crm.at('/outage').length;
      await moveClock(endpoint.id);
      await waitFor(() => expect(crm.at('/outage').length).toBe(before + 2));
      await waitFor(async () =>
        expect((await deliveries(endpoint.id)).filter((d) => d.status === 'SENDING')).toEqual([]),
      );
    }
    expect((await deliveries(endpoint.id)).map((d) => d.attempts)).toEqual([4, 0, 0, 4]);
    down = false;
    await moveClock(endpoint.id);
    await waitFor(async () =>
      expect((await deliveries(endpoint.id)).map((d) => d.status)).toEqual([
        'DELIVERED',
        'DELIVERED',
        'DELIVERED',
        'DELIVERED',
      ]),
    );
    const ok = crm.at('/outage').filter((r) => r.status === 200);
    const ofOne = ok.map((r) => JSON.parse(r.body)).filter((b) => b.data.threadId === one.id);
    expect(ofOne.map((b) => b.type)).toEqual(['thread.created', 'thread.answered', 'answer.accepted']);
    const ids = ok.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set((await deliveries(endpoint.id)).map((d) => d.webhook_id)));
  });

  it('a slow endpoint delays neither the action nor other endpoints', async () => {
    crm.answers.set('/slow', () => new Promise((resolve) => setTimeout(() => resolve(200), 4000)));
    const slow = await createEndpoint('/slow', ['thread.created']);
    const fast = await createEndpoint('/fast', ['thread.created']);
    const started = Date.now();
    await buildThread(api, asker);
    expect(Date.now() - started).toBeLessThan(1500);
    await waitFor(async () => expect((await deliveries(fast.endpoint.id))[0]?.status).toBe('DELIVERED'), 3000);
    expect((await deliveries(slow.endpoint.id))[0]?.status).toMatch(/PENDING|SENDING/);
    await waitFor(async () => expect((await deliveries(slow.endpoint.id))[0]?.status).toBe('DELIVERED'), 10_000);
    expect((await deliveries(slow.endpoint.id))[0]!.response_ms).toBeGreaterThanOrEqual(3900);
  });

  it('shows the delivery log newest first, by status, a page at a time', async () => {
    crm.answers.set('/log', () => 200);
    const { endpoint } = await createEndpoint('/log', ['thread.created']);
    for (let i = 0; i < 3; i++) await buildThread(api, asker);
    await waitFor(async () =>
      expect((await deliveries(endpoint.id)).filter((d) => d.status === 'DELIVERED')).toHaveLength(3),
    );
    const LOG = `query($id: ID!, $status: WebhookDeliveryStatus, $after: String) {
      webhookDeliveries(endpointId: $id, status: $status, first: 2, after: $after) {
        edges { node { id webhookId status attempts responseStatus responseTimeMs nextAttemptAt eventType } }
        pageInfo { hasNextPage endCursor } } }`;
    const page1 = await api.gql(LOG, { id: endpoint.id }, as(admin));
    const rows = await deliveries(endpoint.id);
    expect(page1.data.webhookDeliveries.edges.map((e: any) => e.node.id)).toEqual([rows[2]!.id, rows[1]!.id]);
    expect(page1.data.webhookDeliveries.edges[0].node).toMatchObject({
      status: 'DELIVERED',
      responseStatus: 200,
      attempts: 1,
    });
    const page2 = await api.gql(
      LOG,
      { id: endpoint.id, after: page1.data.webhookDeliveries.pageInfo.endCursor },
      as(admin),
    );
    expect(page2.data.webhookDeliveries.edges.map((e: any) => e.node.id)).toEqual([rows[0]!.id]);
    expect(page2.data.webhookDeliveries.pageInfo.hasNextPage).toBe(false);
    const dead = await api.gql(LOG, { id: endpoint.id, status: 'DEAD' }, as(admin));
    expect(dead.data.webhookDeliveries.edges).toEqual([]);
  });
});

describe('endpoints', () => {
  it('the secret is shown at creation and rotation only; later deliveries are signed with the new one', async () => {
    const { endpoint, secret } = await createEndpoint('/rotate', ['thread.created']);
    const list = await api.gql(`{ webhookEndpoints { id url events enabled } }`, {}, as(admin));
    expect(JSON.stringify(list.data)).not.toContain(secret);
    const asked = await api.gql(`{ webhookEndpoints { id secret } }`, {}, as(admin));
    expect(asked.errors?.[0]?.message).toMatch(/Cannot query field "secret"/);
    const rotated = await api.gql(
      `mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }`,
      { id: endpoint.id },
      as(admin),
    );
    const fresh = rotated.data.rotateWebhookSecret.secret as string;
    expect(fresh).not.toBe(secret);
    await buildThread(api, asker);
    await waitFor(() => expect(crm.at('/rotate')).toHaveLength(1));
    expect(verifySignature(fresh, crm.at('/rotate')[0]!)).toBe(true);
    expect(verifySignature(secret, crm.at('/rotate')[0]!)).toBe(false);
  });

  it('updates, disables, enables and deletes; bad input changes nothing', async () => {
    const { endpoint } = await createEndpoint('/manage', ['thread.created']);
    const bad = await api.gql(CREATE, { input: { url: 'ftp://x', events: ['nope'], description: null } }, as(admin));
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { url: expect.any(String), events: expect.stringMatching(/nope/) },
    });
    const updated = await api.gql(
      `mutation($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { events description } }`,
      { input: { id: endpoint.id, events: ['badge.awarded', 'thread.created'], description: 'CRM' } },
      as(admin),
    );
    expect(updated.data.updateWebhookEndpoint).toEqual({
      events: ['thread.created', 'badge.awarded'],
      description: 'CRM',
    });
    const off = await api.gql(
      `mutation($id: ID!) { disableWebhookEndpoint(id: $id) { enabled disabledReason } }`,
      { id: endpoint.id },
      as(admin),
    );
    expect(off.data.disableWebhookEndpoint).toEqual({
      enabled: false,
      disabledReason: 'Disabled by an administrator.',
    });
    const on = await api.gql(
      `mutation($id: ID!) { enableWebhookEndpoint(id: $id) { enabled disabledReason } }`,
      { id: endpoint.id },
      as(admin),
    );
    expect(on.data.enableWebhookEndpoint).toEqual({ enabled: true, disabledReason: null });
    const deleted = await api.gql(
      `mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }`,
      { id: endpoint.id },
      as(admin),
    );
    expect(deleted.data.deleteWebhookEndpoint).toBe(endpoint.id);
    const gone = await api.gql(`query($id: ID!) { webhookEndpoint(id: $id) { id } }`, { id: endpoint.id }, as(admin));
    expect(gone.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    const names = await api.sql(`select name from domain_events where subject = $1 order by id`, [
      `webhook_endpoint:${endpoint.id}`,
    ]);
    expect(names.map((r) => r.name)).toEqual([
      'webhook.endpoint_created',
      'webhook.endpoint_updated',
      'webhook.endpoint_disabled',
      'webhook.endpoint_enabled',
      'webhook.endpoint_deleted',
    ]);
  });

  describe('who may', () => {
    const operations: [string, string, (id: string) => Record<string, unknown>][] = [
      ['webhookEndpoints', `{ webhookEndpoints { id } }`, () => ({})],
      ['webhookEventKinds', `{ webhookEventKinds { type } }`, () => ({})],
      ['webhookEndpoint', `query($id: ID!) { webhookEndpoint(id: $id) { id } }`, (id) => ({ id })],
      [
        'webhookDeliveries',
        `query($id: ID!) { webhookDeliveries(endpointId: $id) { edges { cursor } } }`,
        (id) => ({ id }),
      ],
      ['createWebhookEndpoint', CREATE, () => ({ input: { url: `${crm.url}/x`, events: ['thread.created'] } })],
      [
        'updateWebhookEndpoint',
        `mutation($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { id } }`,
        (id) => ({ input: { id, description: 'taken over' } }),
      ],
      ['disableWebhookEndpoint', `mutation($id: ID!) { disableWebhookEndpoint(id: $id) { id } }`, (id) => ({ id })],
      ['enableWebhookEndpoint', `mutation($id: ID!) { enableWebhookEndpoint(id: $id) { id } }`, (id) => ({ id })],
      ['rotateWebhookSecret', `mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }`, (id) => ({ id })],
      ['replayWebhookDelivery', `mutation($id: ID!) { replayWebhookDelivery(id: $id) { id } }`, () => ({ id: '1' })],
      [
        'replayWebhookEndpoint',
        `mutation($input: ReplayWebhookEndpointInput!) { replayWebhookEndpoint(input: $input) { replayed } }`,
        (id) => ({ input: { endpointId: id, since: new Date(0).toISOString() } }),
      ],
      ['deleteWebhookEndpoint', `mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }`, (id) => ({ id })],
    ];

    it.each([
      ['a visitor', null],
      ['a member', 'MEMBER'],
      ['an advocate', 'ADVOCATE'],
      ['a moderator', 'MODERATOR'],
    ] as const)('%s may do nothing with webhooks', async (_who, role) => {
      const { endpoint } = await createEndpoint('/matrix', ['thread.created']);
      let by: TestMember | null = null;
      if (role) {
        by = await buildMember(api, { role: role === 'ADVOCATE' ? 'MEMBER' : role });
        if (role === 'ADVOCATE') await api.sql(`update members set is_advocate = true where id = $1`, [by.id]);
      }
      for (const [name, query, vars] of operations) {
        const res = await api.gql(query, vars(endpoint.id), as(by));
        expect([name, res.errors?.[0]?.extensions.code]).toEqual([
          name,
          expect.stringMatching(role ? /^FORBIDDEN$/ : /^(FORBIDDEN|UNAUTHENTICATED)$/),
        ]);
      }
      const [row] = await api.sql(`select enabled, description from webhook_endpoints where id = $1`, [endpoint.id]);
      expect(row).toEqual({ enabled: true, description: '/matrix' });
    });

    it('an admin may do each', async () => {
      const { endpoint } = await createEndpoint('/matrix-admin', ['thread.created']);
      for (const [name, query, vars] of operations) {
        if (name === 'replayWebhookDelivery') continue; // needs a dead delivery (above)
        const res = await api.gql(query, vars(endpoint.id), as(admin));
        expect([name, res.errors]).toEqual([name, undefined]);
      }
    });
  });
});

describe('URL safety where private addresses are not allowed', () => {
  let strict: TestApi;
  let strictAdmin: TestMember;
  beforeAll(async () => {
    strict = await startTestApi({ JOBS_WORKER: 'off' });
    strictAdmin = await buildMember(strict, { role: 'ADMIN' });
  });
  afterAll(() => strict?.close());

  it.each([
    ['http://example.com/hooks', /https/],
    [`https://127.0.0.1/hooks`, /127\.0\.0\.1.*not a public address/],
    [`https://[::ffff:10.0.0.1]/hooks`, /not a public address/],
    [`https://169.254.169.254/latest/meta-data`, /not a public address/],
    [`https://localhost/hooks`, /not a public address/],
  ])('refuses to save %s', async (url, reason) => {
    const res = await strict.gql(CREATE, { input: { url, events: ['thread.created'] } }, as(strictAdmin));
    expect(res.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions.fields.url).toMatch(reason);
    expect(await strict.sql(`select id from webhook_endpoints`)).toEqual([]);
  });

  it('checks again at delivery: a saved name that now resolves to loopback is never connected to', async () => {
    // As if localhost had resolved to a public address when saved (DNS rebinding).
    const port = new URL(crm.url).port;
    const [endpoint] = await strict.sql(
      `insert into webhook_endpoints (url, events, secret) values ($1, '{thread.created}', $2) returning id`,
      [`https://localhost:${port}/rebound`, `whsec_${randomBytes(32).toString('base64')}`],
    );
    const [event] = await strict.sql(
      `insert into domain_events (name, actor_type, actor_label, subject) values ('thread.created', 'system', 'test', 'thread:1') returning id`,
    );
    const [delivery] = await strict.sql(
      `insert into webhook_deliveries (endpoint_id, event_id, event_type, subject, body)
       values ($1, $2, 'thread.created', 'thread:1', '{}') returning id::text`,
      [endpoint.id, event.id],
    );
    await attemptDelivery(strict.app.services, delivery.id);
    const [row] = await strict.sql(`select status, attempts, error from webhook_deliveries where id = $1`, [
      delivery.id,
    ]);
    expect(row).toMatchObject({ status: 'RETRYING', attempts: 1 });
    expect(row.error).toMatch(/not a public address/);
    expect(crm.at('/rebound')).toEqual([]);
  });
});

describe('inbound CRM webhooks', () => {
  const post = async (body: string, headers: Record<string, string>) => {
    const started = performance.now();
    const res = await fetch(`${api.url}/webhooks/crm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    return { status: res.status, json: (await res.json()) as any, ms: performance.now() - started };
  };
  const signed = (id: string, body: string, timestamp = Math.floor(Date.now() / 1000), secret = CRM_SECRET) => ({
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signInbound(id, timestamp, body, secret),
  });
  const received = (id: string) => api.sql(`select type, payload from inbound_webhooks where webhook_id = $1`, [id]);
  const announced = (id: string) =>
    api.sql(
      `select actor_label, data from domain_events where name = 'crm.webhook_received' and data->>'webhookId' = $1`,
      [id],
    );

  it('accepts a valid one within a second, stores it and announces it', async () => {
    const body = JSON.stringify({
      type: 'case.updated',
      timestamp: new Date().toISOString(),
      data: { caseId: 'C-1', status: 'OPEN' },
    });
    const res = await post(body, signed('crm_msg_1', body));
    expect(res).toMatchObject({ status: 200, json: { received: true, duplicate: false } });
    expect(res.ms).toBeLessThan(1000);
    expect(await received('crm_msg_1')).toEqual([{ type: 'case.updated', payload: JSON.parse(body) }]);
    expect(await announced('crm_msg_1')).toEqual([
      {
        actor_label: 'crm-webhook',
        data: expect.objectContaining({ type: 'case.updated', data: { caseId: 'C-1', status: 'OPEN' } }),
      },
    ]);
  });

  it('answers a replay of a seen id 200, with no second effect', async () => {
    const body = JSON.stringify({ type: 'customer.updated', data: { externalId: 'X-1' } });
    expect((await post(body, signed('crm_msg_2', body))).json.duplicate).toBe(false);
    const again = await post(body, signed('crm_msg_2', body));
    expect(again).toMatchObject({ status: 200, json: { duplicate: true } });
    expect(await received('crm_msg_2')).toHaveLength(1);
    expect(await announced('crm_msg_2')).toHaveLength(1);
  });

  it('refuses a forged one (401), a stale or malformed one (400), and stores none', async () => {
    const body = JSON.stringify({ type: 'case.updated', data: { caseId: 'C-2' } });
    const forged = await post(
      body,
      signed('crm_forged', body, undefined, `whsec_${randomBytes(32).toString('base64')}`),
    );
    expect(forged.status).toBe(401);
    const tampered = await post(body.replace('C-2', 'C-3'), signed('crm_tampered', body));
    expect(tampered.status).toBe(401);
    const stale = await post(body, signed('crm_stale', body, Math.floor(Date.now() / 1000) - 301));
    expect(stale.status).toBe(400);
    const future = await post(body, signed('crm_future', body, Math.floor(Date.now() / 1000) + 301));
    expect(future.status).toBe(400);
    const missing = await post(body, { 'webhook-id': 'crm_missing' });
    expect(missing.status).toBe(400);
    const notJson = await post('not json', signed('crm_not_json', 'not json'));
    expect(notJson.status).toBe(400);
    const noType = await post('{"data":{}}', signed('crm_no_type', '{"data":{}}'));
    expect(noType.status).toBe(400);
    const ids = ['crm_forged', 'crm_tampered', 'crm_stale', 'crm_future', 'crm_missing', 'crm_not_json', 'crm_no_type'];
    expect(await api.sql(`select webhook_id from inbound_webhooks where webhook_id = any($1)`, [ids])).toEqual([]);
  });
});
