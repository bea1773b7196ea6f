import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../platform/authz/guardian.js';
import { sql } from '../../platform/db/sql.js';
import { readableThreadSql } from '../community/visibility.js';
import type { EscalationStatus } from './escalations.events.js';
import type { EscalationRules } from './escalations.settings.js';
import type { PriorityBand } from './priority.js';

export interface EscalationCount {
  band: PriorityBand;
  status: EscalationStatus;
  count: number;
}

/**
 * Escalations opened in [`from`, `to`), by priority band (bandOf's thresholds, in SQL) and
 * status, for the insights dashboard; only escalations of threads the viewer may read, not
 * deleted, optionally in one category. One statement; pairs with no escalation are absent.
 */
export async function escalationsByPriority(
  em: EntityManager,
  viewer: Viewer | null,
  rules: Pick<EscalationRules, 'urgentPriority' | 'highPriority'>,
  period: { from: Date; to: Date; categoryId: number | null },
): Promise<EscalationCount[]> {
  return sql<EscalationCount>(
    em,
    `select case when e.priority >= ? then 'URGENT' when e.priority >= ? then 'HIGH' else 'NORMAL' end as band,
            e.status, count(*)::int as count
       from escalations e join threads t on t.id = e.thread_id
      where e.created_at >= ? and e.created_at < ? and ${readableThreadSql(viewer, 't')}
        ${period.categoryId ? 'and t.category_id = ?' : ''}
      group by 1, 2 order by 1, 2`,
    [
      rules.urgentPriority,
      rules.highPriority,
      period.from,
      period.to,
      ...(period.categoryId ? [period.categoryId] : []),
    ],
  );
}
