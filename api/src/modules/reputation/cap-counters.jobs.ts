import { pruneJob } from '../../platform/jobs/prune-job.js';

declare module '../../platform/jobs/jobs.js' {
  interface JobPayloads {
    'reputation.prune-cap-counters': Record<string, never>;
  }
}

/**
 * Deletes daily-cap counters from before yesterday (UTC), daily just after midnight. Only today's
 * counter decides a credit, and yesterday's is kept for reversals of late-night votes; older rows
 * would only grow the table by a row per member and day (see Migration20261123400000_vote_cap_counters).
 */
export const pruneCapCountersJob = pruneJob(
  'reputation.prune-cap-counters',
  '17 0 * * *',
  `delete from reputation_cap_days where day < (now() at time zone 'utc')::date - 1 returning 1`,
);
export const pruneCapCounters = pruneCapCountersJob.prune;
