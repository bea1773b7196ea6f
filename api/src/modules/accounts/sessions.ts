import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { snapshotShape } from '../../platform/db/snapshots.js';
import { sql } from '../../platform/db/sql.js';
import { UnauthenticatedError } from '../../platform/errors.js';
import {
  activeSanctionsColumn,
  ensureNotSuspended,
  parseActiveSanctions,
  type ActiveSanction,
} from '../sanctions/active-sanctions.js';
import { Member } from './member.entity.js';
import { Session } from './session.entity.js';

const TOKEN_PREFIX = 'hs_';
const TOKEN_PATTERN = /^hs_[A-Za-z0-9_-]{43}$/;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates a session and returns its opaque token; only the token's hash is stored. */
export async function createSession(em: EntityManager, memberId: number, ttlDays: number) {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const session = em.create(Session, {
    memberId,
    tokenHash: hashToken(token),
    createdAt: new Date(),
    expiresAt: new Date(Date.now() + ttlDays * 86_400_000),
  });
  await em.persistAndFlush(session);
  return token;
}

/**
 * The member a bearer token belongs to, with the sanctions in force on them (one statement).
 * A token that is malformed, unknown or expired is UNAUTHENTICATED rather than silently
 * anonymous, so clients learn to log in again; a suspended member's is FORBIDDEN.
 */
export async function memberForToken(
  em: EntityManager,
  token: string,
): Promise<{ member: Member; sanctions: ActiveSanction[] }> {
  const invalid = () => new UnauthenticatedError('Your session is invalid or has expired. Please log in again.');
  if (!TOKEN_PATTERN.test(token)) throw invalid();
  const shape = snapshotShape(em, Member);
  const [row] = await sql(
    em,
    `select ${shape.columns('m')}, ${activeSanctionsColumn('m')} as sanctions
       from sessions s join members m on m.id = s.member_id
      where s.token_hash = ? and s.expires_at > now()`,
    [hashToken(token)],
  );
  if (!row) throw invalid();
  const sanctions = parseActiveSanctions(row.sanctions);
  ensureNotSuspended(sanctions);
  return { member: shape.map(row), sanctions };
}

export async function deleteSession(em: EntityManager, token: string): Promise<void> {
  await em.getConnection().execute('delete from sessions where token_hash = ?', [hashToken(token)]);
}
