import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../platform/authz/guardian.js';
import { decodeCursor, toConnection, type Connection } from '../../graphql/pagination.js';
import { sql, textArray } from '../../platform/db/sql.js';
import { toArticleReport, type ArticleReportRow } from './commands/report-article.js';
import { toWeight, type FlagReasonKey } from './flag.rules.js';
import { reviewableSql } from './moderation.policy.js';
import { toReviewItem, type ReviewItemRow, type ReviewKind, type ReviewStatus } from './review-item.js';

export interface ReviewQueueFilter {
  kinds?: ReviewKind[];
  status?: ReviewStatus;
  categoryId?: number;
}

/**
 * One page of the review queue, oldest waiting first (review_items_queue_idx: status, then
 * created_at and id), limited to the items the viewer may review.
 */
export async function listReviewQueue(
  em: EntityManager,
  viewer: Viewer,
  reviewQueue: number,
  args: { first: number; after?: string | null; filter: ReviewQueueFilter },
): Promise<Connection<ReviewItemRow>> {
  const where = ['r.status = ?', reviewableSql(viewer, reviewQueue, 'r')];
  const params: unknown[] = [args.filter.status ?? 'OPEN'];
  if (args.filter.kinds?.length) {
    where.push('r.kind = any(?::text[])');
    params.push(textArray(args.filter.kinds));
  }
  if (args.filter.categoryId !== undefined) {
    where.push('r.category_id = ?');
    params.push(args.filter.categoryId);
  }
  const cursor = decodeCursor(args.after, ['timestamp', 'id']);
  if (cursor) {
    where.push('(r.created_at, r.id) > (?::timestamptz, ?)');
    params.push(...cursor);
  }
  params.push(args.first + 1);
  const rows = await sql(
    em,
    `select r.* from review_items r where ${where.join(' and ')} order by r.created_at, r.id limit ?`,
    params,
  );
  return toConnection(rows.map(toReviewItem), args.first, (r) => [r.createdAt.toISOString(), r.id]);
}

export interface ReviewQueueStats {
  open: number;
  oldestWaitingSeconds: number | null;
  handledToday: number;
  /** Open items ÷ the last 7 days' rate of decisions; null when nothing was decided. */
  projectedClearSeconds: number | null;
  byAge: { bucket: string; count: number }[];
  handledPerReviewer: { reviewerId: number; count: number }[];
}

/** Age buckets of the capacity view, in the order shown. */
export const AGE_BUCKETS = ['UNDER_1H', 'H1_TO_4', 'H4_TO_24', 'D1_TO_3', 'OVER_3D'] as const;

/**
 * The capacity view over the items the viewer may review: what waits and for how long, what
 * was handled today (UTC) and by whom, and when the queue would be clear at the last 7 days'
 * rate. Two statements, each one range of an index.
 */
export async function reviewQueueStats(
  em: EntityManager,
  viewer: Viewer,
  reviewQueue: number,
): Promise<ReviewQueueStats> {
  const visible = reviewableSql(viewer, reviewQueue, 'r');
  const [open] = await sql<Record<string, number | null>>(
    em,
    `select count(*)::int as open,
            extract(epoch from now() - min(r.created_at))::int as oldest,
            count(*) filter (where r.created_at > now() - interval '1 hour')::int as "UNDER_1H",
            count(*) filter (where r.created_at <= now() - interval '1 hour'
                               and r.created_at > now() - interval '4 hours')::int as "H1_TO_4",
            count(*) filter (where r.created_at <= now() - interval '4 hours'
                               and r.created_at > now() - interval '24 hours')::int as "H4_TO_24",
            count(*) filter (where r.created_at <= now() - interval '24 hours'
                               and r.created_at > now() - interval '3 days')::int as "D1_TO_3",
            count(*) filter (where r.created_at <= now() - interval '3 days')::int as "OVER_3D"
       from review_items r where r.status = 'OPEN' and ${visible}`,
  );
  const handled = await sql<{ decided_by: number | null; today: number; week: number }>(
    em,
    `select r.decided_by,
            count(*) filter (where r.decided_at >= date_trunc('day', now() at time zone 'utc') at time zone 'utc')::int
              as today,
            count(*)::int as week
       from review_items r
      where r.status = 'RESOLVED' and r.decided_at > now() - interval '7 days' and ${visible}
      group by r.decided_by`,
  );
  const week = handled.reduce((n, h) => n + h.week, 0);
  const openCount = open!.open ?? 0;
  return {
    open: openCount,
    oldestWaitingSeconds: openCount === 0 ? null : (open!.oldest ?? 0),
    handledToday: handled.reduce((n, h) => n + h.today, 0),
    projectedClearSeconds: week === 0 ? null : Math.round((openCount * 7 * 86_400) / week),
    byAge: AGE_BUCKETS.map((bucket) => ({ bucket, count: open![bucket] ?? 0 })),
    handledPerReviewer: handled
      .filter((h) => h.decided_by !== null && h.today > 0)
      .map((h) => ({ reviewerId: h.decided_by!, count: h.today }))
      .sort((a, b) => b.count - a.count || a.reviewerId - b.reviewerId),
  };
}

