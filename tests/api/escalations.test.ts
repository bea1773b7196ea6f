import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { escalateUnanswered, refreshPriorities } from '../../api/src/modules/escalations/escalations.jobs.js';
import { explainPriority, type PriorityPart } from '../../api/src/modules/escalations/priority.js';
import { caughtUp } from '../support/events.js';
import { buildMember, buildReply, buildThread, type TestMember } from '../support/factories.js';
import { liveClient, type LiveClient } from '../support/live-client.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// Escalations (issue 14 point 7): each trigger (needs staff, unanswered past the category's
// target, an urgent negative post from a valuable customer), idempotency and concurrency, the
// priority and its explanation, the queue order and SLA filter, the case round trip with a local
// HTTP server playing the CRM (escalation.created delivered, a signed case.updated back), service
// scopes, who sees what, the resolution posted as an answer, and the live stream.

const CRM_SECRET = `whsec_${randomBytes(32).toString('base64')}`;

/** The CRM: records every delivery it receives. */
class Crm {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      this.received.push({ path: req.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = 200;
      res.end();
    });
  });
  received: { path: string; body: string }[] = [];
  url = '';
  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  close() {
    this.server.closeAllConnections();
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

let api: TestApi;
let crm: Crm;
let admin: TestMember;
let moderator: TestMember;
let qaCategory: string;
const clients: LiveClient[] = [];
beforeAll(async () => {
  crm = new Crm();
  await crm.start();
  api = await startTestApi({ WEBHOOK_ALLOW_PRIVATE_URLS: 'true', CRM_WEBHOOK_SECRET: CRM_SECRET });
  [admin, moderator] = await Promise.all([
    buildMember(api, { role: 'ADMIN' }),
    buildMember(api, { role: 'MODERATOR' }),
  ]);
  const [row] = await api.sql(
    `insert into categories (slug, name, kind) values ('esc-qa-' || floor(random() * 1e9)::text, 'Escalation Q&A', 'QA') returning id`,
  );
  qaCategory = String(row.id);
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await api?.close();
  await crm?.close();
});

/** Several round trips per test (webhooks, subscribers, jobs): more time than the default on a busy machine. */
const SLOW = { timeout: 90_000 };
const waitFor = (check: () => Promise<void> | void, timeout = 30_000) => vi.waitFor(check, { timeout, interval: 50 });
const as = (m: TestMember | null) => (m ? { token: m.token, ip: m.ip } : {});
const code = (res: { errors?: { extensions: Record<string, any> }[] }) => res.errors?.[0]?.extensions.code;

const FULL = `id reason status priority priorityExplanation priorityParts { name points detail } slaDueAt slaBreached
  caseId caseUrl caseStatus resolution note createdAt updatedAt requestedBy { id } thread { id }
  resolutionPost { id } customer { id externalId }`;
const ESCALATE = `mutation($input: EscalateThreadInput!) { escalateThread(input: $input) { ${FULL} } }`;
const THREAD_ESCALATION = `query($id: ID!) { thread(id: $id) { id escalation { ${FULL} } } }`;
const ONE = `query($id: ID!) { escalation(id: $id) { ${FULL} } }`;
const QUEUE = `query($filter: EscalationFilter, $first: Int, $after: String) {
  escalations(filter: $filter, first: $first, after: $after) {
    edges { node { id priority reason status slaBreached thread { id } } } pageInfo { hasNextPage endCursor } } }`;
const SET_STATUS = `mutation($input: SetEscalationStatusInput!) { setEscalationStatus(input: $input) { id status resolution } }`;
const UPDATE_CASE = `mutation($input: UpdateEscalationCaseInput!) {
  updateEscalationCase(input: $input) { id status caseId caseUrl caseStatus resolution priority } }`;
const POST_RESOLUTION = `mutation($input: PostEscalationResolutionInput!) {
  postEscalationResolution(input: $input) { id status resolution resolutionPost { id body author { id } } } }`;

const escalate = (by: TestMember | null, threadId: string, reason?: string) =>
  api.gql(ESCALATE, { input: { threadId, reason } }, as(by));
const rowsOf = (threadId: string) =>
  api.sql(
    `select id, reason, status, advocate, note, customer_id, requested_by from escalations where thread_id = $1`,
    [threadId],
  );
const asAdvocate = async (m: TestMember, categoryIds: number[] | null = null) => {
  await api.sql(`update members set is_advocate = true, advocate_category_ids = $2::int[] where id = $1`, [
    m.id,
    categoryIds,
  ]);
};

let serial = 0;
/** A customer of `lifetimeValueCents` linked to `member` (through the customers module's mutations). */
async function linkedCustomer(member: TestMember, lifetimeValueCents: number) {
  const externalId = `crm-${Date.now().toString(36)}-${++serial}`;
  const up = await api.gql(
    `mutation($records: [CustomerInput!]!) { upsertCustomers(records: $records) { results { customerId status } } }`,
    {
      records: [
        {
          externalId,
          name: `Customer ${externalId}`,
          emails: [`billing-${externalId}@example.test`],
          lifetimeValueCents,
          currency: 'EUR',
          updatedAt: new Date().toISOString(),
        },
      ],
    },
    as(admin),
  );
  expect(up.errors).toBeUndefined();
  const customerId = up.data.upsertCustomers.results[0].customerId as string;
  const link = await api.gql(
    `mutation($input: CustomerLinkInput!) { linkCustomer(input: $input) { customer { id } } }`,
    { input: { customerId, memberId: member.id } },
    as(admin),
  );
  expect(link.errors).toBeUndefined();
  return { customerId, externalId };
}

async function serviceToken(scopes: string[]) {
  const res = await api.gql(
    `mutation($input: CreateServiceTokenInput!) { createServiceToken(input: $input) { token } }`,
    { input: { name: `CRM ${++serial}`, scopes } },
    as(admin),
  );
  expect(res.errors).toBeUndefined();
  return res.data.createServiceToken.token as string;
}

describe('needs staff', SLOW, () => {
  it('the asker escalates their thread with a note; they see its status, staff see it all', async () => {
    const asker = await buildMember(api);
    const thread = await buildThread(api, asker, { categoryId: qaCategory });
    const res = await escalate(asker, thread.id, '  Blocked since Monday  ');
    expect(res.errors).toBeUndefined();
    expect(res.data.escalateThread).toMatchObject({
      reason: 'NEEDS_STAFF',
      status: 'OPEN',
      priority: null,
      priorityExplanation: null,
      priorityParts: null,
      slaDueAt: null,
      note: null,
      customer: null,
      requestedBy: null,
    });
    expect(await rowsOf(thread.id)).toEqual([
      expect.objectContaining({ reason: 'NEEDS_STAFF', status: 'OPEN', note: 'Blocked since Monday', advocate: false }),
    ]);

    const staff = (await api.gql(THREAD_ESCALATION, { id: thread.id }, as(moderator))).data.thread.escalation;
    expect(staff).toMatchObject({
      id: res.data.escalateThread.id,
      note: 'Blocked since Monday',
      requestedBy: { id: asker.id },
      slaBreached: false,
      thread: { id: thread.id },
    });
    expect(staff.priority).toBe(staff.priorityParts.reduce((s: number, p: PriorityPart) => s + p.points, 0));
    expect(staff.priorityExplanation).toBe(explainPriority(staff.priorityParts));
    expect(staff.priorityParts.map((p: PriorityPart) => p.name)).toEqual(['value', 'influence', 'sentiment', 'waited']);

    const own = (await api.gql(THREAD_ESCALATION, { id: thread.id }, as(asker))).data.thread.escalation;
    expect(own).toMatchObject({ status: 'OPEN', caseStatus: null, priority: null, note: null, customer: null });
    expect(own.createdAt).toBe(staff.createdAt);
    const event = await api.sql(
      `select actor_type, actor_id::text, related, data from domain_events where name = 'escalation.created' and subject = $1`,
      [`escalation:${staff.id}`],
    );
    expect(event).toEqual([
      expect.objectContaining({
        actor_type: 'member',
        actor_id: asker.id,
        related: [`thread:${thread.id}`, `member:${asker.id}`],
      }),
    ]);
  });

  it('an advocate of the category and staff may ask; advocates’ escalations go first in the queue', async () => {
    const [asker, advocate, other] = await Promise.all([buildMember(api), buildMember(api), buildMember(api)]);
    await asAdvocate(advocate, [Number(qaCategory)]);
    const t1 = await buildThread(api, asker, { categoryId: qaCategory });
    const t2 = await buildThread(api, asker, { categoryId: qaCategory });
    const [elsewhere] = await api.sql(
      `insert into categories (slug, name, kind) values ('esc-other-' || floor(random() * 1e9)::text, 'Other Q&A', 'QA') returning id`,
    );
    const t3 = await buildThread(api, asker, { categoryId: String(elsewhere.id) });
    // Staff escalate t1 with a higher priority than the advocate's t2 will have.
    expect(code(await escalate(moderator, t1.id, 'Looks like a regression'))).toBeUndefined();
    await api.sql(`update escalations set priority = 999 where thread_id = $1`, [t1.id]);
    const byAdvocate = await escalate(advocate, t2.id, 'This member has waited all week');
    expect(byAdvocate.errors).toBeUndefined();
    expect(byAdvocate.data.escalateThread.priority).toBeNull();
    expect(await rowsOf(t2.id)).toEqual([
      expect.objectContaining({ advocate: true, requested_by: Number(advocate.id) }),
    ]);
    const [{ priority_parts: parts }] = await api.sql(`select priority_parts from escalations where thread_id = $1`, [
      t2.id,
    ]);
    expect(parts.at(-1)).toMatchObject({ name: 'advocate', points: 10 });

    // An advocate of another category only is like any other member there.
    const [otherCategory] = await api.sql(`select category_id from threads where id = $1`, [t3.id]);
    expect(otherCategory.category_id).not.toBe(Number(qaCategory));
    expect(code(await escalate(advocate, t3.id))).toBe('FORBIDDEN');
    expect(code(await escalate(other, t3.id))).toBe('FORBIDDEN');
    expect(await rowsOf(t3.id)).toEqual([]);

    const queue = await api.gql(QUEUE, { first: 100, filter: { status: ['OPEN'] } }, as(moderator));
    expect(queue.errors).toBeUndefined();
    const ids = queue.data.escalations.edges.map((e: any) => e.node.thread.id);
    expect(ids.indexOf(t2.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(t2.id)).toBeLessThan(ids.indexOf(t1.id));
    // Non-advocate escalations follow by priority, highest first.
    const rest = queue.data.escalations.edges.map((e: any) => e.node).filter((n: any) => n.thread.id !== t2.id);
    const advocateRows = await api.sql(`select thread_id::text from escalations where advocate`);
    const plain = rest.filter((n: any) => !advocateRows.some((r: any) => r.thread_id === n.thread.id));
    expect(plain.map((n: any) => n.priority)).toEqual([...plain.map((n: any) => n.priority)].sort((a, b) => b - a));
  });

  it('is refused to other members (FORBIDDEN), visitors (log in), services, and hidden threads (NOT_FOUND)', async () => {
    const [asker, other] = await Promise.all([buildMember(api), buildMember(api)]);
    const thread = await buildThread(api, asker);
    expect(code(await escalate(other, thread.id))).toBe('FORBIDDEN');
    expect(code(await escalate(null, thread.id))).toBe('UNAUTHENTICATED');
    const token = await serviceToken(['cases:write', 'customers:read']);
    const byService = await api.gql(ESCALATE, { input: { threadId: thread.id } }, { token });
    expect(code(byService)).toBe('FORBIDDEN');
    expect(code(await escalate(asker, thread.id, 'x'.repeat(1001)))).toBe('BAD_USER_INPUT');
    expect(await rowsOf(thread.id)).toEqual([]);

    const [lounge] = await api.sql(
      `insert into categories (slug, name, kind) values ('lounge-' || floor(random() * 1e9)::text, 'Lounge', 'RESTRICTED') returning id`,
    );
    const hidden = await buildThread(api, moderator, { categoryId: String(lounge.id) });
    const refused = await escalate(other, hidden.id);
    expect(code(refused)).toBe('NOT_FOUND');
    const absent = await escalate(other, '99999999');
    expect(refused.errors![0]!.message).toBe(absent.errors![0]!.message);
  });

  it('is idempotent: asking again returns the open escalation; two at once leave one row', async () => {
    const asker = await buildMember(api);
    const thread = await buildThread(api, asker);
    const first = await escalate(asker, thread.id, 'First');
    const again = await escalate(moderator, thread.id, 'Second');
    expect(again.data.escalateThread.id).toBe(first.data.escalateThread.id);
    expect(await rowsOf(thread.id)).toHaveLength(1);

    const other = await buildThread(api, asker);
    const both = await Promise.all([escalate(asker, other.id, 'A'), escalate(moderator, other.id, 'B')]);
    expect(both.map((r) => r.errors)).toEqual([undefined, undefined]);
    expect(both[0]!.data.escalateThread.id).toBe(both[1]!.data.escalateThread.id);
    expect(await rowsOf(other.id)).toHaveLength(1);
    const events = await api.sql(
      `select 1 from domain_events where name = 'escalation.created' and related @> array[$1]::text[]`,
      [`thread:${other.id}`],
    );
    expect(events).toHaveLength(1);

    // Once resolved, asking again opens a new one.
    await api.gql(SET_STATUS, { input: { id: first.data.escalateThread.id, status: 'RESOLVED' } }, as(moderator));
    const reopened = await escalate(asker, thread.id, 'It broke again');
    expect(reopened.data.escalateThread.id).not.toBe(first.data.escalateThread.id);
    expect((await rowsOf(thread.id)).map((r) => r.status).sort()).toEqual(['OPEN', 'RESOLVED']);
  });
});

describe('unanswered past the category target', SLOW, () => {
  it('the scan escalates old unanswered questions in categories with a target, once', async () => {
    const created = await api.gql(
      `mutation($input: CreateCategoryInput!) { createCategory(input: $input) { id slug answerTargetMinutes } }`,
      { input: { slug: `target-${++serial}`, name: 'Targeted', kind: 'QA', answerTargetMinutes: 30 } },
      as(admin),
    );
    expect(created.errors).toBeUndefined();
    expect(created.data.createCategory.answerTargetMinutes).toBe(30);
    const categoryId = created.data.createCategory.id;
    const asker = await buildMember(api);
    const [late, answered, fresh, untargeted] = await Promise.all([
      buildThread(api, asker, { categoryId }),
      buildThread(api, asker, { categoryId }),
      buildThread(api, asker, { categoryId }),
      buildThread(api, asker, { categoryId: qaCategory }),
    ]);
    await buildReply(api, moderator, answered.id);
    await api.sql(`update threads set created_at = now() - interval '3 hours' where id = any($1::int[])`, [
      [late.id, answered.id, untargeted.id],
    ]);
    await api.sql(`update threads set created_at = now() - interval '10 minutes' where id = $1`, [fresh.id]);

    expect(await escalateUnanswered(api.app.services)).toBeGreaterThanOrEqual(1);
    const [row] = await rowsOf(late.id);
    expect(row).toMatchObject({ reason: 'UNANSWERED', status: 'OPEN', requested_by: null });
    expect(await rowsOf(answered.id)).toEqual([]);
    expect(await rowsOf(fresh.id)).toEqual([]);
    expect(await rowsOf(untargeted.id)).toEqual([]);
    const [event] = await api.sql(
      `select actor_type, actor_label from domain_events where name = 'escalation.created' and subject = $1`,
      [`escalation:${row.id}`],
    );
    expect(event).toEqual({ actor_type: 'system', actor_label: 'escalations.unanswered' });
    // Three hours waited: 3 h × 2.
    const staff = await api.gql(ONE, { id: String(row.id) }, as(moderator));
    expect(staff.data.escalation.priorityParts.find((p: PriorityPart) => p.name === 'waited')).toMatchObject({
      points: 6,
    });

    // Run again (and after it is resolved): nothing new.
    await escalateUnanswered(api.app.services);
    await api.gql(SET_STATUS, { input: { id: String(row.id), status: 'CLOSED' } }, as(moderator));
    await escalateUnanswered(api.app.services);
    expect(await rowsOf(late.id)).toHaveLength(1);

    // Only administrators read and change the target.
    const read = `query($slug: String!) { category(slug: $slug) { id answerTargetMinutes } }`;
    const slug = created.data.createCategory.slug;
    expect((await api.gql(read, { slug }, as(moderator))).data.category.answerTargetMinutes).toBeNull();
    expect((await api.gql(read, { slug }, as(admin))).data.category.answerTargetMinutes).toBe(30);
    const off = await api.gql(
      `mutation($input: UpdateCategoryInput!) { updateCategory(input: $input) { answerTargetMinutes } }`,
      { input: { id: categoryId, answerTargetMinutes: 0 } },
      as(admin),
    );
    expect(off.data.updateCategory.answerTargetMinutes).toBeNull();
    const bad = await api.gql(
      `mutation($input: UpdateCategoryInput!) { updateCategory(input: $input) { answerTargetMinutes } }`,
      { input: { id: categoryId, answerTargetMinutes: -5 } },
      as(admin),
    );
    expect(code(bad)).toBe('BAD_USER_INPUT');
  });

  it('the refresh job grows the waiting part of open escalations and never loosens the SLA', async () => {
    const asker = await buildMember(api);
    const thread = await buildThread(api, asker);
    const res = await escalate(asker, thread.id);
    const id = res.data.escalateThread.id;
    const [before] = await api.sql(`select priority, sla_due_at from escalations where id = $1`, [id]);
    await api.sql(`update threads set created_at = now() - interval '5 hours' where id = $1`, [thread.id]);
    await api.sql(`update escalations set priority_computed_at = now() - interval '1 day' where id = $1`, [id]);
    await refreshPriorities(api.app.services);
    const [after] = await api.sql(`select priority, priority_parts, sla_due_at from escalations where id = $1`, [id]);
    expect(after.priority).toBe(before.priority + 10);
    expect(after.priority_parts.find((p: PriorityPart) => p.name === 'waited')).toMatchObject({
      points: 10,
      detail: '5 h waiting × 2',
    });
    expect(new Date(after.sla_due_at).getTime()).toBeLessThanOrEqual(new Date(before.sla_due_at).getTime());
  });
});

describe('negative, urgent posts from valuable customers', SLOW, () => {
  const ANGRY =
    'Production is down and we are losing money. This is terrible, awful and unacceptable: fix it urgently or we cancel.';

  it('escalate their thread (NEGATIVE_URGENT) with the customer; a low-value customer’s do not', async () => {
    const [valuable, small] = await Promise.all([buildMember(api), buildMember(api)]);
    const big = await linkedCustomer(valuable, 5_000_000);
    await linkedCustomer(small, 1_000);
    const t1 = await buildThread(api, valuable, { body: ANGRY });
    const t2 = await buildThread(api, small, { body: ANGRY });
    const calm = await buildThread(api, valuable);
    await caughtUp(api, 'escalations.negative_urgent', 30_000);
    expect(await rowsOf(t1.id)).toEqual([
      expect.objectContaining({ reason: 'NEGATIVE_URGENT', customer_id: Number(big.customerId), requested_by: null }),
    ]);
    expect(await rowsOf(t2.id)).toEqual([]);
    expect(await rowsOf(calm.id)).toEqual([]);

    // A reply by the asker in the calm thread turning urgent escalates it then.
    await buildReply(api, valuable, calm.id, ANGRY);
    await caughtUp(api, 'escalations.negative_urgent', 30_000);
    expect(await rowsOf(calm.id)).toEqual([expect.objectContaining({ reason: 'NEGATIVE_URGENT' })]);

    // Its priority counts the customer's value (50,000 EUR: 6 × log10(50,001) ≈ 28) and the sentiment.
    const [{ id }] = await rowsOf(t1.id);
    const staff = (await api.gql(ONE, { id: String(id) }, as(admin))).data.escalation;
    expect(staff.priorityParts.find((p: PriorityPart) => p.name === 'value')).toEqual({
      name: 'value',
      points: 28,
      detail: 'lifetime value 50000.00 EUR',
    });
    expect(staff.priorityParts.find((p: PriorityPart) => p.name === 'sentiment').points).toBeGreaterThanOrEqual(15);
    expect(staff.customer).toEqual({ id: big.customerId, externalId: big.externalId });
    // A moderator without the customer permission sees the escalation, not the customer.
    const mod = (await api.gql(ONE, { id: String(id) }, as(moderator))).data.escalation;
    expect(mod.priority).toBe(staff.priority);
    expect(mod.customer).toBeNull();

    // The customer's record shows it: on the timeline and in the open issues.
    const record = await api.gql(
      `query($id: ID!) { customer(id: $id) { timeline(first: 50) { edges { node { kind threadId detail } } }
         signals { openIssues { unresolvedQuestions openEscalations } } } }`,
      { id: big.customerId },
      as(admin),
    );
    expect(record.errors).toBeUndefined();
    const escalated = record.data.customer.timeline.edges
      .map((e: any) => e.node)
      .filter((n: any) => n.kind === 'ESCALATED');
    expect(escalated.map((n: any) => n.threadId).sort()).toEqual([t1.id, calm.id].sort());
    expect(escalated[0].detail).toBe('NEGATIVE_URGENT · OPEN');
    expect(record.data.customer.signals.openIssues.openEscalations).toBe(2);
  });
});

describe('SLA', SLOW, () => {
  it('is due from the priority band, and the breached filter finds those past it', async () => {
    const asker = await buildMember(api);
    const thread = await buildThread(api, asker);
    const id = (await escalate(asker, thread.id)).data.escalateThread.id;
    const staff = (await api.gql(ONE, { id }, as(moderator))).data.escalation;
    // A new member's question with no customer is a normal priority: 24 h.
    expect(staff.priority).toBeLessThan(35);
    expect(new Date(staff.slaDueAt).getTime() - new Date(staff.createdAt).getTime()).toBe(24 * 3_600_000);
    expect(staff.slaBreached).toBe(false);

    const breachedIds = async (breached: boolean) =>
      (await api.gql(QUEUE, { first: 100, filter: { breached } }, as(moderator))).data.escalations.edges.map(
        (e: any) => e.node.id,
      );
    expect(await breachedIds(true)).not.toContain(id);
    expect(await breachedIds(false)).toContain(id);
    await api.sql(`update escalations set sla_due_at = now() - interval '1 minute' where id = $1`, [id]);
    expect(await breachedIds(true)).toContain(id);
    expect(await breachedIds(false)).not.toContain(id);
    expect((await api.gql(ONE, { id }, as(moderator))).data.escalation.slaBreached).toBe(true);
    // Resolved, it is no longer breached.
    await api.gql(SET_STATUS, { input: { id, status: 'RESOLVED' } }, as(moderator));
    expect(await breachedIds(true)).not.toContain(id);
  });

  it('the queue pages by its order, and is for staff only', async () => {
    const page1 = await api.gql(QUEUE, { first: 2 }, as(moderator));
    expect(page1.data.escalations.pageInfo.hasNextPage).toBe(true);
    const page2 = await api.gql(QUEUE, { first: 100, after: page1.data.escalations.pageInfo.endCursor }, as(moderator));
    const all = await api.gql(QUEUE, { first: 100 }, as(moderator));
    expect([...page1.data.escalations.edges, ...page2.data.escalations.edges].map((e: any) => e.node.id)).toEqual(
      all.data.escalations.edges.map((e: any) => e.node.id),
    );
    const member = await buildMember(api);
    expect(code(await api.gql(QUEUE, {}, as(member)))).toBe('FORBIDDEN');
    expect(code(await api.gql(QUEUE, {}, {}))).toBe('FORBIDDEN');
    const token = await serviceToken(['cases:write']);
    expect(code(await api.gql(QUEUE, {}, { token }))).toBe('FORBIDDEN');
  });
});

describe('visibility', SLOW, () => {
  it('Thread.escalation is null for other members and visitors, as for a thread without one', async () => {
    const [asker, other] = await Promise.all([buildMember(api), buildMember(api)]);
    const thread = await buildThread(api, asker);
    const none = await buildThread(api, asker);
    const id = (await escalate(asker, thread.id)).data.escalateThread.id;
    for (const viewer of [other, null]) {
      expect((await api.gql(THREAD_ESCALATION, { id: thread.id }, as(viewer))).data.thread.escalation).toBeNull();
      expect((await api.gql(ONE, { id }, as(viewer))).data.escalation).toBeNull();
    }
    expect((await api.gql(THREAD_ESCALATION, { id: none.id }, as(asker))).data.thread.escalation).toBeNull();
    expect((await api.gql(ONE, { id }, as(asker))).data.escalation).toMatchObject({
      id,
      status: 'OPEN',
      priority: null,
    });
  });
});

describe('the case round trip with the CRM', SLOW, () => {
  const signInbound = (id: string, timestamp: number, body: string) => {
    const key = Buffer.from(CRM_SECRET.replace(/^whsec_/, ''), 'base64');
    return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
  };
  const inbound = async (webhookId: string, data: Record<string, unknown>, type = 'case.updated') => {
    const body = JSON.stringify({ type, timestamp: new Date().toISOString(), data });
    const timestamp = Math.floor(Date.now() / 1000);
    const res = await fetch(`${api.url}/webhooks/crm`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': webhookId,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signInbound(webhookId, timestamp, body),
      },
      body,
    });
    const json = (await res.json()) as { duplicate: boolean };
    await caughtUp(api, 'escalations.crm_case_updated', 30_000);
    return { status: res.status, json };
  };
  const caseRow = async (id: string) =>
    (
      await api.sql(`select status, case_id, case_url, case_status, resolution from escalations where id = $1`, [id])
    )[0];

  it('escalation.created goes to the CRM; its signed case.updated records the case; stale and replayed change nothing', async () => {
    const endpoint = await api.gql(
      `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }`,
      { input: { url: `${crm.url}/cases`, events: ['escalation.created', 'escalation.updated'] } },
      as(admin),
    );
    expect(endpoint.errors).toBeUndefined();
    const asker = await buildMember(api);
    const customer = await linkedCustomer(asker, 250_000);
    const thread = await buildThread(api, asker);
    const id = (await escalate(asker, thread.id, 'Please help')).data.escalateThread.id;

    let created: any;
    await waitFor(() => {
      created = crm.received.map((r) => JSON.parse(r.body)).find((b) => b.data.escalationId === id);
      expect(created).toBeDefined();
    });
    expect(created).toMatchObject({
      type: 'escalation.created',
      data: {
        escalationId: id,
        thread: { id: thread.id, title: thread.title, url: expect.stringMatching(new RegExp(`/t/${thread.id}$`)) },
        reason: 'NEEDS_STAFF',
        status: 'OPEN',
        caseId: null,
        customer: { externalId: customer.externalId },
        priority: expect.any(Number),
        slaDueAt: expect.any(String),
      },
    });
    // Public-safe: no email, no note.
    expect(JSON.stringify(created)).not.toMatch(/@example\.test|Please help/);

    const t0 = '2026-12-01T10:00:00.000Z';
    const first = await inbound(`case_${id}_1`, {
      escalationId: Number(id),
      caseId: 'CASE-42',
      caseUrl: 'https://crm.example/cases/42',
      status: 'in_progress',
      updatedAt: t0,
    });
    expect(first).toEqual({ status: 200, json: expect.objectContaining({ duplicate: false }) });
    expect(await caseRow(id)).toEqual({
      status: 'IN_PROGRESS',
      case_id: 'CASE-42',
      case_url: 'https://crm.example/cases/42',
      case_status: 'in_progress',
      resolution: null,
    });
    const [update] = await api.sql(
      `select actor_type, actor_label, data from domain_events where name = 'escalation.updated' and subject = $1`,
      [`escalation:${id}`],
    );
    expect(update).toMatchObject({
      actor_type: 'system',
      actor_label: 'crm-webhook',
      data: { before: { status: 'OPEN', caseId: null }, after: { status: 'IN_PROGRESS', caseId: 'CASE-42' } },
    });
    // The asker sees "a support agent is on it" and the CRM's word.
    expect((await api.gql(THREAD_ESCALATION, { id: thread.id }, as(asker))).data.thread.escalation).toMatchObject({
      status: 'IN_PROGRESS',
      caseStatus: 'in_progress',
      caseId: null,
    });
    await waitFor(() => {
      const updated = crm.received
        .map((r) => JSON.parse(r.body))
        .find((b) => b.type === 'escalation.updated' && b.data.escalationId === id);
      expect(updated?.data).toMatchObject({ previousStatus: 'OPEN', status: 'IN_PROGRESS', caseId: 'CASE-42' });
    });

    // An older version: nothing changes.
    await inbound(`case_${id}_old`, { escalationId: Number(id), status: 'closed', updatedAt: '2026-12-01T09:00:00Z' });
    expect((await caseRow(id)).status).toBe('IN_PROGRESS');
    // The same message again (a replay): acknowledged, no second effect.
    await api.sql(`update escalations set status = 'WAITING_ON_CUSTOMER' where id = $1`, [id]);
    const replay = await inbound(`case_${id}_1`, {
      escalationId: Number(id),
      caseId: 'CASE-42',
      status: 'in_progress',
      updatedAt: t0,
    });
    expect(replay).toEqual({ status: 200, json: expect.objectContaining({ duplicate: true }) });
    expect((await caseRow(id)).status).toBe('WAITING_ON_CUSTOMER');
    // Newer: solved, with the resolution; an unknown word keeps the status and stores the word.
    await inbound(`case_${id}_2`, {
      escalationId: Number(id),
      status: 'solved',
      resolution: 'Re-pair the hub after resetting its sync token.',
      updatedAt: '2026-12-01T11:00:00Z',
    });
    expect(await caseRow(id)).toMatchObject({
      status: 'RESOLVED',
      case_status: 'solved',
      resolution: 'Re-pair the hub after resetting its sync token.',
    });
    await inbound(`case_${id}_3`, {
      escalationId: Number(id),
      status: 'escalated_tier3',
      updatedAt: '2026-12-01T12:00:00Z',
    });
    expect(await caseRow(id)).toMatchObject({ status: 'RESOLVED', case_status: 'escalated_tier3' });
    // Not ours, or naming no escalation: acknowledged and ignored.
    expect((await inbound(`cust_${id}`, { externalId: 'x' }, 'customer.updated')).status).toBe(200);
    expect((await inbound(`case_${id}_none`, { escalationId: 99999999, status: 'closed' })).status).toBe(200);
    expect(await caseRow(id)).toMatchObject({ status: 'RESOLVED', case_status: 'escalated_tier3' });
  });

  it('updateEscalationCase: a cases:write token may, others may not; an older updatedAt changes nothing', async () => {
    const asker = await buildMember(api);
    const thread = await buildThread(api, asker);
    const id = (await escalate(asker, thread.id)).data.escalateThread.id;
    const writer = await serviceToken(['cases:write']);
    const reader = await serviceToken(['customers:read', 'customers:write', 'events:read']);
    const input = {
      id,
      caseId: 'Z-9',
      caseUrl: 'https://crm.example/z/9',
      status: 'open',
      updatedAt: '2026-12-01T10:00:00Z',
    };
    const refused = await api.gql(UPDATE_CASE, { input }, { token: reader });
    expect(code(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0]!.message).toMatch(/cases:write/);
    expect(code(await api.gql(UPDATE_CASE, { input }, as(asker)))).toBe('FORBIDDEN');
    expect((await caseRow(id)).case_id).toBeNull();

    const ok = await api.gql(UPDATE_CASE, { input }, { token: writer });
    expect(ok.errors).toBeUndefined();
    expect(ok.data.updateEscalationCase).toMatchObject({
      id,
      status: 'OPEN',
      caseId: 'Z-9',
      caseStatus: 'open',
      priority: null,
    });
    const [event] = await api.sql(
      `select actor_type from domain_events where name = 'escalation.updated' and subject = $1`,
      [`escalation:${id}`],
    );
    expect(event.actor_type).toBe('service');
    const stale = await api.gql(
      UPDATE_CASE,
      { input: { id, caseId: 'Z-OLD', status: 'closed', updatedAt: '2026-11-30T10:00:00Z' } },
      { token: writer },
    );
    expect(stale.data.updateEscalationCase).toMatchObject({ caseId: 'Z-9', status: 'OPEN' });
    const staff = await api.gql(UPDATE_CASE, { input: { id, status: 'pending' } }, as(moderator));
    expect(staff.data.updateEscalationCase).toMatchObject({ status: 'IN_PROGRESS', caseStatus: 'pending' });
    expect(code(await api.gql(UPDATE_CASE, { input: { id, caseUrl: 'javascript:alert(1)' } }, as(moderator)))).toBe(
      'BAD_USER_INPUT',
    );
    // A service token cannot work the queue.
    expect(code(await api.gql(SET_STATUS, { input: { id, status: 'CLOSED' } }, { token: writer }))).toBe('FORBIDDEN');
  });
});

