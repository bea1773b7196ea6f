import { sql } from '../../../platform/db/sql.js';
import { SERVICE_IS_NOT_A_MEMBER } from '../../../platform/authz/guardian.js';
import { ForbiddenError, UnauthenticatedError } from '../../../platform/errors.js';
import type { Scope } from '../../../platform/scope.js';
import '../email-verification.jobs.js';

/** Verification emails a member may ask for; the counter is shared by every API instance (rate_limits). */
export const RESEND_VERIFICATION_LIMIT = { label: 'verification emails', points: 3, durationSeconds: 3600 };

/**
 * Queues another verification email for the signed-in member: false (nothing sent) when the
 * address is verified already. Limited per member, so the button cannot be used to flood an inbox.
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
  await scope.services.rateLimits.consume(RESEND_VERIFICATION_LIMIT, `member:${viewer.id}`);
  await scope.services.jobs.send('accounts.send-verification-email', { memberId: viewer.id });
  return true;
}
