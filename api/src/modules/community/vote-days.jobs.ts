import { pruneJob } from '../../platform/jobs/prune-job.js';

declare module '../../platform/jobs/jobs.js' {
  interface JobPayloads {
    'community.prune-vote-days': Record<string, never>;
  }
}

/**
 * Deletes members' vote counters of past UTC days, daily just after midnight: only today's row
 * decides whether a vote is allowed (posting-limits.ts ensureVoteAllowed), so older rows would
 * only grow the table by a row per voter and day.
 */
export const pruneVoteDaysJob = pruneJob(
  'community.prune-vote-days',
  '23 0 * * *',
  `delete from member_vote_days where day < (now() at time zone 'utc')::date returning 1`,
);
export const pruneVoteDays = pruneVoteDaysJob.prune;
