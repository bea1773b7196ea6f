import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContext } from '../../api/src/graphql/context.js';
import { transact } from '../../api/src/platform/db/transact.js';
import { recordEvent, ref } from '../../api/src/platform/events/events.js';
import { buildMember, buildReply, buildThread, type TestMember } from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// Service tokens (issue 14, part 1): administrators issue tokens with scopes; a token sent as a
// bearer makes the request a service's, which may do exactly what its scopes grant: no member
// mutation, no moderation; every use is attributed to the token in the event log.
let api: TestApi;
let admin: TestMember;
let moderator: TestMember;
let member: TestMember;
beforeAll(async () => {
  api = await startTestApi();
  [admin, moderator, member] = await Promise.all([
    buildMember(api, { role: 'ADMIN' }),
    buildMember(api, { role: 'MODERATOR' }),
    buildMember(api),
  ]);
});
afterAll(async () => {
  await api?.close();
});

const SCOPES = ['customers:write', 'customers:read', 'events:read', 'cases:write'] as const;
const as = (m: TestMember | null) => (m ? { token: m.token, ip: m.ip } : {});
const bearer = (token: string) => ({ token });
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const CREATE = `mutation($input: CreateServiceTokenInput!) { createServiceToken(input: $input) {
  token serviceToken { id name scopes createdAt lastUsedAt } } }`;
const ROTATE = `mutation($id: ID!) { rotateServiceToken(id: $id) { token serviceToken { id name scopes } } }`;
const REVOKE = `mutation($id: ID!) { revokeServiceToken(id: $id) { id revokedAt } }`;
const LIST = `{ serviceTokens { id name scopes createdAt lastUsedAt revokedAt } }`;
const FEED = `query($after: String, $first: Int, $names: [String!]) { domainEvents(after: $after, first: $first, names: $names) {
  edges { cursor node { id name actorType actorLabel serviceTokenId subject data } } pageInfo { hasNextPage endCursor } } }`;

async function create(scopes: readonly string[], name = `Sync ${Math.random().toString(36).slice(2, 8)}`) {
  const res = await api.gql(CREATE, { input: { name, scopes } }, as(admin));
  expect(res.errors).toBeUndefined();
  return { secret: res.data.createServiceToken.token as string, ...res.data.createServiceToken.serviceToken } as {
    secret: string;
    id: string;
    name: string;
    scopes: string[];
    lastUsedAt: string | null;
  };
}

const code = (res: { errors?: { extensions: Record<string, any> }[] }) => res.errors?.[0]?.extensions.code;
const count = async (table: string) => Number((await api.sql(`select count(*)::int as n from ${table}`))[0].n);

