import type { EntityManager } from '@mikro-orm/postgresql';
import { describeWait, limited } from '../../platform/abuse-limits.js';
import { isStaffViewer, type Guardian } from '../../platform/authz/guardian.js';
import { sql } from '../../platform/db/sql.js';
import { lockMemberWrites } from '../community/posting-limits.js';

const DAY_MS = 86_400_000;

/**
 * Flags per 24 hours (ABUSE_LIMITS.flagsPerDay), posts' flags and articles' reports together:
 * counted from the member's own rows under the member's write lock, so concurrent flags are
 * checked one after another. Staff are exempt.
 */
export async function ensureFlagAllowed(tx: EntityManager, guardian: Guardian, perDay: number): Promise<void> {
  const viewer = guardian.requireViewer();
  if (perDay === 0 || isStaffViewer(viewer)) return;
  await lockMemberWrites(tx, viewer.id);
  const since = new Date(Date.now() - DAY_MS);
  const [row] = await sql<{ at: Date | null }>(
    tx,
    `select (select at from (
               select created_at as at from flags where flagger_id = ? and created_at > ?
               union all
               select created_at from article_reports where reporter_id = ? and created_at > ?) mine
              order by at desc offset ? limit 1) as at`,
    [viewer.id, since, viewer.id, since, perDay - 1],
  );
  if (row?.at) {
    const wait = (new Date(row.at).getTime() + DAY_MS - Date.now()) / 1000;
    throw limited(`You can flag at most ${perDay} posts a day. You can flag again in ${describeWait(wait)}.`, wait);
  }
}
