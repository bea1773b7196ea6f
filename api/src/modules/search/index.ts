import type { ModuleDefinition } from '../../platform/module.js';
import { reconcileSearchJob, refreshRelatedJob } from './search.jobs.js';
import { ArticleRelatedResolver, ThreadRelatedResolver } from './related.resolver.js';
import { SearchResolver } from './search.resolver.js';
import { indexMeilisearch } from './subscribers/index-meilisearch.js';
import { indexPostgres } from './subscribers/index-postgres.js';
import { relatedItems } from './subscribers/related-items.js';

/**
 * Search over threads, replies, articles and members: one SearchIndex, kept by event subscribers;
 * and the related lists of thread and article pages, precomputed from it.
 */
export const searchModule: ModuleDefinition = {
  name: 'search',
  resolvers: [SearchResolver, ThreadRelatedResolver, ArticleRelatedResolver],
  subscribers: [indexPostgres, indexMeilisearch, relatedItems],
  jobs: [reconcileSearchJob, refreshRelatedJob] as ModuleDefinition['jobs'],
};
