import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ServiceActor, ServiceScope } from '../../platform/authz/actor.js';
import { sql } from '../../platform/db/sql.js';
import { UnauthenticatedError } from '../../platform/errors.js';

/**
 * A service token's secret starts with `hst_`, a session's with `hs_`: the API tells them apart
 * before any database round trip (ModuleDefinition.authenticateService).
 */
export const SERVICE_TOKEN_PREFIX = 'hst_';
const SERVICE_TOKEN_PATTERN = /^hst_[A-Za-z0-9_-]{43}$/;

/** `last_used_at` is written at most once per this interval per token, never on every request. */
export const LAST_USED_RESOLUTION_SECONDS = 60;

/** SHA-256, as sessions: a leak of the table grants nothing. */
export const hashServiceToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new secret (32 random bytes) and the hash that is stored; the secret is shown once. */
export function newServiceSecret(): { secret: string; hash: string } {
  const secret = SERVICE_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return { secret, hash: hashServiceToken(secret) };
}

/**
 * The service a bearer token stands for. Malformed, unknown, rotated-away or revoked tokens are
 * UNAUTHENTICATED. The last use is stamped when the stored one is over a minute old, so a busy
 * integration costs one read per request and one write a minute.
 */
export async function serviceForToken(em: EntityManager, token: string): Promise<ServiceActor> {
  const invalid = () => new UnauthenticatedError('This service token is invalid or has been revoked.');
  if (!SERVICE_TOKEN_PATTERN.test(token)) throw invalid();
  const [row] = await sql<{ id: number; name: string; scopes: ServiceScope[]; stale: boolean }>(
    em,
    `select id, name, scopes,
            last_used_at is null or last_used_at <= now() - make_interval(secs => ?) as stale
       from service_tokens where token_hash = ? and revoked_at is null`,
    [LAST_USED_RESOLUTION_SECONDS, hashServiceToken(token)],
  );
  if (!row) throw invalid();
  if (row.stale) {
    // Conditional, so concurrent first requests of a minute write once between them.
    await sql(
      em,
      `update service_tokens set last_used_at = now()
        where id = ? and (last_used_at is null or last_used_at <= now() - make_interval(secs => ?))`,
      [row.id, LAST_USED_RESOLUTION_SECONDS],
    );
  }
  return { type: 'service', id: row.id, name: row.name, scopes: row.scopes };
}
