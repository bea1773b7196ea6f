import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeCursor, toConnection, type Connection } from '../../graphql/pagination.js';
import type { Viewer } from '../../platform/authz/guardian.js';
import { sql } from '../../platform/db/sql.js';
import { readableThreadIdSql } from '../community/visibility.js';
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

/**
 * A member's ledger as `viewer` may see it, newest first, keyset-paginated on the event id.
 * Every entry is listed (the points must add up to the total), but the post and thread of one
 * earned in a thread the viewer may not read are left out.
 */
export async function reputationHistory(
  em: EntityManager,
  viewer: Viewer | null,
  memberId: number,
  args: { first: number; after?: string | null },
): Promise<Connection<ReputationEventRow>> {
  const cursor = decodeCursor(args.after, ['bigid']);
  const readable = readableThreadIdSql(viewer, 'e.thread_id');
  const rows = await sql<Record<string, unknown>>(
    em,
    `select e.id::text, e.kind, e.points, e.uncapped_points,
            case when e.thread_id is null or ${readable} then e.post_id end as post_id,
            case when e.thread_id is null or ${readable} then e.thread_id end as thread_id,
            e.reason, e.created_at
       from reputation_events e where e.member_id = ? ${cursor ? 'and e.id < ?::bigint' : ''}
      order by e.id desc limit ?`,
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
