import type { ModuleDefinition } from '../../platform/module.js';
import { Category } from './category.entity.js';
import { categoryRules } from './category.policy.js';
import { CategoryResolver } from './category.resolver.js';
import { communityLoaders } from './community.loaders.js';
import { communityRules } from './community.policy.js';
import { PostRevision } from './post-revision.entity.js';
import { Post } from './post.entity.js';
import { MemberAnswersResolver, PostResolver, PostRevisionResolver } from './post.resolver.js';
import { Thread } from './thread.entity.js';
import { pruneThreadViewsJob } from './thread-views.js';
import { ThreadModerationResolver } from './thread-moderation.resolver.js';
import { ThreadResolver } from './thread.resolver.js';
import { pruneVoteDaysJob } from './vote-days.jobs.js';

/** The Q&A forum: categories, threads, posts, revisions, votes, accepted answers. */
export const communityModule: ModuleDefinition = {
  name: 'community',
  entities: [Category, Thread, Post, PostRevision],
  resolvers: [
    CategoryResolver,
    ThreadResolver,
    ThreadModerationResolver,
    PostResolver,
    PostRevisionResolver,
    MemberAnswersResolver,
  ],
  rules: { ...communityRules, ...categoryRules },
  loaders: communityLoaders,
  jobs: [pruneVoteDaysJob, pruneThreadViewsJob] as ModuleDefinition['jobs'],
};
