import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../platform/db/sql.js';
import type { EscalationReason, EscalationState, EscalationStatus } from './escalations.events.js';
import type { PriorityPart } from './priority.js';

export interface EscalationRow {
  id: number;
  thread_id: number;
  customer_id: number | null;
  reason: EscalationReason;
  requested_by: number | null;
  note: string | null;
  trigger_post_id: number | null;
  advocate: boolean;
  priority: number;
  priority_parts: PriorityPart[];
  priority_computed_at: Date;
  status: EscalationStatus;
  sla_due_at: Date;
  case_id: string | null;
  case_url: string | null;
  case_status: string | null;
  case_updated_at: Date | null;
  resolution: string | null;
  resolution_post_id: number | null;
  created_at: Date;
  updated_at: Date;
  closed_at: Date | null;
}

/** SQL: the escalation aliased `e` is still being worked. */
export const openSql = (e = 'e') => `${e}.status in ('OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER')`;

export const stateOf = (row: EscalationRow): EscalationState => ({
  status: row.status,
  caseId: row.case_id,
  caseStatus: row.case_status,
  resolutionPostId: row.resolution_post_id,
});

export async function escalationById(em: EntityManager, id: number, lock = false): Promise<EscalationRow | null> {
  const [row] = await sql<EscalationRow>(em, `select * from escalations where id = ? ${lock ? 'for update' : ''}`, [
    id,
  ]);
  return row ?? null;
}

/** Each thread's latest escalation (the open one if any), by thread id. */
export async function latestEscalations(
  em: EntityManager,
  threadIds: readonly number[],
): Promise<Map<number, EscalationRow>> {
  const rows = await sql<EscalationRow>(
    em,
    `select distinct on (thread_id) * from escalations where thread_id = any(?::int[])
      order by thread_id, (${openSql('escalations')}) desc, id desc`,
    [`{${threadIds.join(',')}}`],
  );
  return new Map(rows.map((r) => [r.thread_id, r]));
}

export interface EscalationFilter {
  status?: EscalationStatus[] | null;
  reason?: EscalationReason | null;
  /** Past its SLA while still open (true), or not (false). */
  breached?: boolean | null;
}

/**
 * A page of the queue: advocates' first, then by priority (highest first), then oldest first;
 * keyset on (advocate, priority, id). `limit` rows (fetch one more to know if there is more).
 */
export async function listEscalations(
  em: EntityManager,
  filter: EscalationFilter,
  limit: number,
  after: { advocate: boolean; priority: number; id: number } | null,
): Promise<EscalationRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.status?.length) {
    where.push('e.status = any(?::text[])');
    params.push(`{${filter.status.join(',')}}`);
  }
  if (filter.reason) {
    where.push('e.reason = ?');
    params.push(filter.reason);
  }
  if (filter.breached === true) where.push(`${openSql()} and e.sla_due_at < now()`);
  if (filter.breached === false) where.push(`not (${openSql()} and e.sla_due_at < now())`);
  if (after) {
    where.push(`(e.advocate < ? or (e.advocate = ? and (e.priority < ? or (e.priority = ? and e.id > ?))))`);
    params.push(after.advocate, after.advocate, after.priority, after.priority, after.id);
  }
  params.push(limit);
  return sql<EscalationRow>(
    em,
    `select e.* from escalations e join threads t on t.id = e.thread_id and t.deleted_at is null
      ${where.length ? `where ${where.join(' and ')}` : ''}
      order by e.advocate desc, e.priority desc, e.id limit ?`,
    params,
  );
}
