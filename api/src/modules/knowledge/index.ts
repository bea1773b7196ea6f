import type { ModuleDefinition } from '../../platform/module.js';
import { ArticleResolver, MemberArticlesResolver, ThreadArticleResolver } from './article.resolver.js';
import { Article } from './article.entity.js';
import { DeflectionResolver } from './deflection.resolver.js';
import { knowledgeLoaders } from './article.queries.js';
import { pruneArticleViewsJob } from './article-views.js';
import { knowledgeRules } from './knowledge.policy.js';
import { flagOverdueReviewsJob } from './review-by.jobs.js';
import { followSources } from './subscribers/follow-sources.js';

/**
 * The knowledge base: KCS articles drafted from answered threads, versioned, published by
 * staff, flagged when their source changes, rated by readers; and the deflection log of what
 * members found instead of asking.
 */
export const knowledgeModule: ModuleDefinition = {
  name: 'knowledge',
  entities: [Article],
  resolvers: [ArticleResolver, ThreadArticleResolver, MemberArticlesResolver, DeflectionResolver],
  rules: knowledgeRules,
  loaders: knowledgeLoaders,
  subscribers: [followSources],
  jobs: [flagOverdueReviewsJob, pruneArticleViewsJob],
};
