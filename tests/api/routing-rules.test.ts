import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildThread, type TestMember } from '../support/factories.js';
import { drain as drainEvents } from '../support/drain.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// Configurable routing rules (PRODUCT.md capability 7): admins' rules, in order, apply to each
// new question whose conditions hold (category, tags, the asker's customer segment, sentiment)
// and notify, raise the escalation's priority, escalate. Workers are off: each test delivers the
// events by hand. Each rule is limited to a fresh category, so one test's rules never match
// another's questions.
let api: TestApi;
let admin: TestMember;
beforeAll(async () => {
  api = await startTestApi({ JOBS_WORKER: 'off' });
  admin = await buildMember(api, { role: 'ADMIN' });
});
afterAll(async () => {
  await api?.close();
});

const RULES = 'routing.apply_rules';
const drain = () => drainEvents(api, [RULES, 'notifications.fan_out']);
const as = (m: TestMember) => ({ token: m.token, ip: m.ip });
const uid = () => randomBytes(3).toString('hex');

const gqlOk = async (query: string, vars: Record<string, unknown>, m: TestMember = admin) => {
  const res = await api.gql(query, vars, as(m));
  expect(res.errors, query).toBeUndefined();
  return res.data;
};

const RULE_FIELDS = `id name enabled position categoryIds tags segments sentimentNegative sentimentScoreAtMost
  sentimentCues notifyHandles notifyModerators raisePriority escalate conditions actions`;
const CREATE = `mutation($input: CreateRoutingRuleInput!) { createRoutingRule(input: $input) { ${RULE_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateRoutingRuleInput!) { updateRoutingRule(input: $input) { ${RULE_FIELDS} } }`;

async function category() {
  const [c] = await api.sql<{ id: number }>(
    `insert into categories (slug, name, kind) values ($1, $2, 'QA') returning id`,
    [`c-${uid()}`, `Category ${uid()}`],
  );
  return String(c!.id);
}

async function createRule(input: Record<string, unknown>) {
  return (await gqlOk(CREATE, { input: { name: `Rule ${uid()}`, ...input } })).createRoutingRule as {
    id: string;
    name: string;
    conditions: string;
    actions: string;
    position: number;
  };
}

const appliedRules = async (threadId: string) =>
  (
    await api.sql<{ name: string }>(
      `select data->>'name' as name from domain_events where name = 'routing.rule_applied' and subject = $1 order by id`,
      [`thread:${threadId}`],
    )
  ).map((r) => r.name);

const ruleInbox = async (m: TestMember) =>
  (
    (await gqlOk(`{ notifications(first: 50) { edges { node { kind message path } } } }`, {}, m)).notifications
      .edges as { node: { kind: string; message: string; path: string } }[]
  )
    .map((e) => e.node)
    .filter((n) => n.kind === 'QUESTION_ROUTED');

const ESCALATION = `query($id: ID!) { thread(id: $id) { escalation { reason note priority priorityExplanation
  priorityParts { name points detail } } } }`;
const escalationOf = async (threadId: string) => (await gqlOk(ESCALATION, { id: threadId })).thread.escalation;

let serial = 0;
/** A customer of `segment` linked to `member` (through the customers module's mutations). */
async function linkedCustomer(member: TestMember, segment: string) {
  const externalId = `crm-${Date.now().toString(36)}-${++serial}`;
  const up = await gqlOk(
    `mutation($records: [CustomerInput!]!) { upsertCustomers(records: $records) { results { customerId } } }`,
    {
      records: [
        {
          externalId,
          name: `Customer ${externalId}`,
          emails: [`billing-${externalId}@example.test`],
          segment,
          lifetimeValueCents: 100,
          currency: 'EUR',
          updatedAt: new Date().toISOString(),
        },
      ],
    },
  );
  const customerId = up.upsertCustomers.results[0].customerId as string;
  await gqlOk(`mutation($input: CustomerLinkInput!) { linkCustomer(input: $input) { customer { id } } }`, {
    input: { customerId, memberId: member.id },
  });
}

const ANGRY =
  'Production is down and we are losing money. This is terrible, awful and unacceptable: fix it urgently please.';

