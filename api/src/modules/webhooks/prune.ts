import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../platform/db/sql.js';
import { logger } from '../../platform/logger.js';

/** How long inbound messages and final deliveries are kept. */
export const KEEP_DAYS = 30;
const BATCH = 5000;

/**
 * Removes, in batches of 5,000 (short transactions, no long lock):
 * - inbound CRM messages received more than 30 days ago: deduplication needs them only within
 *   the 5-minute timestamp tolerance (an older message is refused as stale before its id is
 *   looked up), the rest is an operator's recent history;
 * - deliveries final for 30 days: DELIVERED ones since they were delivered, and FAILED or DEAD
 *   ones (kept so staff can replay them) since their last attempt. A replayed one is open again,
 *   so it is kept until it is final again. Open deliveries are never removed.
 * Both are served by partial indexes (migration 20261206500000). Returns the rows removed.
 */
export async function pruneWebhookRows(
  em: EntityManager,
  opts: { keepDays?: number } = {},
): Promise<{ inbound: number; deliveries: number }> {
  const days = opts.keepDays ?? KEEP_DAYS;
  const loop = async (statement: string) => {
    let total = 0;
    for (;;) {
      const [row] = await sql<{ n: number }>(em, statement, [days, BATCH]);
      total += row?.n ?? 0;
      if ((row?.n ?? 0) < BATCH) return total;
    }
  };
  const inbound = await loop(
    `with gone as (delete from inbound_webhooks where id in (
       select id from inbound_webhooks where received_at < now() - make_interval(days => ?) order by id limit ?)
       returning 1)
     select count(*)::int as n from gone`,
  );
  const deliveries = await loop(
    `with gone as (delete from webhook_deliveries where id in (
       select id from webhook_deliveries
        where status in ('DELIVERED', 'FAILED', 'DEAD')
          and coalesce(delivered_at, last_attempt_at, created_at) < now() - make_interval(days => ?)
        limit ?)
       returning 1)
     select count(*)::int as n from gone`,
  );
  if (inbound + deliveries > 0) logger.info('webhook rows pruned', { inbound, deliveries, keepDays: days });
  return { inbound, deliveries };
}
