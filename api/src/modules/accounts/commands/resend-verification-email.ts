import { sql } from '../../../platform/db/sql.js';
import { SERVICE_IS_NOT_A_MEMBER } from '../../../platform/authz/guardian.js';
import { ForbiddenError, UnauthenticatedError } from '../../../platform/errors.js';
import type { Scope } from '../../../platform/scope.js';
import '../email-verification.jobs.js';

/**
 * Queues another verification email for the signed-in member: false (nothing sent) when the
 * address is verified already. Limited per member (the abuse limit `verificationEmailsPerHour`,
 * counted in rate_limits, which every API instance shares), so the button cannot flood an inbox.
 */
export async function resendVerificationEmail(scope: Scope): Promise<boolean> {
  const viewer = scope.guardian.viewer;
  if (!viewer && scope.guardian.actor?.type === 'service') throw new ForbiddenError(SERVICE_IS_NOT_A_MEMBER);
  if (!viewer) throw new UnauthenticatedError('Log in to ask for a verification email.');
  const [member] = await sql<{ verified: boolean }>(
    scope.em,
    `select email_verified_at is not null as verified from members where id = ?`,
    [viewer.id],
  );
  if (!member || member.verified) return false;
  const perHour = scope.settings.abuseLimits.verificationEmailsPerHour;
  if (perHour > 0) {
    await scope.services.rateLimits.consume(
      { label: 'verification emails', points: perHour, durationSeconds: 3600 },
      `member:${viewer.id}`,
    );
  }
  await scope.services.jobs.send('accounts.send-verification-email', { memberId: viewer.id });
  return true;
}
