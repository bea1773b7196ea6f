import { z } from 'zod';
import { systemActor } from '../../platform/authz/actor.js';
import { sql } from '../../platform/db/sql.js';
import { transact } from '../../platform/db/transact.js';
import type { JobDefinition } from '../../platform/jobs/jobs.js';
import type { Services } from '../../platform/scope.js';
import { flagArticle } from './article-writes.js';

declare module '../../platform/jobs/jobs.js' {
  interface JobPayloads {
    'knowledge.flag-overdue-reviews': Record<string, never>;
  }
}

const BATCH = 500;

/**
 * Flags published articles whose review-by date has passed, oldest first, in batches (each
 * batch one transaction, so a crash loses nothing flagged before it). Runs daily; a run finds
 * only articles not flagged yet, so running it twice flags nothing twice.
 */
export async function flagOverdueReviews(services: Services): Promise<number> {
  const actor = systemActor('knowledge.review-by');
  let flagged = 0;
  for (;;) {
    const n = await transact(services.orm.em.fork(), async (tx) => {
      const due = await sql<{ id: number; review_by: string }>(
        tx,
        `select id, review_by::text from articles
          where state = 'PUBLISHED' and not needs_review and review_by <= (now() at time zone 'utc')::date
          order by review_by, id limit ${BATCH} for no key update skip locked`,
      );
      for (const a of due) {
        await flagArticle(tx, actor, a, `Its review date (${a.review_by}) has passed.`, null);
      }
      return due.length;
    });
    flagged += n;
    if (n < BATCH) return flagged;
  }
}

export const flagOverdueReviewsJob: JobDefinition<'knowledge.flag-overdue-reviews', Services> = {
  name: 'knowledge.flag-overdue-reviews',
  payload: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
  cron: () => '7 1 * * *',
  retryLimit: 2,
  handle: async (services) => {
    await flagOverdueReviews(services);
  },
};
