import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../platform/authz/guardian.js';
import { sql } from '../../platform/db/sql.js';
import { readableThreadSql } from '../community/visibility.js';

export interface SentimentWeek {
  /** Monday 00:00 UTC of the week. */
  weekStart: Date;
  /** Scored posts written that week. */
  posts: number;
  /** Mean sentiment score, in thousandths (-1000 to 1000). */
  meanScore: number;
  /** Share of those posts labelled NEGATIVE, 0–1. */
  negativeShare: number;
}

/**
 * The community's sentiment week by week (UTC weeks): the scored posts written in
 * [`from`, `to`), their mean score and the share labelled negative. Only posts a visitor may
 * read count (not deleted, not hidden, in a thread the viewer may read whose question is not
 * hidden), optionally in one category. One statement over posts_created_idx.
 */
export async function sentimentByWeek(
  em: EntityManager,
  viewer: Viewer | null,
  period: { from: Date; to: Date; categoryId?: number | null },
): Promise<SentimentWeek[]> {
  const rows = await sql<{ week_start: string; posts: number; mean_score: number; negative_share: number }>(
    em,
    `select date_trunc('week', p.created_at at time zone 'UTC') at time zone 'UTC' as week_start,
            count(*)::int as posts, round(avg(s.score))::int as mean_score,
            (count(*) filter (where s.label = 'NEGATIVE'))::float8 / count(*) as negative_share
       from posts p
       join post_sentiments s on s.post_id = p.id
       join threads t on t.id = p.thread_id
      where p.created_at >= ? and p.created_at < ? and p.deleted_at is null and p.hidden_at is null
        and ${readableThreadSql(viewer, 't')} and not t.question_hidden
        ${period.categoryId ? 'and t.category_id = ?' : ''}
      group by 1 order by 1`,
    [period.from, period.to, ...(period.categoryId ? [period.categoryId] : [])],
  );
  return rows.map((r) => ({
    weekStart: new Date(r.week_start),
    posts: r.posts,
    meanScore: r.mean_score,
    negativeShare: Number(r.negative_share),
  }));
}
