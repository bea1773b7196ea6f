import type { ModuleDefinition } from '../../platform/module.js';
import { pruneCapCountersJob } from './cap-counters.jobs.js';
import { reputationRules } from './reputation.policy.js';
import { LeaderboardEntryResolver, ReputationResolver } from './reputation.resolver.js';
import { serialVotingJob } from './serial-voting.jobs.js';

/** The reputation ledger, levels, privileges, leaderboards and their scheduled upkeep. */
export const reputationModule: ModuleDefinition = {
  name: 'reputation',
  resolvers: [ReputationResolver, LeaderboardEntryResolver],
  rules: reputationRules,
  jobs: [serialVotingJob, pruneCapCountersJob] as ModuleDefinition['jobs'],
};
