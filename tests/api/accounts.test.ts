import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember } from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
beforeAll(async () => {
  // Not NODE_ENV=test: this file checks the stored hash carries the parameters production writes
  // (the other files hash with cheap test-only ones, see accounts/passwords.ts).
  api = await startTestApi({ NODE_ENV: 'development' });
});
afterAll(() => api?.close());

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { token member { id handle role email } } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token member { handle } } }`;
const ME = `{ me { id handle email role } }`;
const memberCount = async () => (await api.sql('select count(*)::int as n from members'))[0].n;

describe('register', () => {
  it('creates the member with an argon2id hash and a hashed session token, and logs in', async () => {
    const res = await api.gql(REGISTER, {
      input: { handle: 'Kestrel', email: 'kestrel@example.test', password: 'long enough secret' },
    });
    expect(res.errors).toBeUndefined();
    const { token, member } = res.data.register;
    expect(member).toMatchObject({ handle: 'Kestrel', role: 'MEMBER', email: 'kestrel@example.test' });
    const [row] = await api.sql('select password_hash from members where id = $1', [member.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.password_hash).not.toContain('long enough secret');
    const sessions = await api.sql('select token_hash from sessions where member_id = $1', [member.id]);
    expect(sessions).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex') }]);
    const me = await api.gql(ME, {}, { token });
    expect(me.data.me).toMatchObject({ id: member.id, handle: 'Kestrel', email: 'kestrel@example.test' });
  });

  it('refuses taken handles and emails case-insensitively, writing nothing', async () => {
    await buildMember(api, { handle: 'heron' });
    const before = await memberCount();
    const handle = await api.gql(REGISTER, {
      input: { handle: 'HERON', email: 'other@example.test', password: 'long enough secret' },
    });
    expect(handle.errors?.[0]?.extensions.code).toBe('CONFLICT');
    expect(handle.errors?.[0]?.message).toMatch(/handle "HERON" is taken/);
    const email = await api.gql(REGISTER, {
      input: { handle: 'heron2', email: 'HERON@example.test', password: 'long enough secret' },
    });
    expect(email.errors?.[0]?.extensions.code).toBe('CONFLICT');
    expect(await memberCount()).toBe(before);
  });

  it.each([
    [{ handle: 'ab' }, 'handle'],
    [{ handle: 'has space' }, 'handle'],
    [{ handle: 'x'.repeat(21) }, 'handle'],
    [{ email: 'not-an-email' }, 'email'],
    [{ password: 'short' }, 'password'],
    [{ password: 'x'.repeat(129) }, 'password'],
    [{ handle: 'samehandle', password: 'SameHandle' }, 'password'],
  ])('rejects %o with BAD_USER_INPUT on %s', async (override, field) => {
    const before = await memberCount();
    const res = await api.gql(REGISTER, {
      input: { handle: 'valid_handle', email: 'valid@example.test', password: 'long enough secret', ...override },
    });
    expect(res.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(res.errors![0]!.extensions.fields)).toEqual([field]);
    expect(await memberCount()).toBe(before);
  });

  it('two concurrent sign-ups for one handle: exactly one wins, the other gets CONFLICT', async () => {
    const results = await Promise.all(
      [1, 2, 3].map((i) =>
        api.gql(REGISTER, {
          input: { handle: 'racer', email: `racer${i}@example.test`, password: 'long enough secret' },
        }),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions.code === 'CONFLICT')).toHaveLength(2);
    expect((await api.sql(`select count(*)::int as n from members where lower(handle) = 'racer'`))[0].n).toBe(1);
  });
});

describe('login and sessions', () => {
  it('logs in by handle or email, case-insensitively', async () => {
    const m = await buildMember(api);
    for (const login of [m.handle, m.handle.toUpperCase(), m.email, m.email.toUpperCase()]) {
      const res = await api.gql(LOGIN, { input: { login, password: m.password } }, { ip: '198.51.100.7' });
      expect(res.errors).toBeUndefined();
      const me = await api.gql(ME, {}, { token: res.data.login.token });
      expect(me.data.me.handle).toBe(m.handle);
    }
  });

  it('gives the same answer for a wrong password and an unknown account', async () => {
    const m = await buildMember(api);
    const wrong = await api.gql(
      LOGIN,
      { input: { login: m.handle, password: 'not the password' } },
      { ip: '198.51.100.8' },
    );
    const unknown = await api.gql(
      LOGIN,
      { input: { login: 'nobody_here', password: 'not the password' } },
      { ip: '198.51.100.8' },
    );
    expect(wrong.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0]).toEqual({ ...wrong.errors![0], path: ['login'] });
    expect(wrong.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
  });

  it('limits attempts to 6 a minute per IP: the 7th is RATE_LIMITED with 429 and Retry-After', async () => {
    const m = await buildMember(api);
    const ip = '198.51.100.20';
    for (let i = 0; i < 6; i++) {
      const res = await api.gql(LOGIN, { input: { login: `someone${i}`, password: 'wrong password' } }, { ip });
      expect(res.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    }
    const limited = await api.gql(LOGIN, { input: { login: m.handle, password: m.password } }, { ip });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: expect.any(Number),
    });
    expect(limited.errors?.[0]?.message).toMatch(/at most 6 per minute/);
    expect(limited.data?.login ?? null).toBeNull();
    // Another address is not affected.
    const elsewhere = await api.gql(
      LOGIN,
      { input: { login: m.handle, password: m.password } },
      { ip: '198.51.100.21' },
    );
    expect(elsewhere.errors).toBeUndefined();
  });

  it('limits attempts per account across addresses', async () => {
    const m = await buildMember(api);
    for (let i = 0; i < 6; i++) {
      await api.gql(LOGIN, { input: { login: m.handle, password: 'wrong password' } }, { ip: `198.51.100.${100 + i}` });
    }
    const limited = await api.gql(
      LOGIN,
      { input: { login: m.handle, password: m.password } },
      { ip: '198.51.100.150' },
    );
    expect(limited.errors?.[0]?.extensions.code).toBe('RATE_LIMITED');
  });

  it('logout ends the session; the old token is then refused with 401', async () => {
    const m = await buildMember(api);
    const out = await api.gql(`mutation { logout }`, {}, { token: m.token });
    expect(out.data.logout).toBe(true);
    expect(await api.sql('select 1 from sessions where member_id = $1', [m.id])).toEqual([]);
    const after = await api.gql(ME, {}, { token: m.token });
    expect(after.status).toBe(401);
    expect(after.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it.each([['Bearer abc'], ['Basic dXNlcjpwYXNz'], [`Bearer hs_${'A'.repeat(43)}`], ['Bearer ']])(
    'refuses the malformed or unknown credential %s',
    async (authorization) => {
      const res = await api.gql(ME, {}, { headers: { authorization } });
      expect(res.status).toBe(401);
      expect(res.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
      expect(res.data ?? null).toBeNull();
    },
  );

  it('treats a visitor without a token as nobody', async () => {
    const res = await api.gql(ME);
    expect(res.data.me).toBeNull();
  });
});

describe('email privacy', () => {
  it('shows an email to its owner and staff only', async () => {
    const [owner, other, moderator, admin] = await Promise.all([
      buildMember(api),
      buildMember(api),
      buildMember(api, { role: 'MODERATOR' }),
      buildMember(api, { role: 'ADMIN' }),
    ]);
    const Q = `query($h: String!) { member(handle: $h) { handle email } }`;
    for (const [viewer, visible] of [
      [owner, true],
      [moderator, true],
      [admin, true],
      [other, false],
      [null, false],
    ] as const) {
      const res = await api.gql(Q, { h: owner.handle }, { token: viewer?.token });
      if (visible) {
        expect(res.data.member.email).toBe(owner.email);
      } else {
        expect(res.data.member).toEqual({ handle: owner.handle, email: null });
        expect(res.errors?.[0]).toMatchObject({ path: ['member', 'email'], extensions: { code: 'FORBIDDEN' } });
      }
    }
  });

  it('answers NOT_FOUND for an unknown handle', async () => {
    const res = await api.gql(`{ member(handle: "ghost_member") { handle } }`);
    expect(res.data.member).toBeNull();
    expect(res.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });
});
