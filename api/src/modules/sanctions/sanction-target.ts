import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../platform/db/sql.js';
import { NotFoundError } from '../../platform/errors.js';
import type { SanctionTarget } from './sanctions.policy.js';

/**
 * The member a sanction or note is about, share-locked so their role cannot change while the
 * guardian's decision is acted on; NOT_FOUND when there is none.
 */
export async function lockTarget(tx: EntityManager, memberId: number): Promise<SanctionTarget & { handle: string }> {
  const [target] = await sql<SanctionTarget & { handle: string }>(
    tx,
    'select id, role, handle from members where id = ? for share',
    [memberId],
  );
  if (!target) throw new NotFoundError('Member');
  return target;
}