export interface FlagRow {
  id: number;
  postId: number;
  reviewItemId: number;
  flaggerId: number;
  reason: FlagReasonKey;
  note: string | null;
  weight: number;
  status: string;
  createdAt: Date;
}

const toFlag = (r: Record<string, unknown>): FlagRow => ({
  id: r.id as number,
  postId: r.post_id as number,
  reviewItemId: r.review_item_id as number,
  flaggerId: r.flagger_id as number,
  reason: r.reason as FlagReasonKey,
  note: (r.note as string | null) ?? null,
  weight: toWeight(r.weight as number),
  status: r.status as string,
  createdAt: new Date(r.created_at as string),
});

export interface AuthorHistory {
  accountCreatedAt: Date;
  /** Flags on the member's posts before (review agreed with how many). */
  previousFlags: number;
  previousFlagsAgreed: number;
  previousFlagsDisagreed: number;
}

declare module '../../platform/module.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Loaders extends ReturnType<typeof moderationLoaders> {}
}

/** Per-request loaders of the review queue and of flag state on posts: one statement per kind per page. */
export function moderationLoaders(em: EntityManager, viewer: Viewer | null) {
  return {
    flagsByReviewItemId: new DataLoader<number, FlagRow[]>(async (itemIds) => {
      const rows = await sql(em, `select * from flags where review_item_id = any(?::int[]) order by id`, [
        `{${itemIds.join(',')}}`,
      ]);
      const flags = rows.map(toFlag);
      return itemIds.map((id) => flags.filter((f) => f.reviewItemId === id));
    }),
    reportsByReviewItemId: new DataLoader<number, ArticleReportRow[]>(async (itemIds) => {
      const rows = await sql(em, `select * from article_reports where review_item_id = any(?::int[]) order by id`, [
        `{${itemIds.join(',')}}`,
      ]);
      const reports = rows.map(toArticleReport);
      return itemIds.map((id) => reports.filter((r) => r.reviewItemId === id));
    }),
    /** The viewer's own report per article id (null when none, and for visitors). */
    viewerReportByArticleId: new DataLoader<number, ArticleReportRow | null>(async (articleIds) => {
      if (!viewer) return articleIds.map(() => null);
      const rows = await sql(em, `select * from article_reports where reporter_id = ? and article_id = any(?::int[])`, [
        viewer.id,
        `{${articleIds.join(',')}}`,
      ]);
      const byArticle = new Map(rows.map((r) => [r.article_id as number, toArticleReport(r)]));
      return articleIds.map((id) => byArticle.get(id) ?? null);
    }),
    /** The viewer's own flag per post id (null when none, and for visitors). */
    viewerFlagByPostId: new DataLoader<number, FlagRow | null>(async (postIds) => {
      if (!viewer) return postIds.map(() => null);
      const rows = await sql(em, `select * from flags where flagger_id = ? and post_id = any(?::int[])`, [
        viewer.id,
        `{${postIds.join(',')}}`,
      ]);
      const byPost = new Map(rows.map((r) => [r.post_id as number, toFlag(r)]));
      return postIds.map((id) => byPost.get(id) ?? null);
    }),
    authorHistoryByMemberId: new DataLoader<number, AuthorHistory | null>(async (memberIds) => {
      const rows = await sql<{ id: number; created_at: string; flags: number; agreed: number; disagreed: number }>(
        em,
        `select m.id, m.created_at, coalesce(f.flags, 0)::int as flags, coalesce(f.agreed, 0)::int as agreed,
                coalesce(f.disagreed, 0)::int as disagreed
           from members m
           left join lateral (
             select count(*) as flags, count(*) filter (where fl.status = 'AGREED') as agreed,
                    count(*) filter (where fl.status = 'DISAGREED') as disagreed
               from review_items ri join flags fl on fl.review_item_id = ri.id
              where ri.author_id = m.id) f on true
          where m.id = any(?::int[])`,
        [`{${memberIds.join(',')}}`],
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      return memberIds.map((id) => {
        const r = byId.get(id);
        return r
          ? {
              accountCreatedAt: new Date(r.created_at),
              previousFlags: r.flags,
              previousFlagsAgreed: r.agreed,
              previousFlagsDisagreed: r.disagreed,
            }
          : null;
      });
    }),
  };
}
