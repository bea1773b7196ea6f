import type { ModuleDefinition } from '../../platform/module.js';
import { recomputeInfluenceJob } from './influence/influence.jobs.js';
import { noteSolutionViews } from './influence/solution-views.subscriber.js';
import { AdvocateNominationResolver, HiddenInfluencerResolver, MemberInfluenceResolver } from './influence.resolver.js';
import { insightsLoaders } from './insights.loaders.js';
import { insightsRules } from './insights.policy.js';
import { MemberSentimentResolver, PostSentimentResolver } from './sentiment.resolver.js';
import { scorePostSentiment } from './sentiment/sentiment.subscriber.js';

/** Signals for staff: each post's sentiment and cues, and each member's influence. */
export const insightsModule: ModuleDefinition = {
  name: 'insights',
  resolvers: [
    PostSentimentResolver,
    MemberSentimentResolver,
    MemberInfluenceResolver,
    HiddenInfluencerResolver,
    AdvocateNominationResolver,
  ],
  rules: insightsRules,
  loaders: insightsLoaders,
  subscribers: [scorePostSentiment, noteSolutionViews],
  jobs: [recomputeInfluenceJob] as ModuleDefinition['jobs'],
};