describe('the resolution posted into the thread', SLOW, () => {
  it('is the staff member’s answer, which the asker can accept; the escalation is RESOLVED', async () => {
    const [asker, other] = await Promise.all([buildMember(api), buildMember(api)]);
    const thread = await buildThread(api, asker);
    const id = (await escalate(asker, thread.id)).data.escalateThread.id;
    expect(code(await api.gql(POST_RESOLUTION, { input: { id } }, as(moderator)))).toBe('BAD_USER_INPUT');
    expect(code(await api.gql(POST_RESOLUTION, { input: { id, body: 'x' } }, as(other)))).toBe('FORBIDDEN');
    await api.gql(
      UPDATE_CASE,
      { input: { id, resolution: 'Reset the sync token from the device list, then re-pair the hub.' } },
      as(moderator),
    );
    const res = await api.gql(POST_RESOLUTION, { input: { id } }, as(moderator));
    expect(res.errors).toBeUndefined();
    const { resolutionPost } = res.data.postEscalationResolution;
    expect(res.data.postEscalationResolution).toMatchObject({ status: 'RESOLVED' });
    expect(resolutionPost).toMatchObject({
      body: 'Reset the sync token from the device list, then re-pair the hub.',
      author: { id: moderator.id },
    });
    expect(code(await api.gql(POST_RESOLUTION, { input: { id } }, as(moderator)))).toBe('CONFLICT');

    const accepted = await api.gql(
      `mutation($id: ID!) { acceptAnswer(postId: $id) { status } }`,
      { id: resolutionPost.id },
      as(asker),
    );
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data.acceptAnswer.status).toBe('ANSWERED');
    expect((await api.gql(THREAD_ESCALATION, { id: thread.id }, as(asker))).data.thread.escalation).toMatchObject({
      status: 'RESOLVED',
      resolutionPost: { id: resolutionPost.id },
    });
  });
});

