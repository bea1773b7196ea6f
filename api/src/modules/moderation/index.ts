import type { ModuleDefinition } from '../../platform/module.js';
import { moderationRules } from './moderation.policy.js';
import {
  ArticleReportResolver,
  ArticleViewerReportResolver,
  AuthorHistoryResolver,
  FlagResolver,
  PostFlagResolver,
  ReviewerCountResolver,
  ReviewItemResolver,
} from './moderation.resolver.js';
import { moderationLoaders } from './review-queue.queries.js';
import { queueHeldSignups, resolveApprovedSignups } from './subscribers/held-signups.js';
import { requeueEditedHiddenPosts } from './subscribers/requeue-edited.js';

/** Flags, hidden posts' review and the review queue (PRODUCT.md capability 3). */
export const moderationModule: ModuleDefinition = {
  name: 'moderation',
  resolvers: [
    ArticleReportResolver,
    ArticleViewerReportResolver,
    AuthorHistoryResolver,
    PostFlagResolver,
    FlagResolver,
    ReviewItemResolver,
    ReviewerCountResolver,
  ],
  rules: moderationRules,
  loaders: moderationLoaders,
  subscribers: [requeueEditedHiddenPosts, queueHeldSignups, resolveApprovedSignups],
};