describe('conditions', () => {
  it('category: a question in the category matches, one elsewhere does not', async () => {
    const [inside, outside] = [await category(), await category()];
    const watcher = await buildMember(api);
    const rule = await createRule({ categoryIds: [inside], notifyHandles: [watcher.handle] });
    const asker = await buildMember(api);
    const hit = await buildThread(api, asker, { categoryId: inside });
    const miss = await buildThread(api, asker, { categoryId: outside });
    await drain();
    expect(await appliedRules(hit.id)).toEqual([rule.name]);
    expect(await appliedRules(miss.id)).toEqual([]);
  });

  it('tags: any of the tags matches, none of them does not', async () => {
    const categoryId = await category();
    const tag = `t-${uid()}`;
    await api.sql('insert into tags (name) values ($1), ($2)', [tag, `${tag}-x`]);
    const rule = await createRule({
      categoryIds: [categoryId],
      tags: [tag.toUpperCase(), 'nothing'],
      notifyModerators: true,
    });
    expect(rule.conditions).toContain(`tagged ${tag} or nothing`);
    const asker = await buildMember(api);
    const hit = await buildThread(api, asker, { categoryId, tags: [tag] });
    const miss = await buildThread(api, asker, { categoryId, tags: [`${tag}-x`] });
    await drain();
    expect(await appliedRules(hit.id)).toEqual([rule.name]);
    expect(await appliedRules(miss.id)).toEqual([]);
  });

  it("segment: the asker's linked customer's segment matches; another segment or no customer does not", async () => {
    const categoryId = await category();
    const rule = await createRule({ categoryIds: [categoryId], segments: ['Enterprise'], notifyModerators: true });
    const [big, small, none] = [await buildMember(api), await buildMember(api), await buildMember(api)];
    await linkedCustomer(big, 'enterprise');
    await linkedCustomer(small, 'Startup');
    const hit = await buildThread(api, big, { categoryId });
    const other = await buildThread(api, small, { categoryId });
    const unlinked = await buildThread(api, none, { categoryId });
    await drain();
    expect(await appliedRules(hit.id)).toEqual([rule.name]);
    expect(await appliedRules(other.id)).toEqual([]);
    expect(await appliedRules(unlinked.id)).toEqual([]);
  });

  it('sentiment: negative with an urgency cue (as the insights module scores it) matches; a calm question does not', async () => {
    const categoryId = await category();
    const rule = await createRule({
      categoryIds: [categoryId],
      sentimentNegative: true,
      sentimentScoreAtMost: -300,
      sentimentCues: ['URGENCY'],
      notifyModerators: true,
    });
    expect(rule.conditions).toContain('negative, sentiment at most -300 and showing urgency');
    const asker = await buildMember(api);
    const angry = await buildThread(api, asker, { categoryId, body: ANGRY });
    const calm = await buildThread(api, asker, { categoryId });
    // Scored first by the insights module: the rule reads the stored score.
    await drainEvents(api, ['insights.post_sentiment']);
    const [stored] = await api.sql<{ label: string; cues: string[] }>(
      'select label, cues from post_sentiments where post_id = $1',
      [angry.question.id],
    );
    expect(stored).toMatchObject({ label: 'NEGATIVE', cues: expect.arrayContaining(['URGENCY']) });
    await drain();
    expect(await appliedRules(angry.id)).toEqual([rule.name]);
    expect(await appliedRules(calm.id)).toEqual([]);
  });
});

