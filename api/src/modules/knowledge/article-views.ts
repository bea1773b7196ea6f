import type { EntityManager } from '@mikro-orm/postgresql';
import { countDailyView } from '../../platform/db/daily-views.js';
import { pruneJob } from '../../platform/jobs/prune-job.js';

/** Counts a view of an article by `key` once per UTC day (bots are filtered by the caller). */
export const countArticleView = (em: EntityManager, articleId: number, key: string): Promise<number> =>
  countDailyView(em, { views: 'article_views', idColumn: 'article_id', counted: 'articles' }, articleId, key);

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
