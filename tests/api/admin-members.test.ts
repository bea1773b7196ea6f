import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, type TestMember } from '../support/factories.js';
import { startTestApi, type GraphQLResponse, type TestApi } from '../support/test-api.js';

// The admin area's members (issue 12, item 4): staff list and search members (email: admins
// only), administrators change roles (never their own, never the last administrator's), each
// change audited with before, after and the reason, and in force from the member's next request.
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
afterAll(() => api?.close());

const as = (m: TestMember | null) => (m ? { token: m.token, ip: m.ip } : {});
const code = (res: GraphQLResponse) => res.errors?.[0]?.extensions.code;
const LIST = `query($filter: AdminMembersFilterInput, $first: Int, $after: String) {
  adminMembers(filter: $filter, first: $first, after: $after) {
    edges { node { id handle role reputation createdAt isAdvocate heldForApproval email sanction { kind reason } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const SET_ROLE = `mutation($input: SetMemberRoleInput!) { setMemberRole(input: $input) { member { id role } } }`;

const list = (by: TestMember | null, filter: Record<string, unknown> = {}, first = 50, after?: string) =>
  api.gql(LIST, { filter, first, after }, as(by));
const handles = (res: GraphQLResponse) =>
  res.data.adminMembers.edges.map((e: { node: { handle: string } }) => e.node.handle) as string[];
const setRole = (by: TestMember | null, memberId: string, role: string, reason = 'Helps with the queue every day.') =>
  api.gql(SET_ROLE, { input: { memberId, role, reason } }, as(by));
const roleOf = async (id: string) => (await api.sql('select role from members where id = $1', [id]))[0].role as string;
const roleEvents = async (id: string) =>
  (
    await api.sql(`select count(*)::int as n from domain_events where name = 'member.role_changed' and subject = $1`, [
      `member:${id}`,
    ])
  )[0].n as number;

describe('adminMembers', () => {
  it('is for staff: visitors log in, members and advocates are refused', async () => {
    expect(code(await list(null))).toBe('UNAUTHENTICATED');
    expect(code(await list(member))).toBe('FORBIDDEN');
    const advocate = await buildMember(api);
    await api.sql('update members set is_advocate = true where id = $1', [advocate.id]);
    expect(code(await list(advocate))).toBe('FORBIDDEN');
    expect((await list(moderator)).errors).toBeUndefined();
    expect((await list(admin)).errors).toBeUndefined();
  });

  it('finds handles by prefix, case-insensitively, with % and _ taken literally', async () => {
    const tag = `Zq${Date.now().toString(36).slice(-5)}`;
    const [a, b] = await Promise.all([
      buildMember(api, { handle: `${tag}_one` }),
      buildMember(api, { handle: `${tag}two` }),
    ]);
    const res = await list(moderator, { query: tag.toLowerCase() });
    expect(handles(res).sort()).toEqual([a.handle, b.handle].sort());
    expect(handles(await list(moderator, { query: `${tag}_` }))).toEqual([a.handle]);
    expect(handles(await list(moderator, { query: `${tag}%` }))).toEqual([]);
  });

  it('finds an email exactly (any case) for administrators; a moderator’s email search is FORBIDDEN', async () => {
    const target = await buildMember(api);
    const res = await list(admin, { query: target.email.toUpperCase() });
    expect(res.data.adminMembers.edges.map((e: { node: { id: string; email: string } }) => e.node)).toMatchObject([
      { id: target.id, email: target.email },
    ]);
    expect(handles(await list(admin, { query: target.email.slice(0, -1) }))).toEqual([]);
    const refused = await list(moderator, { query: target.email });
    expect(code(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0]!.message).toMatch(/Only administrators can search members by email/);
  });

  it('filters by role, advocate, held and sanctioned, and shows what staff need on each row', async () => {
    const advocate = await buildMember(api);
    await api.sql('update members set is_advocate = true where id = $1', [advocate.id]);
    const held = await buildMember(api);
    await api.sql('update members set held_at = now() where id = $1', [held.id]);
    const silenced = await buildMember(api);
    const silence = await api.gql(
      `mutation($input: SanctionInput!) { silenceMember(input: $input) { member { id } } }`,
      {
        input: { memberId: silenced.id, until: new Date(Date.now() + 86_400_000).toISOString(), reason: 'Spam links' },
      },
      as(moderator),
    );
    expect(silence.errors).toBeUndefined();

    const ids = async (filter: Record<string, unknown>) =>
      (await list(admin, filter)).data.adminMembers.edges.map((e: { node: { id: string } }) => e.node.id) as string[];
    expect(await ids({ role: 'MODERATOR' })).toContain(moderator.id);
    expect(await ids({ role: 'MODERATOR' })).not.toContain(member.id);
    expect(await ids({ advocate: true })).toEqual(expect.arrayContaining([advocate.id]));
    expect(await ids({ advocate: true })).not.toContain(member.id);
    expect(await ids({ held: true })).toEqual([held.id]);
    expect(await ids({ held: false })).not.toContain(held.id);
    expect(await ids({ sanctioned: true })).toEqual([silenced.id]);
    expect(await ids({ sanctioned: false })).not.toContain(silenced.id);
    expect(await ids({ role: 'MEMBER', advocate: true, sanctioned: false })).toContain(advocate.id);

    const [row] = (await list(admin, { sanctioned: true })).data.adminMembers.edges;
    expect(row.node).toMatchObject({
      handle: silenced.handle,
      role: 'MEMBER',
      reputation: 15,
      isAdvocate: false,
      heldForApproval: false,
      email: silenced.email,
      sanction: { kind: 'SILENCE', reason: 'Spam links' },
    });
    const [heldRow] = (await list(moderator, { held: true })).data.adminMembers.edges;
    expect(heldRow.node.heldForApproval).toBe(true);
  });

  it('pages newest first with a cursor, without repeats or gaps', async () => {
    const tag = `pg${Date.now().toString(36).slice(-6)}`;
    const made: TestMember[] = [];
    for (let i = 0; i < 5; i++) made.push(await buildMember(api, { handle: `${tag}_${i}` }));
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const res = await list(admin, { query: tag }, 2, after);
      expect(res.errors).toBeUndefined();
      seen.push(...handles(res));
      if (!res.data.adminMembers.pageInfo.hasNextPage) break;
      after = res.data.adminMembers.pageInfo.endCursor;
    }
    expect(seen).toEqual(made.map((m) => m.handle).reverse());
    expect(code(await list(admin, {}, 101))).toBe('BAD_USER_INPUT');
    expect(code(await list(admin, {}, 10, 'not-a-cursor'))).toBe('BAD_USER_INPUT');
  });

  it('serves each filter from an index on a few thousand members', async () => {
    await api.sql(
      `insert into members (handle, email, password_hash, created_at)
       select 'bulk' || g, 'bulk' || g || '@example.test', 'x', now() - g * interval '1 minute'
         from generate_series(1, 3000) g`,
    );
    await api.sql('analyze members');
    const plan = async (where: string, params: unknown[] = []) =>
      (
        await api.sql(
          `explain select id from members m where ${where} order by m.created_at desc, m.id desc limit 21`,
          params,
        )
      )
        .map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN'])
        .join('\n');
    expect(await plan('true')).toMatch(/members_created_idx/);
    expect(await plan(`lower(m.handle) like 'bulk123%'`)).toMatch(/members_handle_prefix_idx/);
    expect(await plan(`lower(m.email) = 'bulk12@example.test'`)).toMatch(/members_email_key/);
    expect(await plan(`m.role = 'MODERATOR'`)).toMatch(/members_role_created_idx/);
    expect(await plan('m.is_advocate = true')).toMatch(/members_advocate_created_idx/);
    expect(await plan('m.held_at is not null and m.approved_at is null')).toMatch(/members_held_idx/);
  });
});

describe('setMemberRole', () => {
  const matrix: [string, () => Promise<TestMember | null>, string][] = [
    ['visitor', async () => null, 'UNAUTHENTICATED'],
    ['member', async () => member, 'FORBIDDEN'],
    ['moderator', async () => moderator, 'FORBIDDEN'],
    ['admin', async () => admin, 'ok'],
  ];
  for (const [who, by, outcome] of matrix) {
    it(`${who} making a member a moderator → ${outcome}`, async () => {
      const target = await buildMember(api);
      const res = await setRole(await by(), target.id, 'MODERATOR');
      if (outcome === 'ok') {
        expect(res.errors).toBeUndefined();
        expect(res.data.setMemberRole.member).toEqual({ id: target.id, role: 'MODERATOR' });
        expect(await roleOf(target.id)).toBe('MODERATOR');
        expect(await roleEvents(target.id)).toBe(1);
      } else {
        expect(code(res)).toBe(outcome);
        expect(await roleOf(target.id)).toBe('MEMBER');
        expect(await roleEvents(target.id)).toBe(0);
      }
    });
  }

  it('takes effect on the member’s next request, and is audited with before, after and the reason', async () => {
    const target = await buildMember(api);
    const removed = `query { removedPosts(first: 1) { edges { node { id } } } }`;
    expect(code(await api.gql(removed, {}, as(target)))).toBe('FORBIDDEN');
    expect((await setRole(admin, target.id, 'MODERATOR', 'Runs the Tuesday office hours.')).errors).toBeUndefined();
    // Same session token: the role is read per request.
    const me = await api.gql('{ me { role } }', {}, as(target));
    expect(me.data.me.role).toBe('MODERATOR');
    expect((await api.gql(removed, {}, as(target))).errors).toBeUndefined();

    const audit = await api.gql(
      `query($m: ID) { auditLog(filter: { memberId: $m, kinds: ["member.role_changed"] }, first: 5) {
         edges { node { name actor { id } before after reason } } } }`,
      { m: target.id },
      as(moderator),
    );
    expect(audit.data.auditLog.edges.map((e: { node: unknown }) => e.node)).toEqual([
      {
        name: 'member.role_changed',
        actor: { id: admin.id },
        before: { role: 'MEMBER' },
        after: { role: 'MODERATOR' },
        reason: 'Runs the Tuesday office hours.',
      },
    ]);
    const all = await api.gql('{ auditLog(first: 5) { edges { node { name } } } }', {}, as(moderator));
    expect(all.data.auditLog.edges.map((e: { node: { name: string } }) => e.node.name)).toContain(
      'member.role_changed',
    );

    expect((await setRole(admin, target.id, 'MEMBER', 'Stepped down.')).errors).toBeUndefined();
    expect(code(await api.gql(removed, {}, as(target)))).toBe('FORBIDDEN');
  });

  it('refuses bad input, an unknown member, the same role and oneself, changing nothing', async () => {
    const target = await buildMember(api);
    const short = await setRole(admin, target.id, 'MODERATOR', ' x ');
    expect(code(short)).toBe('BAD_USER_INPUT');
    expect(short.errors![0]!.extensions.fields).toHaveProperty('reason');
    expect(code(await setRole(admin, '999999', 'MODERATOR'))).toBe('NOT_FOUND');
    expect(code(await setRole(admin, 'abc', 'MODERATOR'))).toBe('BAD_USER_INPUT');
    expect(code(await setRole(admin, target.id, 'OWNER'))).toBe('BAD_USER_INPUT');
    const self = await setRole(admin, admin.id, 'MEMBER');
    expect(code(self)).toBe('FORBIDDEN');
    expect(self.errors![0]!.message).toBe("You can't change your own role: ask another administrator.");
    expect(await roleOf(admin.id)).toBe('ADMIN');
    expect(await roleOf(target.id)).toBe('MEMBER');
    // The same role again: nothing to record.
    expect((await setRole(admin, target.id, 'MEMBER')).errors).toBeUndefined();
    expect(await roleEvents(target.id)).toBe(0);
  });

  it('never demotes the last administrator, even when two administrators demote each other at once', async () => {
    // A community of its own: only these two are administrators.
    const solo = await startTestApi();
    try {
      const [first, second] = await Promise.all([
        buildMember(solo, { role: 'ADMIN' }),
        buildMember(solo, { role: 'ADMIN' }),
      ]);
      // buildMember's reputation factory made an administrator of its own: demote it directly.
      await solo.sql(`update members set role = 'MEMBER' where role = 'ADMIN' and id not in ($1, $2)`, [
        first.id,
        second.id,
      ]);
      const demote = (by: TestMember, id: string) =>
        solo.gql(
          SET_ROLE,
          { input: { memberId: id, role: 'MEMBER', reason: 'Handing over.' } },
          { token: by.token, ip: by.ip },
        );
      const results = await Promise.all([demote(first, second.id), demote(second, first.id)]);
      // One wins; by then the other is no administrator any more, and is refused.
      expect(results.map((r) => code(r) ?? 'ok').sort()).toEqual(['FORBIDDEN', 'ok']);
      const [{ n }] = await solo.sql(`select count(*)::int as n from members where role = 'ADMIN'`);
      expect(n).toBe(1);
    } finally {
      await solo.close();
    }
  });
});
