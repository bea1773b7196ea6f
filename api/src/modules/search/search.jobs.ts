import { z } from 'zod';
import type { JobDefinition } from '../../platform/jobs/jobs.js';
import type { Services } from '../../platform/scope.js';
import { searchEngines } from './engines.js';
import { refreshRelated, type RelatedOf } from './related-items.js';
import { reconcileMeilisearch, reconcilePostgres } from './search-maintenance.js';

declare module '../../platform/jobs/jobs.js' {
  interface JobPayloads {
    'search.reconcile': Record<string, never>;
    'search.related.refresh': RelatedOf;
  }
}

/**
 * Every 5 minutes, checks the next 5,000 ids of each kind against the PostgreSQL index and
 * repairs drift (see reconcilePostgres): a full pass over 1.3M posts takes about a day, at a
 * cost of a few hundred milliseconds per run. With Meilisearch, the next 1,000 ids of each kind
 * are synced to it again (reconcileMeilisearch).
 */
export const reconcileSearchJob: JobDefinition<'search.reconcile', Services> = {
  name: 'search.reconcile',
  payload: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
  cron: () => '*/5 * * * *',
  retryLimit: 2,
  handle: async (services) => {
    const engines = searchEngines(services);
    await reconcilePostgres(services.orm.em.fork(), engines.postgres);
    if (engines.meilisearch) await reconcileMeilisearch(services.orm.em.fork(), engines.meilisearch);
  },
};

/**
 * Recomputes one item's stored related list, asked by a page view that found it past its
 * freshness or outdated (related-items.ts claims it once per item, so views do not pile jobs up).
 */
export const refreshRelatedJob: JobDefinition<'search.related.refresh', Services> = {
  name: 'search.related.refresh',
  payload: z.object({ kind: z.enum(['THREAD', 'ARTICLE']), id: z.number().int().positive() }).strict(),
  retryLimit: 3,
  handle: async (services, item) => {
    await refreshRelated(services.orm.em.fork(), services, item);
  },
};
