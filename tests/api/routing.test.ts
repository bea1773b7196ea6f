import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildReply, buildThread, type TestMember } from '../support/factories.js';
import { drain as drainEvents } from '../support/drain.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// Question routing (PRODUCT.md capability 7): a new question is offered to the members with
// recent accepted answers in its tags and category, active lately, not over-notified, advocates
// first. Workers are off: each test delivers the events by hand, so what was routed is known
// when it looks. Each test uses its own tag and category, so the others' experts never match.
let api: TestApi;
let admin: TestMember;
beforeAll(async () => {
  api = await startTestApi({ JOBS_WORKER: 'off' });
  admin = await buildMember(api, { role: 'ADMIN' });
});
afterAll(async () => {
  await api?.close();
});

const ROUTER = 'routing.route_questions';
const drain = () => drainEvents(api, [ROUTER, 'notifications.fan_out']);
const as = (m: TestMember) => ({ token: m.token, ip: m.ip });
const uid = () => randomBytes(3).toString('hex');

const gqlOk = async (query: string, vars: Record<string, unknown>, m: TestMember) => {
  const res = await api.gql(query, vars, as(m));
  expect(res.errors, query).toBeUndefined();
  return res.data;
};

/** A tag (created as the vocabulary is, by staff) and a fresh category of `kind`. */
async function arena(kind = 'QA') {
  const tag = `t-${uid()}`;
  await api.sql('insert into tags (name) values ($1)', [tag]);
  const [c] = await api.sql<{ id: number }>(
    `insert into categories (slug, name, kind) values ($1, $2, $3) returning id`,
    [`c-${uid()}`, `Category ${uid()}`, kind],
  );
  return { tag, categoryId: String(c!.id) };
}

/** `count` questions tagged `tag` in `categoryId`, each answered by `expert` and accepted. */
async function acceptedAnswers(expert: TestMember, tag: string, categoryId: string, count: number) {
  const asker = await buildMember(api);
  for (let i = 0; i < count; i++) {
    const thread = await buildThread(api, asker, { tags: [tag], categoryId });
    const reply = await buildReply(api, expert, thread.id);
    await gqlOk(`mutation($id: ID!) { acceptAnswer(postId: $id) { id } }`, { id: reply.id }, asker);
  }
}

const ROUTED = `query($id: ID!) { thread(id: $id) { routedTo { member { handle } reason advocate score notifiedAt } } }`;
const routedTo = async (threadId: string, viewer: TestMember = admin) =>
  (await gqlOk(ROUTED, { id: threadId }, viewer)).thread.routedTo as
    { member: { handle: string }; reason: string; advocate: boolean; score: number }[] | null;
const handles = async (threadId: string) => (await routedTo(threadId))!.map((r) => r.member.handle);

const routedInbox = async (m: TestMember) =>
  (
    (await gqlOk(`{ notifications(first: 50) { edges { node { kind message path actor { handle } } } } }`, {}, m))
      .notifications.edges as { node: { kind: string; message: string; path: string; actor: { handle: string } } }[]
  )
    .map((e) => e.node)
    .filter((n) => n.kind === 'QUESTION_ROUTED');

