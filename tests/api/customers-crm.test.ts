import { createHmac, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caughtUp } from '../support/events.js';
import { buildMember, buildReply, buildThread, type TestMember } from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// The CRM's inbound customer changes applied (signed POST /webhooks/crm → customers
// subscriber → upsertCustomers as the system), and the customer's influence and sentiment
// signals over its linked members.

const CRM_SECRET = `whsec_${randomBytes(32).toString('base64')}`;

let api: TestApi;
let admin: TestMember;
beforeAll(async () => {
  api = await startTestApi({ CRM_WEBHOOK_SECRET: CRM_SECRET });
  admin = await buildMember(api, { role: 'ADMIN' });
});
afterAll(async () => {
  await api?.close();
});

let serial = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++serial}`;

/** Sends a message as the CRM does: signed with the Standard Webhooks reference algorithm. */
async function send(message: unknown, id = unique('msg')) {
  const body = JSON.stringify(message);
  const timestamp = Math.floor(Date.now() / 1000);
  const key = Buffer.from(CRM_SECRET.replace(/^whsec_/, ''), 'base64');
  const signature = `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
  const res = await fetch(`${api.url}/webhooks/crm`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signature,
    },
    body,
  });
  expect(res.status).toBe(200);
  await caughtUp(api, 'customers.apply_crm_changes', 30_000);
  return id;
}

const stored = async (externalId: string) =>
  (
    await api.sql(
      `select c.id, c.name, c.company, c.crm_updated_at, c.lifetime_value_cents::int as ltv,
              array(select email from customer_emails e where e.customer_id = c.id order by email) as emails
         from customers c where external_id = $1`,
      [externalId],
    )
  )[0];

const record = (externalId: string, updatedAt: string, extra: Record<string, unknown> = {}) => ({
  externalId,
  name: `Customer ${externalId}`,
  company: 'Acme',
  emails: [`${externalId.toLowerCase()}@acme.example`],
  lifetimeValueCents: 990_000,
  currency: 'EUR',
  updatedAt,
  ...extra,
});

