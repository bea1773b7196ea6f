import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../platform/db/sql.js';

export interface AdvocateChangeRow {
  id: string;
  granted: boolean;
  reason: string;
  actorId: number | null;
  createdAt: Date;
  categoryIds: number[] | null;
}

/** A member's advocate grants and revokes, newest first (staff read this). */
export async function advocateChanges(em: EntityManager, memberId: number): Promise<AdvocateChangeRow[]> {
  const rows = await sql<Record<string, unknown>>(
    em,
    `select id::text, granted, reason, actor_id, created_at, category_ids from advocate_changes
      where member_id = ? order by id desc limit 100`,
    [memberId],
  );
  return rows.map((r) => ({
    id: r.id as string,
    granted: r.granted as boolean,
    reason: r.reason as string,
    actorId: r.actor_id as number | null,
    createdAt: new Date(r.created_at as string),
    categoryIds: r.category_ids as number[] | null,
  }));
}
