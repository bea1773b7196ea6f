import { raw } from '@mikro-orm/postgresql';
import { UnauthenticatedError, ValidationError } from '../../../platform/errors.js';
import type { Scope } from '../../../platform/scope.js';
import { activeSanctionsOf, ensureNotSuspended } from '../../sanctions/active-sanctions.js';
import { Member } from '../member.entity.js';
import { verifyPassword } from '../passwords.js';
import { createSession } from '../sessions.js';
import { ensureNotHeld } from '../signup-limits.js';

export interface LoginInput {
  /** Handle or email. */
  login: string;
  password: string;
}

/**
 * Checks the password and opens a session. Attempts are limited per IP and per account
 * (SECURITY.md) before the password is checked, and unknown accounts take as long as known ones.
 * A suspended member is refused (FORBIDDEN, naming the end and the reason).
 */
export async function logIn(scope: Scope, input: LoginInput) {
  const login = input.login.trim();
  if (!login || !input.password) {
    throw new ValidationError({
      ...(login ? {} : { login: 'Enter your handle or email.' }),
      ...(input.password ? {} : { password: 'Enter your password.' }),
    });
  }
  const { config } = scope.services;
  const limits = [
    { label: 'login attempts', points: config.LOGIN_LIMIT_PER_MINUTE, durationSeconds: 60 },
    { label: 'login attempts', points: config.LOGIN_LIMIT_PER_HOUR, durationSeconds: 3600 },
  ];
  for (const limit of limits) await scope.services.rateLimits.consume(limit, `ip:${scope.ip}`);

  // Longer than any handle (20) or email (254): cannot match, so no need to ask the database.
  const column = login.includes('@') ? 'email' : 'handle';
  const member =
    login.length <= 254
      ? await scope.em.findOne(
          Member,
          { [raw(`lower(${column})`)]: login.toLowerCase() },
          { populate: ['passwordHash'] },
        )
      : null;
  // One counter per account whether it is named by handle or by email (else each gets its own 6/min).
  const account = member ? `member:${member.id}` : `login:${login.toLowerCase()}`;
  for (const limit of limits) await scope.services.rateLimits.consume(limit, `account:${account}`);

  const ok = await verifyPassword(member?.passwordHash ?? null, input.password);
  if (!member || !ok) throw new UnauthenticatedError('That login and password do not match.');
  ensureNotHeld(member);
  // Only once the password matched: a suspension is no one else's business.
  const sanctions = await activeSanctionsOf(scope.em, member.id);
  ensureNotSuspended(sanctions);
  const token = await createSession(scope.em, member.id, config.SESSION_TTL_DAYS);
  return { token, member, sanctions };
}