describe('inbound customer changes', () => {
  it('creates a record from one signed customer.updated, then updates it with a newer one', async () => {
    const ext = unique('CRM');
    await send({ type: 'customer.updated', data: record(ext, '2026-11-01T10:00:00Z') });
    expect(await stored(ext)).toMatchObject({ name: `Customer ${ext}`, company: 'Acme', ltv: 990_000 });
    const [event] = await api.sql(
      `select actor_label from domain_events where name = 'customer.created' and data->>'externalId' = $1`,
      [ext],
    );
    expect(event).toEqual({ actor_label: 'crm-webhook' });

    await send({ type: 'customer.updated', data: record(ext, '2026-11-02T10:00:00Z', { company: 'Acme Group' }) });
    expect(await stored(ext)).toMatchObject({ company: 'Acme Group' });
  });

  it('ignores a stale record (older updatedAt than stored)', async () => {
    const ext = unique('CRM');
    await send({ type: 'customer.updated', data: record(ext, '2026-11-05T10:00:00Z', { company: 'New' }) });
    await send({ type: 'customer.updated', data: record(ext, '2026-11-01T10:00:00Z', { company: 'Old' }) });
    expect(await stored(ext)).toMatchObject({ company: 'New' });
    expect(new Date((await stored(ext))!.crm_updated_at).toISOString()).toBe('2026-11-05T10:00:00.000Z');
  });

  it('a replayed webhook-id has no second effect', async () => {
    const ext = unique('CRM');
    const id = await send({ type: 'customer.updated', data: record(ext, '2026-11-01T10:00:00Z') });
    // Staff change it in between; a replay of the first message must not undo it.
    await api.sql(`update customers set company = 'Changed by hand' where external_id = $1`, [ext]);
    await send({ type: 'customer.updated', data: record(ext, '2026-11-01T10:00:00Z') }, id);
    expect(await stored(ext)).toMatchObject({ company: 'Changed by hand' });
    const events = await api.sql(
      `select 1 from domain_events where name = 'customer.created' and data->>'externalId' = $1`,
      [ext],
    );
    expect(events).toHaveLength(1);
  });

  it('the same message delivered twice by the subscriber changes nothing more (UNCHANGED)', async () => {
    const ext = unique('CRM');
    await send({ type: 'customer.updated', data: record(ext, '2026-11-01T10:00:00Z') });
    // A second message with the same record (the CRM resent under a new id).
    await send({ type: 'customer.updated', data: record(ext, '2026-11-01T10:00:00Z') });
    const events = await api.sql(
      `select name from domain_events where name like 'customer.%' and data->>'externalId' = $1`,
      [ext],
    );
    expect(events).toEqual([{ name: 'customer.created' }]);
  });

  it('a bad record does not block a good one in the same message, and does not stop the subscriber', async () => {
    const good = unique('CRM');
    const bad = unique('CRM');
    await send({
      type: 'customer.updated',
      data: {
        records: [
          record(bad, 'not a date'),
          null,
          record(good, '2026-11-01T10:00:00Z'),
          record(unique('CRM'), '2026-11-01T10:00:00Z', { currency: 'EURO' }),
        ],
      },
    });
    expect(await stored(good)).toMatchObject({ name: `Customer ${good}` });
    expect(await stored(bad)).toBeUndefined();
    // The subscriber is not parked: a later message is applied.
    const later = unique('CRM');
    await send({ type: 'customer.updated', data: record(later, '2026-11-01T10:00:00Z') });
    expect(await stored(later)).toBeDefined();
    const [failures] = await api.sql(
      `select count(*)::int as n from event_failures where subscriber = 'customers.apply_crm_changes'`,
    );
    expect(failures).toEqual({ n: 0 });
  });

  it('a message of more than 500 records is ignored whole, and other types are left alone', async () => {
    const ext = unique('CRM');
    const records = Array.from({ length: 501 }, (_, i) => record(`${ext}-${i}`, '2026-11-01T10:00:00Z'));
    await send({ type: 'customer.updated', data: { records } });
    await send({ type: 'case.updated', data: record(ext, '2026-11-01T10:00:00Z') });
    expect(await api.sql(`select 1 from customers where external_id like $1`, [`${ext}%`])).toEqual([]);
  });

  it('customer.deleted anonymises the record and unlinks its members, once', async () => {
    const ext = unique('CRM');
    const member = await buildMember(api);
    await api.sql(`update members set email_verified_at = now() where id = $1`, [member.id]);
    await send({ type: 'customer.updated', data: record(ext, '2026-11-01T10:00:00Z', { emails: [member.email] }) });
    await caughtUp(api, 'customers.link-verified-members', 30_000);
    const customer = await stored(ext);
    expect(await api.sql(`select customer_id from customer_links where member_id = $1`, [member.id])).toEqual([
      { customer_id: customer!.id },
    ]);

    await send({ type: 'customer.deleted', data: { externalId: ext } });
    await send({ type: 'customer.deleted', data: { externalId: ext } });
    expect(await stored(ext)).toMatchObject({ name: 'Deleted in the CRM', company: null, ltv: null, emails: [] });
    expect(await api.sql(`select 1 from customer_links where member_id = $1`, [member.id])).toEqual([]);
    const events = await api.sql(`select data from domain_events where name = 'customer.deleted' and subject = $1`, [
      `customer:${customer!.id}`,
    ]);
    expect(events).toEqual([
      { data: { customerId: customer!.id, externalId: ext, unlinkedMemberIds: [Number(member.id)] } },
    ]);
  });
});