describe('routing a new question', () => {
  it('asks the likeliest answerers, advocate first, never the asker, a suspended or an idle member', async () => {
    const { tag, categoryId } = await arena();
    const [top, second, advocate, suspended, idle, asker] = await Promise.all(
      Array.from({ length: 6 }, () => buildMember(api)),
    );
    await acceptedAnswers(top!, tag, categoryId, 3);
    await acceptedAnswers(second!, tag, categoryId, 1);
    await acceptedAnswers(advocate!, tag, categoryId, 1);
    await acceptedAnswers(suspended!, tag, categoryId, 2);
    await acceptedAnswers(idle!, tag, categoryId, 2);
    await acceptedAnswers(asker!, tag, categoryId, 5);
    await gqlOk(
      `mutation($input: GrantAdvocateInput!) { grantAdvocate(input: $input) { id } }`,
      { input: { memberId: advocate!.id, reason: 'Answers sync questions every week' } },
      admin,
    );
    await gqlOk(
      `mutation($input: SanctionInput!) { suspendMember(input: $input) { __typename } }`,
      {
        input: {
          memberId: suspended!.id,
          reason: 'Cooling off',
          until: new Date(Date.now() + 86_400_000).toISOString(),
        },
      },
      admin,
    );
    // Idle: their answers were accepted lately, but they last posted a month ago.
    await api.sql(`update posts set created_at = now() - interval '30 days' where author_id = $1`, [idle!.id]);

    const question = await buildThread(api, asker!, { tags: [tag], categoryId, title: `Replication lag on ${tag}?` });
    await drain();

    expect(await handles(question.id)).toEqual([advocate!.handle, top!.handle, second!.handle]);
    const routes = (await routedTo(question.id))!;
    expect(routes[0]).toMatchObject({
      advocate: true,
      reason: `You answered 1 question tagged ${tag} in the last 90 days, and you are one of our advocates`,
    });
    expect(routes[1]).toMatchObject({
      advocate: false,
      reason: `You answered 3 questions tagged ${tag} in the last 90 days`,
    });
    expect(routes[1]!.score).toBeGreaterThan(routes[2]!.score);

    const [note] = await routedInbox(top!);
    expect(note).toEqual({
      kind: 'QUESTION_ROUTED',
      message: `A question you may be able to answer: “${question.title}”. You answered 3 questions tagged ${tag} in the last 90 days`,
      path: `/t/${question.id}`,
      actor: { handle: asker!.handle },
    });
    for (const m of [asker!, idle!]) expect(await routedInbox(m)).toEqual([]);
    // The suspended member cannot sign in to look: nothing was written for them.
    expect(
      await api.sql(`select 1 from notifications where recipient_id = $1 and kind = 'QUESTION_ROUTED'`, [
        suspended!.id,
      ]),
    ).toEqual([]);

    // Staff only: members (the routed ones too) and the asker read null.
    expect(await routedTo(question.id, top!)).toBeNull();
    expect(await routedTo(question.id, asker!)).toBeNull();
    const visitor = await api.gql(ROUTED, { id: question.id });
    expect(visitor.data.thread.routedTo).toBeNull();

    // The router's event names who was asked.
    const [event] = await api.sql(`select data from domain_events where name = 'thread.routed' and subject = $1`, [
      `thread:${question.id}`,
    ]);
    expect(event.data.members.map((m: { memberId: number }) => String(m.memberId))).toEqual([
      advocate!.id,
      top!.id,
      second!.id,
    ]);
  }, 120_000);

  it('routes a thread once, however often its event is delivered again (a replay)', async () => {
    const { tag, categoryId } = await arena();
    const expert = await buildMember(api);
    await acceptedAnswers(expert, tag, categoryId, 2);
    const question = await buildThread(api, await buildMember(api), { tags: [tag], categoryId });
    await drain();
    expect(await handles(question.id)).toEqual([expert.handle]);

    await api.sql(
      `update event_subscriptions set position_tx = '0'::xid8, position_id = 0 where subscriber = any($1::text[])`,
      [[ROUTER, 'notifications.fan_out']],
    );
    await drain();
    expect(await handles(question.id)).toEqual([expert.handle]);
    expect(await routedInbox(expert)).toHaveLength(1);
    const events = await api.sql(`select id from domain_events where name = 'thread.routed' and subject = $1`, [
      `thread:${question.id}`,
    ]);
    expect(events).toHaveLength(1);
  });

  it('never asks someone who cannot read a restricted category', async () => {
    const open = await arena();
    const restricted = await arena('RESTRICTED');
    const member = await buildMember(api);
    const moderator = await buildMember(api, { role: 'MODERATOR' });
    await acceptedAnswers(member, open.tag, open.categoryId, 3);
    await acceptedAnswers(moderator, open.tag, open.categoryId, 1);
    const question = await buildThread(api, admin, { tags: [open.tag], categoryId: restricted.categoryId });
    await drain();
    expect(await handles(question.id)).toEqual([moderator.handle]);
    expect((await routedTo(question.id))![0]!.reason).toBe(
      `You answered 1 question tagged ${open.tag} in the last 90 days`,
    );
    expect(await routedInbox(member)).toEqual([]);
  });

  it('asks one member at most 3 questions a day, and never one who turned routing off', async () => {
    const { tag, categoryId } = await arena();
    const [busy, quiet] = [await buildMember(api), await buildMember(api)];
    await acceptedAnswers(busy, tag, categoryId, 2);
    await acceptedAnswers(quiet, tag, categoryId, 4);

    const PREFS = `mutation($input: SetNotificationPreferencesInput!) {
      setNotificationPreferences(input: $input) { kind email enabled canTurnOff isDefault } }`;
    const prefs = await gqlOk(
      PREFS,
      { input: { preferences: [{ kind: 'QUESTION_ROUTED', email: 'IMMEDIATELY', enabled: false }] } },
      quiet,
    );
    expect(prefs.setNotificationPreferences.find((p: { kind: string }) => p.kind === 'QUESTION_ROUTED')).toEqual({
      kind: 'QUESTION_ROUTED',
      email: 'IMMEDIATELY',
      enabled: false,
      canTurnOff: true,
      isDefault: false,
    });
    // Only routing can be turned off: the rest always shows in the app.
    const refused = await api.gql(
      PREFS,
      { input: { preferences: [{ kind: 'REPLY', email: 'NEVER', enabled: false }] } },
      as(quiet),
    );
    expect(refused.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    // Setting only the email mode keeps it off.
    await gqlOk(PREFS, { input: { preferences: [{ kind: 'QUESTION_ROUTED', email: 'NEVER' }] } }, quiet);

    const questions = [];
    for (let i = 0; i < 4; i++) {
      questions.push(await buildThread(api, await buildMember(api), { tags: [tag], categoryId }));
    }
    await drain();
    const asked = [];
    for (const q of questions) asked.push(await handles(q.id));
    expect(asked).toEqual([[busy.handle], [busy.handle], [busy.handle], []]);
    expect(await routedInbox(busy)).toHaveLength(3);
    expect(await routedInbox(quiet)).toEqual([]);

    // Turned on again, and a day later, the quiet expert is asked first (more answers).
    await gqlOk(
      PREFS,
      { input: { preferences: [{ kind: 'QUESTION_ROUTED', email: 'IMMEDIATELY', enabled: true }] } },
      quiet,
    );
    await api.sql(`update thread_routes set notified_at = notified_at - interval '25 hours' where member_id = $1`, [
      busy.id,
    ]);
    const next = await buildThread(api, await buildMember(api), { tags: [tag], categoryId });
    await drain();
    expect(await handles(next.id)).toEqual([quiet.handle, busy.handle]);
  }, 120_000);

  it('weighs answers by age: outside the window they do not count', async () => {
    const { tag, categoryId } = await arena();
    const [recent, old] = [await buildMember(api), await buildMember(api)];
    await acceptedAnswers(recent, tag, categoryId, 1);
    await acceptedAnswers(old, tag, categoryId, 3);
    await api.sql(`update posts set accepted_at = now() - interval '120 days' where author_id = $1`, [old.id]);
    const question = await buildThread(api, await buildMember(api), { tags: [tag], categoryId });
    await drain();
    expect(await handles(question.id)).toEqual([recent.handle]);
  });

  it('routes questions only: a thread in an ideas category asks nobody', async () => {
    const { tag, categoryId } = await arena();
    const ideas = await arena('IDEAS');
    const expert = await buildMember(api);
    await acceptedAnswers(expert, tag, categoryId, 2);
    const idea = await buildThread(api, await buildMember(api), { tags: [tag], categoryId: ideas.categoryId });
    const question = await buildThread(api, await buildMember(api), { tags: [tag], categoryId });
    await drain();
    expect(await handles(idea.id)).toEqual([]);
    expect(await handles(question.id)).toEqual([expert.handle]);
  });

  it('routes nobody while an admin has set the members per question to 0', async () => {
    const { tag, categoryId } = await arena();
    const expert = await buildMember(api);
    await acceptedAnswers(expert, tag, categoryId, 1);
    const UPDATE = `mutation($input: UpdateSettingsInput!) { updateSettings(input: $input) { revision } }`;
    await gqlOk(UPDATE, { input: { changes: [{ key: 'routing.perThread', value: 0 }], reason: 'pause' } }, admin);
    try {
      const question = await buildThread(api, await buildMember(api), { tags: [tag], categoryId });
      await drain();
      expect(await handles(question.id)).toEqual([]);
    } finally {
      await gqlOk(UPDATE, { input: { changes: [{ key: 'routing.perThread', value: null }], reason: 'resume' } }, admin);
    }
  });
});
