import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../platform/db/sql.js';
import { routeReasonText, type RouteReason } from './route-reason.js';

/** One member a question was routed to. */
export interface StoredRoute {
  threadId: number;
  memberId: number;
  score: number;
  reason: RouteReason;
  text: string;
  notifiedAt: Date;
}

/** The routes of `threadIds`, each thread's best first, in one statement (thread_routes' primary key). */
export async function routesOfThreads(
  em: EntityManager,
  threadIds: readonly number[],
): Promise<Map<number, StoredRoute[]>> {
  const rows = await sql<{
    thread_id: number;
    member_id: number;
    score: number;
    reason: RouteReason;
    notified_at: Date;
  }>(
    em,
    `select thread_id, member_id, score, reason, notified_at from thread_routes
      where thread_id = any(?::int[])
      order by thread_id, (reason->>'advocate')::boolean desc, score desc, member_id`,
    [`{${threadIds.join(',')}}`],
  );
  const out = new Map<number, StoredRoute[]>(threadIds.map((id) => [id, []]));
  for (const r of rows) {
    out.get(r.thread_id)?.push({
      threadId: r.thread_id,
      memberId: r.member_id,
      score: Number(r.score),
      reason: r.reason,
      text: routeReasonText(r.reason),
      notifiedAt: new Date(r.notified_at),
    });
  }
  return out;
}