describe('customer signals: influence and sentiment', () => {
  const SIGNALS = `query($id: ID!) { customer(id: $id) { signals {
    influence { score membersWithInfluence explanation member { id } parts { name value weight explanation } }
    sentiment { score label sampleSize cues { cue count }
                trend { direction recentScore olderScore change postsPerHalf } }
  } } }`;

  /** A customer with two linked members. */
  async function customerWithMembers() {
    const ext = unique('SIG');
    const [a, b] = await Promise.all([buildMember(api), buildMember(api)]);
    const res = await api.gql(
      `mutation($r: [CustomerInput!]!) { upsertCustomers(records: $r) { results { customerId } } }`,
      { r: [{ externalId: ext, name: 'Signals Inc', updatedAt: '2026-11-01T10:00:00Z' }] },
      { token: admin.token },
    );
    const customerId = res.data.upsertCustomers.results[0].customerId as string;
    for (const m of [a!, b!]) {
      const link = await api.gql(
        `mutation($input: CustomerLinkInput!) { linkCustomer(input: $input) { member { id } } }`,
        { input: { customerId, memberId: m.id } },
        { token: admin.token },
      );
      expect(link.errors).toBeUndefined();
    }
    return { customerId, a: a!, b: b! };
  }

  it('sentiment: the mean, its label, cue counts and the trend over fixed posts', async () => {
    const { customerId, a, b } = await customerWithMembers();
    const thread = await buildThread(api, a);
    const replies = [];
    for (let i = 0; i < 4; i++)
      replies.push(await buildReply(api, i % 2 ? a : b, thread.id, `This is reply number ${i} in the thread.`));
    await caughtUp(api, 'insights.post_sentiment', 30_000);
    // Fixed scores and times: oldest first. The question is older than 90 days (left out).
    const fixed: [string, number, string[], string][] = [
      [thread.question.id, 900, ['GRATITUDE'], '100 days'],
      [replies[0]!.id, 400, ['GRATITUDE'], '4 days'],
      [replies[1]!.id, 200, [], '3 days'],
      [replies[2]!.id, -300, ['URGENCY', 'FRUSTRATION'], '2 days'],
      [replies[3]!.id, -500, ['URGENCY'], '1 day'],
    ];
    for (const [postId, score, cues, ago] of fixed) {
      await api.sql(`update post_sentiments set score = $2, cues = $3 where post_id = $1`, [postId, score, cues]);
      await api.sql(`update posts set created_at = now() - $2::interval where id = $1`, [postId, ago]);
    }
    const res = await api.gql(SIGNALS, { id: customerId }, { token: admin.token });
    expect(res.errors).toBeUndefined();
    // mean(400, 200, -300, -500) = -50: NEGATIVE (≤ -50); newer half mean -400, older 300.
    expect(res.data.customer.signals.sentiment).toEqual({
      score: -50,
      label: 'NEGATIVE',
      sampleSize: 4,
      cues: [
        { cue: 'URGENCY', count: 2 },
        { cue: 'FRUSTRATION', count: 1 },
        { cue: 'GRATITUDE', count: 1 },
      ],
      trend: { direction: 'WORSENING', recentScore: -400, olderScore: 300, change: -700, postsPerHalf: 2 },
    });
    // Five posts and the sentiment subscriber's backlog: slow on a busy machine.
  }, 90_000);

  it('influence: the most influential linked member’s score and parts, explained', async () => {
    const { customerId, a, b } = await customerWithMembers();
    const parts = (v: number) => [
      { name: 'ACCEPTED_ANSWERS', value: v, weight: 1, explanation: `${v} accepted` },
      { name: 'RANK', value: 1, weight: 2, explanation: 'rank' },
    ];
    await api.sql(
      `insert into member_influence (member_id, score, parts, computed_at) values ($1, 5, $2, now()), ($3, 9, $4, now())`,
      [a.id, JSON.stringify(parts(3)), b.id, JSON.stringify(parts(7))],
    );
    const res = await api.gql(SIGNALS, { id: customerId }, { token: admin.token });
    expect(res.errors).toBeUndefined();
    expect(res.data.customer.signals.influence).toEqual({
      score: 9,
      membersWithInfluence: 2,
      member: { id: b.id },
      parts: parts(7),
      explanation:
        'The most influential of the 2 linked members (2 with any influence): ACCEPTED_ANSWERS 7×1 + RANK 1×2 = 9.',
    });
  });

  it('without linked activity: zero influence and a neutral, steady sentiment', async () => {
    const ext = unique('SIG');
    const res = await api.gql(
      `mutation($r: [CustomerInput!]!) { upsertCustomers(records: $r) { results { customerId } } }`,
      { r: [{ externalId: ext, name: 'Quiet Ltd', updatedAt: '2026-11-01T10:00:00Z' }] },
      { token: admin.token },
    );
    const id = res.data.upsertCustomers.results[0].customerId;
    const signals = (await api.gql(SIGNALS, { id }, { token: admin.token })).data.customer.signals;
    expect(signals.influence).toMatchObject({ score: 0, parts: [], member: null, membersWithInfluence: 0 });
    expect(signals.sentiment).toMatchObject({ score: 0, label: 'NEUTRAL', sampleSize: 0, cues: [] });
    expect(signals.sentiment.trend).toMatchObject({ direction: 'STEADY', change: null });
  });

  it('only staff with the customer permission read them', async () => {
    const { customerId, a } = await customerWithMembers();
    const moderator = await buildMember(api, { role: 'MODERATOR' });
    for (const viewer of [a, moderator]) {
      const res = await api.gql(SIGNALS, { id: customerId }, { token: viewer.token });
      expect(res.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
      expect(res.data?.customer ?? null).toBeNull();
    }
    const anonymous = await api.gql(SIGNALS, { id: customerId });
    expect(anonymous.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    await api.gql(
      `mutation($id: ID!) { grantCustomerAccess(memberId: $id) }`,
      { id: moderator.id },
      { token: admin.token },
    );
    const granted = await api.gql(SIGNALS, { id: customerId }, { token: moderator.token });
    expect(granted.errors).toBeUndefined();
    expect(granted.data.customer.signals.sentiment.label).toBeDefined();
  });
});

describe('the customer list and access grants', () => {
  const LIST = `query($search: String, $first: Int, $after: String) {
    customers(search: $search, first: $first, after: $after) {
      edges { node { externalId name } } pageInfo { hasNextPage endCursor } } }`;

  it('searches by name, external id prefix and email, newest first, a page at a time', async () => {
    const tag = unique('dir').replace(/-/g, '');
    const records = ['Alpha', 'Beta', 'Gamma'].map((n, i) => ({
      externalId: `${tag}-${i}`,
      name: `${n} ${tag}`,
      emails: [`${n.toLowerCase()}@${tag}.example`],
      updatedAt: '2026-11-01T10:00:00Z',
    }));
    const up = await api.gql(
      `mutation($r: [CustomerInput!]!) { upsertCustomers(records: $r) { results { status } } }`,
      { r: records },
      { token: admin.token },
    );
    expect(up.errors).toBeUndefined();
    const page = async (vars: Record<string, unknown>) => {
      const res = await api.gql(LIST, vars, { token: admin.token });
      expect(res.errors).toBeUndefined();
      return res.data.customers;
    };
    const first = await page({ search: tag.toUpperCase(), first: 2 });
    expect(first.edges.map((e: any) => e.node.externalId)).toEqual([`${tag}-2`, `${tag}-1`]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await page({ search: tag, first: 2, after: first.pageInfo.endCursor });
    expect(second.edges.map((e: any) => e.node.externalId)).toEqual([`${tag}-0`]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect((await page({ search: `${tag}-1` })).edges.map((e: any) => e.node.name)).toEqual([`Beta ${tag}`]);
    expect((await page({ search: `GAMMA@${tag}.example` })).edges.map((e: any) => e.node.name)).toEqual([
      `Gamma ${tag}`,
    ]);
    expect((await page({ search: '%' })).edges.every((e: any) => e.node.name.includes('%'))).toBe(true);
  });

  it('lists customers and grants only for those allowed', async () => {
    const [moderator, member] = await Promise.all([buildMember(api, { role: 'MODERATOR' }), buildMember(api)]);
    for (const viewer of [moderator, member]) {
      expect((await api.gql(LIST, {}, { token: viewer.token })).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    }
    await api.gql(
      `mutation($id: ID!) { grantCustomerAccess(memberId: $id) }`,
      { id: moderator.id },
      { token: admin.token },
    );
    expect((await api.gql(LIST, {}, { token: moderator.token })).errors).toBeUndefined();
    const GRANTS = `query { customerAccessGrants { member { id } grantedBy { id } grantedAt } }`;
    const grants = await api.gql(GRANTS, {}, { token: admin.token });
    expect(grants.data.customerAccessGrants).toContainEqual({
      member: { id: moderator.id },
      grantedBy: { id: admin.id },
      grantedAt: expect.any(String),
    });
    expect((await api.gql(GRANTS, {}, { token: moderator.token })).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });
});