describe('managing service tokens', () => {
  it('only administrators create, list, rotate and revoke; others change nothing', async () => {
    const token = await create(['events:read']);
    const before = await api.sql('select id, token_hash, revoked_at from service_tokens order by id');
    const eventsBefore = await count('domain_events');
    for (const [who, expected] of [
      [null, 'UNAUTHENTICATED'],
      [member, 'FORBIDDEN'],
      [moderator, 'FORBIDDEN'],
    ] as const) {
      expect(code(await api.gql(LIST, {}, as(who)))).toBe(expected);
      expect(code(await api.gql(CREATE, { input: { name: 'x', scopes: ['events:read'] } }, as(who)))).toBe(expected);
      expect(code(await api.gql(ROTATE, { id: token.id }, as(who)))).toBe(expected);
      expect(code(await api.gql(REVOKE, { id: token.id }, as(who)))).toBe(expected);
    }
    expect(await api.sql('select id, token_hash, revoked_at from service_tokens order by id')).toEqual(before);
    expect(await count('domain_events')).toBe(eventsBefore);

    const list = await api.gql(LIST, {}, as(admin));
    expect(list.errors).toBeUndefined();
    expect(list.data.serviceTokens.find((t: { id: string }) => t.id === token.id)).toMatchObject({
      name: token.name,
      scopes: ['events:read'],
      revokedAt: null,
    });
  });

  it('shows the secret once and stores only its SHA-256', async () => {
    const token = await create(['customers:read', 'events:read'], 'CRM sync');
    expect(token.secret).toMatch(/^hst_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ name: 'CRM sync', scopes: ['customers:read', 'events:read'], lastUsedAt: null });
    const [row] = await api.sql('select *, t::text as whole from service_tokens t where id = $1', [token.id]);
    expect(row.token_hash).toBe(sha256(token.secret));
    expect(row.whole).not.toContain(token.secret);
    expect(row.whole).not.toContain(token.secret.slice(4));
    expect(row.created_by).toBe(Number(admin.id));
    // The list never carries it either.
    const list = await api.gql(`{ serviceTokens { id name scopes } }`, {}, as(admin));
    expect(JSON.stringify(list)).not.toContain(token.secret);
  });

  it('refuses a bad name or scope and writes nothing', async () => {
    const rows = await count('service_tokens');
    for (const input of [
      { name: '  ', scopes: ['events:read'] },
      { name: 'x'.repeat(101), scopes: ['events:read'] },
      { name: 'ok', scopes: [] },
      { name: 'ok', scopes: ['events:write'] },
      { name: 'ok', scopes: ['admin'] },
    ]) {
      const res = await api.gql(CREATE, { input }, as(admin));
      expect(code(res)).toBe('BAD_USER_INPUT');
      expect(Object.keys(res.errors![0]!.extensions.fields ?? {})).toEqual([
        input.name.trim() === 'ok' ? 'scopes' : 'name',
      ]);
    }
    expect(await count('service_tokens')).toBe(rows);
  });

  it('records created, rotated and revoked as audited administrator actions', async () => {
    const token = await create(['cases:write'], 'Zendesk');
    await api.gql(ROTATE, { id: token.id }, as(admin));
    await api.gql(REVOKE, { id: token.id }, as(admin));
    const events = await api.sql(
      `select name, actor_type, actor_id, data from domain_events where subject = $1 order by id`,
      [`service_token:${token.id}`],
    );
    expect(events).toEqual([
      {
        name: 'service_token.created',
        actor_type: 'member',
        actor_id: admin.id,
        data: { name: 'Zendesk', scopes: ['cases:write'] },
      },
      { name: 'service_token.rotated', actor_type: 'member', actor_id: admin.id, data: { name: 'Zendesk' } },
      { name: 'service_token.revoked', actor_type: 'member', actor_id: admin.id, data: { name: 'Zendesk' } },
    ]);
    const audit = await api.gql(
      `{ auditLog(filter: { kinds: ["service_token.created", "service_token.rotated", "service_token.revoked"] }) {
        edges { node { name subject actor { id } } } } }`,
      {},
      as(admin),
    );
    expect(
      audit.data.auditLog.edges
        .filter((e: any) => e.node.subject === `service_token:${token.id}`)
        .map((e: any) => e.node.name),
    ).toEqual(['service_token.revoked', 'service_token.rotated', 'service_token.created']);
  });
});

