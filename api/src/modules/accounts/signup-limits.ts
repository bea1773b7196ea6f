import { isIP } from 'node:net';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../platform/db/sql.js';
import { DomainError, ValidationError } from '../../platform/errors.js';
import type { Scope } from '../../platform/scope.js';

/**
 * Sign-up limits (SECURITY.md: 3 per IP per day before review; a honeypot field).
 *
 * Sign-ups are counted per network: an IPv4 address, or an IPv6 /64 (one subscriber's prefix:
 * counting single IPv6 addresses would let one machine sign up without end). Past the limit the
 * account is still created, but held: it cannot log in until staff approve it (approveMember).
 * A person behind a busy shared address (a school, an office) is delayed, not refused.
 */

const DAY_MS = 86_400_000;
/** pg_advisory_xact_lock(class, hashtext(network)): sign-ups from one network count in turn. */
const SIGNUP_LOCK = 0x48525355; // "HRSU"

/**
 * The honeypot: a `website` field forms render hidden (and skipped by autofill), so a person
 * leaves it empty and a form-filling bot does not. A filled one is BAD_USER_INPUT naming the
 * field, rather than a fake success: a fake success would need a fake token and member, which
 * the bot's very next request would expose anyway, while a person whose browser filled the
 * field gets told what to do instead of an account that silently never existed.
 */
export function refuseHoneypot(input: { website?: string | null }): void {
  if (input.website != null && input.website !== '') {
    throw new ValidationError({ website: 'Leave the website field empty to sign up.' });
  }
}

/**
 * The network of a client address: the IPv4 address (also when IPv4-mapped), or the first four
 * groups of an IPv6 address as `x:x:x:x::/64`; null when it is not an IP address.
 */
export function networkOf(ip: string): string | null {
  let address = ip.trim().replace(/%.*$/, ''); // no zone id
  if (/^::ffff:/i.test(address) && isIP(address.slice(7)) === 4) address = address.slice(7);
  const kind = isIP(address);
  if (kind === 4) return address;
  if (kind !== 6) return null;
  const [head = '', tail] = address.toLowerCase().split('::');
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  // An embedded IPv4 tail counts as two groups; it never reaches the first four.
  const width = (part: string[]) => part.reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0);
  const front = groups(head);
  const back = tail === undefined ? [] : groups(tail);
  const all = [...front, ...Array<string>(8 - width(front) - width(back)).fill('0'), ...back];
  return `${all
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

/**
 * Records the new member's network and holds the sign-up when that network already signed up
 * `signupsPerNetworkPerDay` members in the last 24 hours. Runs in the sign-up's transaction
 * after the member row is written, under a lock on the network, so concurrent sign-ups from one
 * network are counted one after the other. Returns whether the sign-up is held.
 */
export async function holdSignupOverLimit(tx: EntityManager, scope: Scope, memberId: number): Promise<boolean> {
  const network = networkOf(scope.ip);
  if (network === null) return false; // not an IP address (a seed, a script): nothing to count by
  const limit = scope.settings.abuseLimits.signupsPerNetworkPerDay;
  if (limit > 0) await sql(tx, 'select pg_advisory_xact_lock(?::int, hashtext(?))', [SIGNUP_LOCK, network]);
  const [row] = await sql<{ held: boolean }>(
    tx,
    `update members set signup_network = ?,
            held_at = case when ?::int > 0 and (select count(*) from members
                                                 where signup_network = ? and created_at > ? and id <> ?) >= ?::int
                           then now() end
      where id = ? returning held_at is not null as held`,
    [network, limit, network, new Date(Date.now() - DAY_MS), memberId, limit, memberId],
  );
  return row!.held;
}

/** What a held sign-up answers: FORBIDDEN with `extensions.pendingApproval`, naming the limit. */
function pendingApproval(message: string): DomainError {
  return new DomainError('FORBIDDEN', message, { pendingApproval: true });
}

/**
 * The sign-up's result for the member: their session, or, when the sign-up was held (no token),
 * FORBIDDEN saying the account exists and waits for staff approval. The account is committed
 * either way: the error reports what happened to it, and a retry is CONFLICT (handle taken).
 */
export function approvedOrHeld<M>(scope: Scope, signedUp: { token: string | null; member: M }) {
  if (signedUp.token === null) {
    const limit = scope.settings.abuseLimits.signupsPerNetworkPerDay;
    throw pendingApproval(
      `Your account was created, but ${limit} accounts were already created from your network in the last 24 hours, ` +
        'so a moderator must approve it first. You can log in once it is approved.',
    );
  }
  return { token: signedUp.token, member: signedUp.member };
}

/** Login of a held, not yet approved account: FORBIDDEN (checked after the password). */
export function ensureNotHeld(member: { heldAt: Date | null; approvedAt: Date | null }): void {
  if (member.heldAt && !member.approvedAt) {
    throw pendingApproval('Your account is waiting for a moderator’s approval. You can log in once it is approved.');
  }
}
