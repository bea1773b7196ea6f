import type { ModuleDefinition } from '../../platform/module.js';
import { reconcileSearchJob } from './search.jobs.js';
import { ArticleRelatedResolver, ThreadRelatedResolver } from './related.resolver.js';
import { SearchResolver } from './search.resolver.js';
import { indexMeilisearch } from './subscribers/index-meilisearch.js';
import { indexPostgres } from './subscribers/index-postgres.js';

/** Search over threads, replies, articles and members: one SearchIndex, kept by event subscribers. */
export const searchModule: ModuleDefinition = {
  name: 'search',
  resolvers: [SearchResolver, ThreadRelatedResolver, ArticleRelatedResolver],
  subscribers: [indexPostgres, indexMeilisearch],
  jobs: [reconcileSearchJob] as ModuleDefinition['jobs'],
};