describe('a token as a bearer', () => {
  it('makes the request a service: it reads the feed, is nobody as a member, and stamps its last use once a minute', async () => {
    const token = await create(['events:read']);
    const res = await api.gql(`{ me { id } domainEvents(first: 1) { edges { cursor } } }`, {}, bearer(token.secret));
    expect(res.errors).toBeUndefined();
    expect(res.data.me).toBeNull();
    const [first] = await api.sql('select last_used_at from service_tokens where id = $1', [token.id]);
    expect(first.last_used_at).toBeInstanceOf(Date);
    // Within the minute: no write.
    await api.gql(`{ domainEvents(first: 1) { edges { cursor } } }`, {}, bearer(token.secret));
    const [second] = await api.sql('select last_used_at from service_tokens where id = $1', [token.id]);
    expect(second.last_used_at).toEqual(first.last_used_at);
    // Past it: stamped again.
    await api.sql(`update service_tokens set last_used_at = now() - interval '61 seconds' where id = $1`, [token.id]);
    const [aged] = await api.sql('select last_used_at from service_tokens where id = $1', [token.id]);
    await api.gql(`{ domainEvents(first: 1) { edges { cursor } } }`, {}, bearer(token.secret));
    const [third] = await api.sql('select last_used_at from service_tokens where id = $1', [token.id]);
    expect(third.last_used_at.getTime()).toBeGreaterThan(aged.last_used_at.getTime());
    const list = await api.gql(LIST, {}, as(admin));
    expect(list.data.serviceTokens.find((t: any) => t.id === token.id).lastUsedAt).toBe(
      third.last_used_at.toISOString(),
    );
  });

  it('is UNAUTHENTICATED once revoked, once rotated away, or when unknown', async () => {
    const token = await create(['events:read']);
    const query = `{ domainEvents(first: 1) { edges { cursor } } }`;
    const rotated = await api.gql(ROTATE, { id: token.id }, as(admin));
    expect(rotated.errors).toBeUndefined();
    const fresh = rotated.data.rotateServiceToken.token as string;
    expect(fresh).not.toBe(token.secret);
    expect(rotated.data.rotateServiceToken.serviceToken).toMatchObject({ id: token.id, name: token.name });
    const old = await api.gql(query, {}, bearer(token.secret));
    expect([old.status, code(old)]).toEqual([401, 'UNAUTHENTICATED']);
    expect((await api.gql(query, {}, bearer(fresh))).errors).toBeUndefined();
    const [row] = await api.sql('select token_hash from service_tokens where id = $1', [token.id]);
    expect(row.token_hash).toBe(sha256(fresh));

    const revoked = await api.gql(REVOKE, { id: token.id }, as(admin));
    expect(revoked.data.revokeServiceToken.revokedAt).toEqual(expect.any(String));
    const after = await api.gql(query, {}, bearer(fresh));
    expect([after.status, code(after)]).toEqual([401, 'UNAUTHENTICATED']);
    // A revoked token stays revoked: it cannot be rotated back to life, nor revoked twice.
    expect(code(await api.gql(ROTATE, { id: token.id }, as(admin)))).toBe('CONFLICT');
    expect(code(await api.gql(REVOKE, { id: token.id }, as(admin)))).toBe('CONFLICT');
    expect(code(await api.gql(ROTATE, { id: '999999' }, as(admin)))).toBe('NOT_FOUND');

    for (const unknown of [
      `hst_${'A'.repeat(43)}`,
      'hst_short',
      fresh.slice(0, -1) + (fresh.endsWith('A') ? 'B' : 'A'),
    ]) {
      const res = await api.gql(`{ threads(first: 1) { edges { cursor } } }`, {}, bearer(unknown));
      expect([res.status, code(res)]).toEqual([401, 'UNAUTHENTICATED']);
    }
  });
});

