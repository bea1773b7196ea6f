import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, type TestMember } from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// Production defaults: 3 sign-ups per network (IPv4 address, IPv6 /64) in any 24 hours.
let api: TestApi;
let moderator: TestMember;
let plain: TestMember;

beforeAll(async () => {
  api = await startTestApi({ ABUSE_LIMITS: '{}' });
  [moderator, plain] = await Promise.all([buildMember(api, { role: 'MODERATOR' }), buildMember(api)]);
});
afterAll(() => api?.close());

const REGISTER = `mutation($i: RegisterInput!) { register(input: $i) { token member { id handle } } }`;
const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { token } }`;
const PENDING = `query($after: String) { pendingMembers(first: 50, after: $after) { edges { node { id handle email } } pageInfo { endCursor } } }`;
const APPROVE = `mutation($i: ApproveMemberInput!) { approveMember(input: $i) { member { id handle } } }`;
const PASSWORD = 'correct horse battery';

const signUp = (ip: string, extra: Record<string, unknown> = {}) => {
  const handle = `s_${randomBytes(4).toString('hex')}`;
  return api
    .gql(REGISTER, { i: { handle, email: `${handle}@example.test`, password: PASSWORD, ...extra } }, { ip })
    .then((res) => ({ handle, res }));
};
const login = (handle: string) => api.gql(LOGIN, { i: { login: handle, password: PASSWORD } }, { ip: '192.0.2.200' });
const memberRow = async (handle: string) =>
  (
    await api.sql(
      `select m.id, m.held_at, m.approved_at, m.approved_by, m.signup_network,
              (select count(*) from sessions s where s.member_id = m.id)::int as sessions
         from members m where handle = $1`,
      [handle],
    )
  )[0];
let subnet = 0;
/** A network no other test uses. */
const newIp = () => `198.51.${++subnet}.7`;

describe('sign-ups per network', () => {
  it('three a day sign in at once; the fourth is created but held until staff approve it', async () => {
    const ip = newIp();
    for (let i = 0; i < 3; i++) {
      const { res } = await signUp(ip);
      expect(res.errors).toBeUndefined();
      expect(res.data.register.token).toMatch(/^hs_/);
    }
    const { handle, res } = await signUp(ip);
    expect(res.data?.register ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN', pendingApproval: true });
    expect(res.errors?.[0]?.message).toBe(
      'Your account was created, but 3 accounts were already created from your network in the last 24 hours, ' +
        'so a moderator must approve it first. You can log in once it is approved.',
    );
    const held = await memberRow(handle);
    expect(held).toMatchObject({ signup_network: ip, approved_at: null, sessions: 0 });
    expect(held.held_at).not.toBeNull();

    // It cannot log in (told so only with the right password), and it is on the staff's list.
    const refused = await login(handle);
    expect(refused.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN', pendingApproval: true });
    expect(refused.errors?.[0]?.message).toMatch(/waiting for a moderator’s approval/);
    const wrong = await api.gql(LOGIN, { i: { login: handle, password: 'not the password' } }, { ip: '192.0.2.201' });
    expect(wrong.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    const list = await api.gql(PENDING, {}, { token: moderator.token });
    expect(list.data.pendingMembers.edges.map((e: any) => e.node)).toContainEqual({
      id: String(held.id),
      handle,
      email: `${handle}@example.test`,
    });

    const approved = await api.gql(APPROVE, { i: { memberId: String(held.id) } }, { token: moderator.token });
    expect(approved.data.approveMember.member).toEqual({ id: String(held.id), handle });
    expect(await memberRow(handle)).toMatchObject({ approved_by: Number(moderator.id) });
    expect((await login(handle)).data.login.token).toMatch(/^hs_/);
    const after = await api.gql(PENDING, {}, { token: moderator.token });
    expect(after.data.pendingMembers.edges.map((e: any) => e.node.handle)).not.toContain(handle);
  });

  it('counts an IPv6 /64 as one network, and other networks apart', async () => {
    for (let i = 1; i <= 3; i++) expect((await signUp(`2001:db8:77:1::${i}`)).res.errors).toBeUndefined();
    const held = await signUp('2001:db8:77:1:ffff::9');
    expect(held.res.errors?.[0]?.extensions.pendingApproval).toBe(true);
    expect((await signUp('2001:db8:77:2::1')).res.errors).toBeUndefined();
    expect((await signUp(newIp())).res.errors).toBeUndefined();
  });

  it('concurrent sign-ups from one network: exactly three get in', async () => {
    const ip = newIp();
    const results = await Promise.all(Array.from({ length: 6 }, () => signUp(ip)));
    expect(results.filter((r) => r.res.data?.register?.token)).toHaveLength(3);
    expect(results.filter((r) => r.res.errors?.[0]?.extensions.pendingApproval)).toHaveLength(3);
    const [row] = await api.sql(
      `select count(*)::int as n, count(*) filter (where held_at is not null)::int as held from members where signup_network = $1`,
      [ip],
    );
    expect(row).toEqual({ n: 6, held: 3 });
  });
});

describe('approving held sign-ups', () => {
  it('is for staff only; approving twice or a member who was never held is CONFLICT; an unknown one NOT_FOUND', async () => {
    const ip = newIp();
    for (let i = 0; i < 3; i++) await signUp(ip);
    const { handle } = await signUp(ip);
    const { id } = await memberRow(handle);

    expect((await api.gql(PENDING, {})).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect((await api.gql(PENDING, {}, { token: plain.token })).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const byMember = await api.gql(APPROVE, { i: { memberId: String(id) } }, { token: plain.token });
    expect(byMember.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect(await memberRow(handle)).toMatchObject({ approved_at: null });

    expect(
      (await api.gql(APPROVE, { i: { memberId: String(id) } }, { token: moderator.token })).errors,
    ).toBeUndefined();
    const twice = await api.gql(APPROVE, { i: { memberId: String(id) } }, { token: moderator.token });
    expect(twice.errors?.[0]).toMatchObject({
      message: 'This member is already approved.',
      extensions: { code: 'CONFLICT' },
    });
    const never = await api.gql(APPROVE, { i: { memberId: plain.id } }, { token: moderator.token });
    expect(never.errors?.[0]?.extensions.code).toBe('CONFLICT');
    const unknown = await api.gql(APPROVE, { i: { memberId: '2147483647' } }, { token: moderator.token });
    expect(unknown.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });

  it('pages the list by cursor, oldest held first', async () => {
    const ip = newIp();
    for (let i = 0; i < 3; i++) await signUp(ip);
    const handles: string[] = [];
    for (let i = 0; i < 3; i++) handles.push((await signUp(ip)).handle);
    const page = `query($after: String) { pendingMembers(first: 1, after: $after) { edges { node { handle } } pageInfo { hasNextPage endCursor } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: any = await api.gql(page, { after }, { token: moderator.token });
      seen.push(...res.data.pendingMembers.edges.map((e: any) => e.node.handle));
      if (!res.data.pendingMembers.pageInfo.hasNextPage) break;
      after = res.data.pendingMembers.pageInfo.endCursor;
    }
    expect(seen.filter((h) => handles.includes(h))).toEqual(handles);
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('the honeypot', () => {
  it('a filled-in website field is BAD_USER_INPUT naming it, and nothing is created', async () => {
    const [before] = await api.sql('select count(*)::int as n from members');
    const { handle, res } = await signUp(newIp(), { website: 'http://cheap-watches.example' });
    expect(res.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: { website: 'Leave the website field empty to sign up.' },
    });
    expect(await memberRow(handle)).toBeUndefined();
    expect((await api.sql('select count(*)::int as n from members'))[0]).toEqual(before);
    // Empty, as a person's form sends it, signs up.
    expect((await signUp(newIp(), { website: '' })).res.errors).toBeUndefined();
  });
});
