import { z } from 'zod';
import { sql } from '../../platform/db/sql.js';
import type { JobDefinition } from '../../platform/jobs/jobs.js';
import type { Services } from '../../platform/scope.js';

const payload = z.object({}).strict();

declare module '../../platform/jobs/jobs.js' {
  interface JobPayloads {
    'reputation.prune-cap-counters': z.infer<typeof payload>;
  }
}

/**
 * Deletes daily-cap counters from before yesterday (UTC). Only today's counter decides a credit,
 * and yesterday's is kept for reversals of late-night votes; older rows would only grow the
 * table by a row per member and day (see Migration20261123400000_vote_cap_counters).
 */
export async function pruneCapCounters(services: Services): Promise<number> {
  const rows = await sql(
    services.orm.em.fork(),
    `delete from reputation_cap_days where day < (now() at time zone 'utc')::date - 1 returning 1`,
  );
  return rows.length;
}

export const pruneCapCountersJob: JobDefinition<'reputation.prune-cap-counters', Services> = {
  name: 'reputation.prune-cap-counters',
  payload,
  cron: () => '17 0 * * *', // daily, just after midnight UTC
  retryLimit: 2,
  handle: async (services) => {
    await pruneCapCounters(services);
  },
};
