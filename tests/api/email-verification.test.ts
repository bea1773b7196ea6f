import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_ABUSE_LIMITS } from '../../api/src/platform/abuse-limits.js';
import { signToken } from '../../api/src/platform/signed-tokens.js';
import { buildMember } from '../support/factories.js';
import { linkIn, startTestSmtp, type TestSmtp } from '../support/smtp.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

const PUBLIC_URL = 'https://community.example';
const SESSION_SECRET = 'verification-test-secret-'.padEnd(40, 'x');

let api: TestApi;
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
  api = await startTestApi({
    SMTP_URL: smtp.url,
    PUBLIC_URL,
    SESSION_SECRET,
    MAIL_FROM: 'Hearth <hello@community.example>',
    // Only the limit under test: sign-ups from one address must not be held.
    ABUSE_LIMITS: JSON.stringify({ ...NO_ABUSE_LIMITS, verificationEmailsPerHour: 3 }),
  });
});
afterAll(async () => {
  await api?.close();
  await smtp?.close();
});

const VERIFY = `mutation($token: String!) { verifyEmail(token: $token) }`;
const RESEND = `mutation { resendVerificationEmail }`;
const ME = `{ me { id emailVerified } }`;

const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;
const verifiedAt = async (id: string) =>
  (await api.sql('select email_verified_at from members where id = $1', [id]))[0].email_verified_at as Date | null;
const verifiedEvents = async (id: string) =>
  api.sql(
    `select actor_type, actor_id::text, data from domain_events where name = 'member.email_verified' and subject = $1`,
    [`member:${id}`],
  );

async function signUpAndReceive() {
  const member = await buildMember(api, { reputation: 0 });
  const mail = await smtp.waitFor(member.email, (m) => m.subject.includes('Confirm your email'));
  return { member, mail, link: linkIn(mail.text, `${PUBLIC_URL}/verify-email?token=`) };
}

describe('email verification', () => {
  it('sends a verification email at sign-up whose link verifies the address, once', async () => {
    const { member, mail, link } = await signUpAndReceive();
    expect(mail.from).toBe('hello@community.example');
    expect(mail.html).toContain(link.replace(/&/g, '&amp;'));
    // The verification email is not a notification: no unsubscribe header.
    expect(mail.header('list-unsubscribe')).toBeUndefined();
    expect((await api.gql(ME, {}, { token: member.token })).data.me.emailVerified).toBe(false);

    const res = await api.gql(VERIFY, { token: tokenOf(link) });
    expect(res.errors).toBeUndefined();
    expect(res.data.verifyEmail).toBe(true);
    expect((await api.gql(ME, {}, { token: member.token })).data.me.emailVerified).toBe(true);
    const at = await verifiedAt(member.id);
    expect(at).toBeInstanceOf(Date);
    expect(await verifiedEvents(member.id)).toEqual([
      {
        actor_type: 'member',
        actor_id: member.id,
        data: { memberId: Number(member.id), handle: member.handle, email: member.email },
      },
    ]);

    // Opening the link again succeeds and changes nothing.
    const again = await api.gql(VERIFY, { token: tokenOf(link) });
    expect(again.data.verifyEmail).toBe(true);
    expect(await verifiedAt(member.id)).toEqual(at);
    expect(await verifiedEvents(member.id)).toHaveLength(1);
    // One email per sign-up.
    expect(smtp.to(member.email)).toHaveLength(1);
  });

  it('refuses tampered, expired, foreign-purpose and stale tokens with BAD_USER_INPUT, changing nothing', async () => {
    const { member, link } = await signUpAndReceive();
    const token = tokenOf(link);
    const [body, signature] = token.split('.') as [string, string];
    const otherMember = Buffer.from(JSON.stringify({ m: Number(member.id) + 1, e: member.email, exp: 9e9 })).toString(
      'base64url',
    );
    const sign = (claims: Record<string, string | number>, opts = {}) =>
      signToken(SESSION_SECRET, 'verify-email', claims, opts);
    const refused = [
      `${otherMember}.${signature}`,
      `${body}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`,
      'not-a-token',
      // Signed correctly, but expired a second ago.
      sign({ m: Number(member.id), e: member.email }, { expiresInSeconds: -1 }),
      // A real unsubscribe link's token for the same member is not a verification token.
      signToken(SESSION_SECRET, 'unsubscribe', { m: Number(member.id), e: member.email }),
      // Signed with another secret.
      signToken('another-secret'.padEnd(40, 'y'), 'verify-email', { m: Number(member.id), e: member.email }),
    ];
    for (const bad of refused) {
      const res = await api.gql(VERIFY, { token: bad });
      expect(res.errors?.[0]?.extensions.code, bad).toBe('BAD_USER_INPUT');
    }
    expect(await verifiedAt(member.id)).toBeNull();
    expect(await verifiedEvents(member.id)).toEqual([]);

    // A link sent to an address the member no longer has verifies nothing.
    await api.sql('update members set email = $1 where id = $2', [`new-${member.email}`, member.id]);
    const stale = await api.gql(VERIFY, { token });
    expect(stale.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(await verifiedAt(member.id)).toBeNull();
  });

  it('shows emailVerified to the member and staff only', async () => {
    const { member } = await signUpAndReceive();
    const other = await buildMember(api);
    const staff = await buildMember(api, { role: 'MODERATOR' });
    const query = `query($h: String!) { member(handle: $h) { handle emailVerified } }`;
    const asOther = await api.gql(query, { h: member.handle }, { token: other.token });
    expect(asOther.data.member.emailVerified).toBeNull();
    expect(asOther.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const asVisitor = await api.gql(query, { h: member.handle });
    expect(asVisitor.data.member.emailVerified).toBeNull();
    const asStaff = await api.gql(query, { h: member.handle }, { token: staff.token });
    expect(asStaff.errors).toBeUndefined();
    expect(asStaff.data.member.emailVerified).toBe(false);
  });

  it('sends another link on request, limited per member, and none once verified', async () => {
    const { member, link } = await signUpAndReceive();
    expect((await api.gql(RESEND)).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');

    for (let i = 0; i < 3; i++) {
      const res = await api.gql(RESEND, {}, { token: member.token });
      expect(res.errors).toBeUndefined();
      expect(res.data.resendVerificationEmail).toBe(true);
    }
    const limited = await api.gql(RESEND, {}, { token: member.token });
    expect(limited.errors?.[0]?.extensions.code).toBe('RATE_LIMITED');
    // The three requested, after the one sent at sign-up; each carries a working link.
    await expect.poll(() => smtp.to(member.email).length, { timeout: 15_000 }).toBe(4);
    const latest = smtp.to(member.email).at(-1)!;
    const resent = linkIn(latest.text, `${PUBLIC_URL}/verify-email?token=`);
    expect((await api.gql(VERIFY, { token: tokenOf(resent) })).data.verifyEmail).toBe(true);
    // The first link still works too (already verified: a no-op).
    expect((await api.gql(VERIFY, { token: tokenOf(link) })).data.verifyEmail).toBe(true);

    const verified = await buildMember(api);
    await api.sql('update members set email_verified_at = now() where id = $1', [verified.id]);
    const none = await api.gql(RESEND, {}, { token: verified.token });
    expect(none.data.resendVerificationEmail).toBe(false);
  });
});
