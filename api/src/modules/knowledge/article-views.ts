import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../platform/db/sql.js';
import { pruneJob } from '../../platform/jobs/prune-job.js';

/**
 * Counts a view of an article by `key` (community/thread-views.ts's viewer key) once per UTC
 * day, in one statement, and returns the view count. Bots are filtered by the caller.
 */
export async function countArticleView(em: EntityManager, articleId: number, key: string): Promise<number> {
  const [row] = await sql<{ view_count: number }>(
    em,
    `with seen as (
       insert into article_views (article_id, viewer_key, day)
       values (?, ?, (now() at time zone 'utc')::date)
       on conflict do nothing
       returning article_id
     ), counted as (
       update articles set view_count = view_count + 1 where id = (select article_id from seen) returning view_count
     )
     select coalesce((select view_count from counted), (select view_count from articles where id = ?)) as view_count`,
    [articleId, key, articleId],
  );
  return row!.view_count;
}

declare module '../../platform/jobs/jobs.js' {
  interface JobPayloads {
    'knowledge.prune-article-views': Record<string, never>;
  }
}

/** Only today's view rows decide anything; older ones go daily. */
export const pruneArticleViewsJob = pruneJob(
  'knowledge.prune-article-views',
  '23 3 * * *',
  `delete from article_views where day < (now() at time zone 'utc')::date - 1 returning 1`,
);
