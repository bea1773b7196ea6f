import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../platform/authz/guardian.js';
import { sql } from '../../platform/db/sql.js';
import { readableThreadIdSql } from '../community/visibility.js';
import { badgeByKey, type BadgeTier } from './badge.definitions.js';

/**
 * An award's reason and post, or the badge's description and no post when the award was
 * earned in a thread the viewer may not read: its title and ids must not leak through badges.
 */
const shownSql = (viewer: Viewer | null) => `
  case when b.thread_id is null or ${readableThreadIdSql(viewer, 'b.thread_id')} then b.reason end as reason,
  case when b.thread_id is null or ${readableThreadIdSql(viewer, 'b.thread_id')} then b.post_id end as post_id`;
const reasonOf = (badge: string, reason: unknown): string =>
  (reason as string | null) ?? badgeByKey.get(badge)?.description ?? '';

/** How many members hold each badge (badge_awards_once_idx serves the count). */
export async function badgeHolderCounts(em: EntityManager): Promise<Map<string, number>> {
  const rows = await sql<{ badge: string; holders: number }>(
    em,
    'select badge, count(distinct member_id)::int as holders from badge_awards group by badge',
  );
  return new Map(rows.map((r) => [r.badge, r.holders]));
}

export interface MemberBadgeRow {
  badge: string;
  count: number;
  /** Why the latest award was earned. */
  reason: string;
  postId: number | null;
  firstAwardedAt: Date;
  lastAwardedAt: Date;
}

/**
 * A member's badges as `viewer` may see them: one row per badge (repeatable ones counted), most
 * recently earned first.
 */
export async function memberBadges(
  em: EntityManager,
  viewer: Viewer | null,
  memberId: number,
): Promise<MemberBadgeRow[]> {
  const rows = await sql<Record<string, unknown>>(
    em,
    `select distinct on (b.badge) b.badge, ${shownSql(viewer)}, b.created_at as last_at,
            count(*) over (partition by b.badge)::int as n, min(b.created_at) over (partition by b.badge) as first_at
       from badge_awards b where b.member_id = ? order by b.badge, b.id desc`,
    [memberId],
  );
  return rows
    .filter((r) => badgeByKey.has(r.badge as string))
    .map((r) => ({
      badge: r.badge as string,
      count: r.n as number,
      reason: reasonOf(r.badge as string, r.reason),
      postId: r.post_id as number | null,
      firstAwardedAt: new Date(r.first_at as string),
      lastAwardedAt: new Date(r.last_at as string),
    }))
    .sort((a, b) => b.lastAwardedAt.getTime() - a.lastAwardedAt.getTime());
}

export type TierCounts = Record<BadgeTier, number>;

declare module '../../platform/module.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Loaders extends ReturnType<typeof badgeLoaders> {}
}

/** Gold/silver/bronze counts of many members in one query: authors on a thread page. */
export function badgeLoaders(em: EntityManager) {
  return {
    /** Holder counts of every badge, read at most once per request. */
    badgeHolders: new DataLoader<string, number>(async (keys) => {
      const counts = await badgeHolderCounts(em);
      return keys.map((k) => counts.get(k) ?? 0);
    }),
    badgeTiersByMemberId: new DataLoader<number, TierCounts>(async (ids) => {
      const rows = await sql<{ member_id: number; badge: string; n: number }>(
        em,
        `select member_id, badge, count(*)::int as n from badge_awards
          where member_id = any(?::int[]) group by member_id, badge`,
        [`{${ids.join(',')}}`],
      );
      const byMember = new Map<number, TierCounts>();
      for (const r of rows) {
        const tier = badgeByKey.get(r.badge)?.tier;
        if (!tier) continue;
        const counts = byMember.get(r.member_id) ?? { GOLD: 0, SILVER: 0, BRONZE: 0 };
        counts[tier] += r.n;
        byMember.set(r.member_id, counts);
      }
      return ids.map((id) => byMember.get(id) ?? { GOLD: 0, SILVER: 0, BRONZE: 0 });
    }),
  };
}