describe('what a service may do', () => {
  it('reads the event feed only with events:read, refused naming the scope otherwise', async () => {
    for (const scope of SCOPES) {
      const token = await create([scope]);
      const res = await api.gql(FEED, { first: 5 }, bearer(token.secret));
      if (scope === 'events:read') {
        expect(res.errors).toBeUndefined();
        expect(res.data.domainEvents.edges.length).toBeGreaterThan(0);
      } else {
        expect([res.status, code(res)]).toEqual([200, 'FORBIDDEN']);
        expect(res.errors![0]!.message).toContain('"events:read"');
      }
    }
  });

  it('reads public content as a visitor would, and nothing staff-only', async () => {
    const thread = await buildThread(api, member);
    const token = await create([...SCOPES]);
    const read = await api.gql(
      `query($id: ID!) { thread(id: $id) { id title } }`,
      { id: thread.id },
      bearer(token.secret),
    );
    expect(read.errors).toBeUndefined();
    expect(read.data.thread).toEqual({ id: thread.id, title: thread.title });
    for (const q of [
      `{ events(first: 1) { edges { cursor } } }`,
      `{ auditLog(first: 1) { edges { cursor } } }`,
      `{ serviceTokens { id } }`,
      `{ siteSettings { revision } }`,
      `{ reviewQueue(first: 1) { edges { cursor } } }`,
      `{ notifications(first: 1) { edges { cursor } } }`,
    ]) {
      const res = await api.gql(q, {}, bearer(token.secret));
      expect({ q, code: code(res) }).toEqual({ q, code: 'FORBIDDEN' });
    }
  });

  it('a token of any scope cannot post, vote, flag, hide, edit or do any member mutation: FORBIDDEN, nothing written', async () => {
    const thread = await buildThread(api, member);
    const reply = await buildReply(api, member, thread.id);
    const categoryId = String(
      (await api.sql('select category_id from threads where id = $1', [thread.id]))[0].category_id,
    );
    const mutations: [string, string, Record<string, unknown>][] = [
      [
        'askQuestion',
        `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`,
        {
          input: { categoryId, title: 'A question from a service token', body: 'x'.repeat(40) },
        },
      ],
      [
        'postReply',
        `mutation($input: PostReplyInput!) { postReply(input: $input) { id } }`,
        {
          input: { threadId: thread.id, body: 'A reply from a service token, which must never land.' },
        },
      ],
      [
        'vote',
        `mutation($input: VoteInput!) { vote(input: $input) { id } }`,
        { input: { postId: reply.id, value: 'UP' } },
      ],
      [
        'flagPost',
        `mutation($input: FlagPostInput!) { flagPost(input: $input) { __typename } }`,
        {
          input: { postId: reply.id, reason: 'SPAM' },
        },
      ],
      [
        'hidePost',
        `mutation($input: HidePostInput!) { hidePost(input: $input) { id } }`,
        {
          input: { postId: reply.id, reason: 'Hidden by a service' },
        },
      ],
      [
        'editPost',
        `mutation($input: EditPostInput!) { editPost(input: $input) { id } }`,
        {
          input: { postId: reply.id, body: 'Edited by a service token, which must never happen.' },
        },
      ],
      [
        'removePost',
        `mutation($input: RemovePostInput!) { removePost(input: $input) }`,
        {
          input: { postId: reply.id, reason: 'SPAM' },
        },
      ],
      ['acceptAnswer', `mutation($id: ID!) { acceptAnswer(postId: $id) { id } }`, { id: reply.id }],
      [
        'silenceMember',
        `mutation($input: SanctionInput!) { silenceMember(input: $input) { __typename } }`,
        {
          input: {
            memberId: member.id,
            reason: 'by a service',
            until: new Date(Date.now() + 86_400_000).toISOString(),
          },
        },
      ],
      ['followThread', `mutation($id: ID!) { followThread(threadId: $id) { __typename } }`, { id: thread.id }],
      ['markNotificationsRead', `mutation { markNotificationsRead { __typename } }`, {}],
      [
        'setMemberRole',
        `mutation($input: SetMemberRoleInput!) { setMemberRole(input: $input) { __typename } }`,
        {
          input: { memberId: member.id, role: 'ADMIN', reason: 'by a service' },
        },
      ],
      [
        'login',
        `mutation($input: LoginInput!) { login(input: $input) { token } }`,
        {
          input: { login: member.handle, password: member.password },
        },
      ],
      [
        'register',
        `mutation($input: RegisterInput!) { register(input: $input) { token } }`,
        {
          input: { handle: 'svc_made', email: 'svc_made@example.test', password: 'correct horse battery' },
        },
      ],
    ];
    const snapshot = () =>
      api.sql(`select (select count(*) from posts) as posts, (select count(*) from threads) as threads,
                      (select count(*) from post_votes) as votes, (select count(*) from flags) as flags,
                      (select count(*) from domain_events) as events, (select count(*) from members) as members,
                      (select count(*) from sessions) as sessions,
                      (select string_agg(id || ':' || md5(body) || ':' || coalesce(hidden_at::text, '') || ':' ||
                               coalesce(deleted_at::text, ''), ',' order by id) from posts) as bodies`);
    const before = await snapshot();
    const [{ last }] = await api.sql('select max(id) as last from domain_events');
    for (const scopes of [...SCOPES.map((s) => [s]), [...SCOPES]]) {
      const token = await create(scopes);
      for (const [name, query, variables] of mutations) {
        const res = await api.gql(query, variables, bearer(token.secret));
        expect({ scopes, name, code: code(res) }).toEqual({ scopes, name, code: 'FORBIDDEN' });
      }
    }
    const after = await snapshot();
    // The tokens' own creation added their events; nothing else moved (the system's reactions to
    // the reply above, such as a badge, may land meanwhile).
    expect({ ...after[0], events: undefined }).toEqual({ ...before[0], events: undefined });
    const since = await api.sql(`select name, actor_type from domain_events where id > $1 and actor_type <> 'system'`, [
      last,
    ]);
    expect(since).toEqual(Array(SCOPES.length + 1).fill({ name: 'service_token.created', actor_type: 'member' }));
  });
});

