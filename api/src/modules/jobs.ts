import type { JobDefinition, JobName } from '../platform/jobs/jobs.js';
import type { Services } from '../platform/scope.js';
import { evaluateBadgesJob } from './badges/badges.jobs.js';
import { pruneThreadViewsJob } from './community/thread-views.js';
import { pruneCapCountersJob } from './reputation/cap-counters.jobs.js';
import { serialVotingJob } from './reputation/serial-voting.jobs.js';

/** Every module's jobs; the queue creates their queues and schedules at start. */
export const jobDefinitions = [
  evaluateBadgesJob,
  serialVotingJob,
  pruneCapCountersJob,
  pruneThreadViewsJob,
] as unknown as JobDefinition<JobName, Services>[];
