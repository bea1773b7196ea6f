import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeCursor, toConnection, type Connection } from '../../graphql/pagination.js';
import { sql } from '../../platform/db/sql.js';
import type { ReputationKind } from './ledger.js';

export interface ReputationEventRow {
  id: string;
  kind: ReputationKind;
  points: number;
  uncappedPoints: number | null;
  postId: number | null;
  threadId: number | null;
  reason: string | null;
  createdAt: Date;
}

/** A member's ledger, newest first, keyset-paginated on the event id. */
export async function reputationHistory(
  em: EntityManager,
  memberId: number,
  args: { first: number; after?: string | null },
): Promise<Connection<ReputationEventRow>> {
  const cursor = decodeCursor(args.after, ['bigid']);
  const rows = await sql<Record<string, unknown>>(
    em,
    `select id::text, kind, points, uncapped_points, post_id, thread_id, reason, created_at
       from reputation_events where member_id = ? ${cursor ? 'and id < ?::bigint' : ''}
      order by id desc limit ?`,
    cursor ? [memberId, cursor[0], args.first + 1] : [memberId, args.first + 1],
  );
  const events = rows.map((r): ReputationEventRow => ({
    id: r.id as string,
    kind: r.kind as ReputationKind,
    points: r.points as number,
    uncappedPoints: r.uncapped_points as number | null,
    postId: r.post_id as number | null,
    threadId: r.thread_id as number | null,
    reason: r.reason as string | null,
    createdAt: new Date(r.created_at as string),
  }));
  return toConnection(events, args.first, (e) => [e.id]);
}

/** Members whose cached total differs from the sum of their ledger (should be none). */
export async function reputationMismatches(em: EntityManager) {
  const [row] = await sql<{ members: number; mismatched: number[] }>(
    em,
    `select count(*)::int as members,
            coalesce(array_agg(m.id order by m.id) filter (where m.reputation <> coalesce(s.total, 0)), '{}') as mismatched
       from members m
       left join (select member_id, sum(points)::int as total from reputation_events group by member_id) s
         on s.member_id = m.id`,
  );
  return row!;
}
