import { memberActor } from '../../../platform/authz/actor.js';
import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import { ValidationError } from '../../../platform/errors.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import type { Scope } from '../../../platform/scope.js';
import '../accounts.events.js';
import { readVerificationToken } from '../email-verification.js';

const REFUSED = 'This verification link is not valid or has expired. Log in and ask for a new one.';

/**
 * Marks the address a verification link was sent to as verified. Opening the link again is a
 * no-op that succeeds; a bad, tampered or expired token, or one for an address the member no
 * longer has, is BAD_USER_INPUT and changes nothing. The link's holder acts for the member (it
 * was sent to their address), so the event's actor is the member.
 */
export async function verifyEmail(scope: Scope, token: string): Promise<boolean> {
  const claim = readVerificationToken(scope.services.config, token);
  if (!claim) throw new ValidationError({ token: REFUSED });
  return transact(scope.em, async (tx) => {
    const [verified] = await sql<{ id: number; handle: string; email: string }>(
      tx,
      `update members set email_verified_at = now()
        where id = ? and lower(email) = ? and email_verified_at is null
        returning id, handle, email`,
      [claim.memberId, claim.email],
    );
    if (verified) {
      await recordEvent(tx, memberActor(verified.id), {
        name: 'member.email_verified',
        subject: ref('member', verified.id),
        data: { memberId: verified.id, handle: verified.handle, email: verified.email },
      });
      return true;
    }
    const [already] = await sql(
      tx,
      `select 1 from members where id = ? and lower(email) = ? and email_verified_at is not null`,
      [claim.memberId, claim.email],
    );
    if (!already) throw new ValidationError({ token: REFUSED });
    return true;
  });
}