describe('actions', () => {
  it('notify: named members and the moderators get a QUESTION_ROUTED naming the rule; the asker does not', async () => {
    const categoryId = await category();
    const [watcher, moderator, plain] = [
      await buildMember(api),
      await buildMember(api, { role: 'MODERATOR' }),
      await buildMember(api),
    ];
    const rule = await createRule({
      categoryIds: [categoryId],
      notifyHandles: [watcher.handle],
      notifyModerators: true,
    });
    expect(rule.actions).toBe(`notify moderators and @${watcher.handle}`);
    const question = await buildThread(api, moderator, { categoryId });
    await drain();
    const [note] = await ruleInbox(watcher);
    expect(note).toEqual({
      kind: 'QUESTION_ROUTED',
      message: `A question you may be able to answer: “${question.title}”. Routing rule "${rule.name}"`,
      path: `/t/${question.id}`,
    });
    expect(await ruleInbox(admin)).toContainEqual(note);
    // The thread's activity log (staff) shows what the rule did.
    const log = await gqlOk(`query($s: String!) { events(filter: { subject: $s }) { edges { node { name data } } } }`, {
      s: `thread:${question.id}`,
    });
    const applied = log.events.edges.map((e: { node: { name: string; data: unknown } }) => e.node);
    expect(applied).toContainEqual({
      name: 'routing.rule_applied',
      data: expect.objectContaining({ name: rule.name, actions: expect.objectContaining({ escalationId: null }) }),
    });
    // The asker (a moderator here) is not told of their own question; a plain member is not a moderator.
    expect(await ruleInbox(moderator)).toEqual([]);
    expect(await ruleInbox(plain)).toEqual([]);
  });

  it('escalate, then raise the priority: the part "rule <name> +N" is in the explanation', async () => {
    const categoryId = await category();
    const rule = await createRule({ categoryIds: [categoryId], escalate: true, raisePriority: 15 });
    const question = await buildThread(api, await buildMember(api), { categoryId });
    await drain();
    const escalation = await escalationOf(question.id);
    expect(escalation).toMatchObject({ reason: 'NEEDS_STAFF', note: `rule: ${rule.name}` });
    expect(escalation.priorityParts).toContainEqual({ name: 'rule', points: 15, detail: rule.name });
    expect(escalation.priorityExplanation).toContain(`rule ${rule.name} +15 =`);
    const others = escalation.priorityParts.filter((p: { name: string }) => p.name !== 'rule');
    expect(escalation.priority).toBe(15 + others.reduce((s: number, p: { points: number }) => s + p.points, 0));
  });

  it('raise priority alone changes nothing when the thread has no open escalation', async () => {
    const categoryId = await category();
    const rule = await createRule({ categoryIds: [categoryId], raisePriority: 5 });
    const question = await buildThread(api, await buildMember(api), { categoryId });
    await drain();
    expect(await escalationOf(question.id)).toBeNull();
    const [event] = await api.sql<{ data: { actions: unknown } }>(
      `select data from domain_events where name = 'routing.rule_applied' and subject = $1`,
      [`thread:${question.id}`],
    );
    expect(event!.data).toMatchObject({ name: rule.name, actions: { raisedPriority: 0, escalationId: null } });
  });
});

describe('evaluation', () => {
  it('applies rules in their order (reorderable) and once per rule and thread, however often replayed', async () => {
    const categoryId = await category();
    const first = await createRule({ categoryIds: [categoryId], escalate: true });
    const second = await createRule({ categoryIds: [categoryId], raisePriority: 7 });
    const third = await createRule({ categoryIds: [categoryId], raisePriority: 3 });
    // The third first: it raises before the first escalates, so it raises nothing.
    const ids = ((await gqlOk('{ routingRules { id } }', {})).routingRules as { id: string }[]).map((r) => r.id);
    const order = [third.id, ...ids.filter((id) => id !== third.id)];
    const reordered = (
      await gqlOk(`mutation($ids: [ID!]!) { reorderRoutingRules(ids: $ids) { id position } }`, { ids: order })
    ).reorderRoutingRules as { id: string; position: number }[];
    expect(reordered.map((r) => r.id)).toEqual(order);
    expect(reordered.map((r) => r.position)).toEqual(order.map((_, i) => i));

    const question = await buildThread(api, await buildMember(api), { categoryId });
    await drain();
    expect(await appliedRules(question.id)).toEqual([third.name, first.name, second.name]);
    const parts = (await escalationOf(question.id)).priorityParts as { name: string; detail: string }[];
    expect(parts.filter((p) => p.name === 'rule').map((p) => p.detail)).toEqual([second.name]);

    await api.sql(`update event_subscriptions set position_tx = '0'::xid8, position_id = 0 where subscriber = $1`, [
      RULES,
    ]);
    await drain();
    expect(await appliedRules(question.id)).toEqual([third.name, first.name, second.name]);
    const [{ n }] = (await api.sql<{ n: number }>('select count(*)::int as n from escalations where thread_id = $1', [
      question.id,
    ])) as [{ n: number }];
    expect(n).toBe(1);
    expect(
      ((await escalationOf(question.id)).priorityParts as { name: string }[]).filter((p) => p.name === 'rule'),
    ).toHaveLength(1);
  });

  it('a disabled rule does nothing; enabled again, it applies to new questions', async () => {
    const categoryId = await category();
    const watcher = await buildMember(api);
    const rule = await createRule({ categoryIds: [categoryId], notifyHandles: [watcher.handle], enabled: false });
    const before = await buildThread(api, await buildMember(api), { categoryId });
    await drain();
    expect(await appliedRules(before.id)).toEqual([]);
    expect(await ruleInbox(watcher)).toEqual([]);
    const enabled = (await gqlOk(UPDATE, { input: { id: rule.id, enabled: true } })).updateRoutingRule;
    expect(enabled).toMatchObject({ enabled: true, notifyHandles: [watcher.handle] });
    const after = await buildThread(api, await buildMember(api), { categoryId });
    await drain();
    expect(await appliedRules(after.id)).toEqual([rule.name]);
  });
});

