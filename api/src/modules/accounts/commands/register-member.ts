import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { assertValid, ConflictError } from '../../../platform/errors.js';
import { memberActor } from '../../../platform/authz/actor.js';
import { transact } from '../../../platform/db/transact.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import type { Scope } from '../../../platform/scope.js';
import '../accounts.events.js';
import { validateRegistration, type RegistrationInput } from '../account.rules.js';
import { Member } from '../member.entity.js';
import { hashPassword } from '../passwords.js';
import { createSession } from '../sessions.js';
import { approvedOrHeld, holdSignupOverLimit, refuseHoneypot } from '../signup-limits.js';

/** Signs a new member up and logs them in. Handle and email are unique case-insensitively. */
export async function registerMember(scope: Scope, raw: RegistrationInput) {
  refuseHoneypot(raw);
  const input = { handle: raw.handle.trim(), email: raw.email.trim(), password: raw.password };
  assertValid(validateRegistration(input));
  const { em } = scope;
  const taken = await em.getConnection().execute<{ handle: boolean; email: boolean }[]>(
    `select bool_or(lower(handle) = lower(?)) as handle, bool_or(lower(email) = lower(?)) as email
       from members where lower(handle) = lower(?) or lower(email) = lower(?)`,
    [input.handle, input.email, input.handle, input.email],
  );
  if (taken[0]?.handle) throw new ConflictError(`The handle "${input.handle}" is taken; choose another.`);
  if (taken[0]?.email) throw new ConflictError('An account with that email already exists; log in instead.');

  const passwordHash = await hashPassword(input.password);
  try {
    const signedUp = await transact(em, async (tx) => {
      const member = tx.create(Member, { handle: input.handle, email: input.email, passwordHash });
      await tx.flush();
      const held = await holdSignupOverLimit(tx, scope, member.id);
      // A sign-up acts for itself: the new member is the actor of their registration.
      await recordEvent(tx, memberActor(member.id), {
        name: 'member.registered',
        subject: ref('member', member.id),
        data: { memberId: member.id, handle: member.handle, held },
      });
      if (held) return { token: null, member };
      const token = await createSession(tx, member.id, scope.services.config.SESSION_TTL_DAYS);
      return { token, member };
    });
    return approvedOrHeld(scope, signedUp);
  } catch (err) {
    // Two sign-ups racing for the same handle or email: the unique index decides.
    if (err instanceof UniqueConstraintViolationException) {
      throw new ConflictError('That handle or email was just taken; choose another.');
    }
    throw err;
  }
}