describe('live', SLOW, () => {
  const ACTIVITY = `subscription($threadId: ID!) { threadActivity(threadId: $threadId) { eventId kind threadId } }`;

  it('the asker with the thread open sees the status change; other readers are not told', async () => {
    const [asker, other] = await Promise.all([buildMember(api), buildMember(api)]);
    const thread = await buildThread(api, asker);
    const id = (await escalate(asker, thread.id)).data.escalateThread.id;
    const mine = liveClient(api.url, asker.token);
    const theirs = liveClient(api.url, other.token);
    const staffClient = liveClient(api.url, moderator.token);
    clients.push(mine, theirs, staffClient);
    const live = mine.subscribe(ACTIVITY, { threadId: thread.id });
    const reader = theirs.subscribe(ACTIVITY, { threadId: thread.id });
    const queue = staffClient.subscribe(`subscription { escalationQueueChanged { kind escalationId } }`);
    await new Promise((r) => setTimeout(r, 300));

    await api.gql(SET_STATUS, { input: { id, status: 'IN_PROGRESS' } }, as(moderator));
    const [updated] = await api.sql(
      `select id::text from domain_events where name = 'escalation.updated' and subject = $1`,
      [`escalation:${id}`],
    );
    const event = await live.next((d: any) => d.threadActivity.eventId === updated.id);
    expect(event.threadActivity).toEqual({ eventId: updated.id, kind: 'ESCALATION_CHANGED', threadId: thread.id });
    const now = (await api.gql(THREAD_ESCALATION, { id: thread.id }, as(asker))).data.thread.escalation;
    expect(now.status).toBe('IN_PROGRESS');
    const change = await queue.next((d: any) => d.escalationQueueChanged.kind === 'escalation.updated');
    expect(change.escalationQueueChanged.escalationId).toBe(id);
    // The other reader sees the thread's events (a reply after the change), never the escalation's.
    await buildReply(api, moderator, thread.id, 'Looking into this with the app team now.');
    await reader.next((d: any) => d.threadActivity.kind === 'POST_CREATED');
    expect(reader.results.some((r: any) => r.data?.threadActivity.kind === 'ESCALATION_CHANGED')).toBe(false);

    const refused = theirs.subscribe(`subscription { escalationQueueChanged { kind } }`);
    expect(await refused.error()).toBeDefined();
  });
});