describe('managing rules', () => {
  it('is for admins only: moderators, members and visitors are refused and nothing is written', async () => {
    const moderator = await buildMember(api, { role: 'MODERATOR' });
    const member = await buildMember(api);
    const before = await api.sql('select count(*)::int as n from routing_rules');
    for (const m of [moderator, member]) {
      const read = await api.gql('{ routingRules { id } }', {}, as(m));
      expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const write = await api.gql(CREATE, { input: { name: `No ${uid()}`, escalate: true } }, as(m));
      expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const visitor = await api.gql(CREATE, { input: { name: `No ${uid()}`, escalate: true } });
    expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(visitor.errors?.[0]?.extensions?.code);
    expect(await api.sql('select count(*)::int as n from routing_rules')).toEqual(before);
  });

  it('refuses bad input with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const categoryId = await category();
    const before = await api.sql('select count(*)::int as n from routing_rules');
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '  ', escalate: true }, 'name'],
      [{ name: 'No action', categoryIds: [categoryId] }, 'actions'],
      [{ name: 'Bad cue', sentimentCues: ['ANGER'], escalate: true }, 'sentimentCues'],
      [{ name: 'Bad score', sentimentScoreAtMost: -2000, escalate: true }, 'sentimentScoreAtMost'],
      [{ name: 'Too much', raisePriority: 500 }, 'raisePriority'],
      [{ name: 'Nobody', notifyHandles: ['no-such-member-x'] }, 'notifyHandles'],
      [{ name: 'No category', categoryIds: ['999999'], escalate: true }, 'categoryIds'],
      [{ name: 'Bad tag', tags: ['not a tag!'], escalate: true }, 'tags'],
    ];
    for (const [input, field] of cases) {
      const res = await api.gql(CREATE, { input }, as(admin));
      expect(res.errors?.[0]?.extensions?.code, field).toBe('BAD_USER_INPUT');
      expect(Object.keys(res.errors![0]!.extensions!.fields as object), field).toContain(field);
    }
    expect(await api.sql('select count(*)::int as n from routing_rules')).toEqual(before);
    const events = await api.sql(
      `select 1 from domain_events where name = 'routing.rule_created' and data->>'name' = any($1)`,
      [cases.map(([i]) => i.name)],
    );
    expect(events).toEqual([]);

    const rule = await createRule({ categoryIds: [categoryId], escalate: true });
    const bad = await api.gql(UPDATE, { input: { id: rule.id, raisePriority: -1 } }, as(admin));
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const dup = await api.gql(CREATE, { input: { name: rule.name.toUpperCase(), escalate: true } }, as(admin));
    expect(dup.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const reorder = await api.gql(`mutation { reorderRoutingRules(ids: ["${rule.id}"]) { id } }`, {}, as(admin));
    expect(reorder.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('records an audit event for each change, and deleting removes the rule', async () => {
    const categoryId = await category();
    const rule = await createRule({ categoryIds: [categoryId], escalate: true });
    await gqlOk(UPDATE, { input: { id: rule.id, escalate: false, notifyModerators: true } });
    expect(await gqlOk(`mutation($id: ID!) { deleteRoutingRule(id: $id) }`, { id: rule.id })).toEqual({
      deleteRoutingRule: rule.id,
    });
    const names = await api.sql<{ name: string }>(`select name from domain_events where subject = $1 order by id`, [
      `routing_rule:${rule.id}`,
    ]);
    expect(names.map((r) => r.name)).toEqual(['routing.rule_created', 'routing.rule_updated', 'routing.rule_deleted']);
    const ids = ((await gqlOk('{ routingRules { id } }', {})).routingRules as { id: string }[]).map((r) => r.id);
    expect(ids).not.toContain(rule.id);
    const missing = await api.gql(`mutation($id: ID!) { deleteRoutingRule(id: $id) }`, { id: rule.id }, as(admin));
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