describe('the event feed', () => {
  it('pages the log oldest first with a keyset cursor, by name, for events:read and administrators', async () => {
    const reader = await create(['events:read'], 'Warehouse');
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await create(['cases:write'], `Paged ${i}`));
    const names = ['service_token.created'];
    const stored = await api.sql(
      `select e.id::text as id, e.subject from domain_events e where e.name = 'service_token.created' order by e.id`,
    );
    /** Pages the whole feed from `from`, two at a time: the events seen, the pages and the last cursor. */
    const readAll = async (from: string | null) => {
      const seen: { id: string; subject: string }[] = [];
      let after = from;
      let pages = 0;
      for (;;) {
        const res: any = await api.gql(FEED, { first: 2, after, names }, bearer(reader.secret));
        expect(res.errors).toBeUndefined();
        seen.push(...res.data.domainEvents.edges.map((e: any) => e.node));
        pages++;
        after = res.data.domainEvents.pageInfo.endCursor ?? after;
        if (!res.data.domainEvents.pageInfo.hasNextPage) return { seen, pages, after };
      }
    };
    // The feed stops before the oldest transaction still running (a subscriber's, a job's), so
    // on a busy API the newest events may come a moment later: read until they are all there.
    let read = await readAll(null);
    await expect
      .poll(async () => (read = await readAll(null)).seen.map((e) => e.id))
      .toEqual(stored.map((r: any) => r.id));
    expect(read.pages).toBe(Math.max(1, Math.ceil(stored.length / 2)));
    expect(read.seen.slice(-5).map((e) => e.subject)).toEqual(made.map((t) => `service_token:${t.id}`));
    // Later events follow the last cursor, and only they.
    const later = await create(['cases:write'], 'Later');
    await expect
      .poll(async () => (await readAll(read.after)).seen.map((e) => e.subject))
      .toEqual([`service_token:${later.id}`]);

    // Administrators read it too; other staff and members do not; a forged cursor is bad input.
    expect((await api.gql(FEED, { first: 1 }, as(admin))).errors).toBeUndefined();
    expect(code(await api.gql(FEED, { first: 1 }, as(moderator)))).toBe('FORBIDDEN');
    expect(code(await api.gql(FEED, { first: 1 }, as(member)))).toBe('FORBIDDEN');
    expect(code(await api.gql(FEED, { first: 1 }))).toBe('UNAUTHENTICATED');
    expect(code(await api.gql(FEED, { after: 'bm90IGEgY3Vyc29y' }, bearer(reader.secret)))).toBe('BAD_USER_INPUT');
    expect(code(await api.gql(FEED, { names: ['DROP TABLE'] }, bearer(reader.secret)))).toBe('BAD_USER_INPUT');
    expect(code(await api.gql(FEED, { first: 1000 }, bearer(reader.secret)))).toBe('BAD_USER_INPUT');
  });

  it('attributes what a service records to its token: actor type service, the token id and name', async () => {
    const token = await create(['events:read', 'customers:write'], 'Attributed CRM');
    // The request path: the bearer becomes the scope's actor, which commands record on their events.
    const ctx = await buildContext(api.app.services, { headers: { authorization: `Bearer ${token.secret}` } });
    expect(ctx.viewer).toBeNull();
    const actor = ctx.guardian.requireActor();
    expect(actor).toEqual({
      type: 'service',
      id: Number(token.id),
      name: 'Attributed CRM',
      scopes: ['customers:write', 'events:read'],
    });
    expect(() => ctx.guardian.requireViewer()).toThrow(/service token/);
    await transact(ctx.em, (tx) =>
      recordEvent(tx, actor, {
        name: 'integration.tested' as never,
        subject: ref('service_token', token.id),
        data: {} as never,
      }),
    );
    const [row] = await api.sql(
      `select actor_type, actor_id, actor_label from domain_events where name = 'integration.tested'`,
    );
    expect(row).toEqual({ actor_type: 'service', actor_id: token.id, actor_label: 'Attributed CRM' });
    const feed = await api.gql(FEED, { names: ['integration.tested'] }, bearer(token.secret));
    expect(feed.data.domainEvents.edges.map((e: any) => e.node)).toEqual([
      expect.objectContaining({ actorType: 'service', serviceTokenId: token.id, actorLabel: 'Attributed CRM' }),
    ]);
  });
});
