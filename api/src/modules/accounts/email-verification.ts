import type { Config } from '../../config.js';
import { sql } from '../../platform/db/sql.js';
import { mailerFor } from '../../platform/mail/mailer.js';
import { readToken, signToken } from '../../platform/signed-tokens.js';
import type { Services } from '../../platform/scope.js';

/** A verification link works this long; a member who lets it lapse asks for another. */
export const VERIFICATION_LINK_DAYS = 7;

/**
 * The signed link for `member`'s address. The address is a claim: a link sent to an address the
 * member has since changed verifies nothing.
 */
export function verificationUrl(config: Config, member: { id: number; email: string }): string {
  const token = signToken(
    config.SESSION_SECRET,
    'verify-email',
    { m: member.id, e: member.email.toLowerCase() },
    { expiresInSeconds: VERIFICATION_LINK_DAYS * 86_400 },
  );
  return `${config.PUBLIC_URL.replace(/\/$/, '')}/verify-email?token=${token}`;
}

/** The member and address a verification token was signed for, or null (bad, tampered or expired). */
export function readVerificationToken(config: Config, token: string): { memberId: number; email: string } | null {
  const claims = readToken(config.SESSION_SECRET, 'verify-email', token);
  if (!claims || typeof claims.m !== 'number' || typeof claims.e !== 'string') return null;
  return { memberId: claims.m, email: claims.e };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Sends the verification email to a member not yet verified (the only email an unverified
 * address ever gets); nothing for one verified meanwhile. Throws when the mail server fails, so
 * the job is retried.
 */
export async function sendVerificationEmail(services: Services, memberId: number): Promise<boolean> {
  const [member] = await sql<{ id: number; handle: string; email: string; verified: boolean }>(
    services.orm.em.fork(),
    `select id, handle, email, email_verified_at is not null as verified from members where id = ?`,
    [memberId],
  );
  if (!member || member.verified) return false;
  const url = verificationUrl(services.config, member);
  await mailerFor(services.config).send({
    to: member.email,
    subject: 'Confirm your email address for Hearth',
    text: [
      `Hi @${member.handle},`,
      '',
      'Please confirm that this is your email address by opening this link:',
      url,
      '',
      `The link works for ${VERIFICATION_LINK_DAYS} days. If you did not sign up, ignore this email.`,
    ].join('\n'),
    html: `<p>Hi @${escapeHtml(member.handle)},</p>
<p>Please confirm that this is your email address:</p>
<p><a href="${escapeHtml(url)}">Confirm my email address</a></p>
<p>The link works for ${VERIFICATION_LINK_DAYS} days. If you did not sign up, ignore this email.</p>`,
  });
  return true;
}
