import { z } from 'zod';
import { sql } from '../../platform/db/sql.js';
import type { JobDefinition } from '../../platform/jobs/jobs.js';
import type { Services } from '../../platform/scope.js';

const payload = z.object({}).strict();

declare module '../../platform/jobs/jobs.js' {
  interface JobPayloads {
    'community.prune-vote-days': z.infer<typeof payload>;
  }
}

/**
 * Deletes members' vote counters of past UTC days: only today's row decides whether a vote is
 * allowed (posting-limits.ts ensureVoteAllowed), so older rows would only grow the table by a
 * row per voter and day.
 */
export async function pruneVoteDays(services: Services): Promise<number> {
  const rows = await sql(
    services.orm.em.fork(),
    `delete from member_vote_days where day < (now() at time zone 'utc')::date returning 1`,
  );
  return rows.length;
}

export const pruneVoteDaysJob: JobDefinition<'community.prune-vote-days', Services> = {
  name: 'community.prune-vote-days',
  payload,
  cron: () => '23 0 * * *', // daily, just after midnight UTC
  retryLimit: 2,
  handle: async (services) => {
    await pruneVoteDays(services);
  },
};
