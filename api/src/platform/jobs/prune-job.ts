import { z } from 'zod';
import { sql } from '../db/sql.js';
import type { Services } from '../scope.js';
import type { JobDefinition, JobName, JobPayloads } from './jobs.js';

/** A scheduled job that deletes rows no longer needed, and the same deletion to run by hand. */
export interface PruneJob<N extends JobName> extends JobDefinition<N, Services> {
  /** Runs the deletion now; returns how many rows went. */
  prune(services: Services): Promise<number>;
}

/**
 * Counters and keys that only matter for a while (a day's vote counter, a view, an idempotency
 * key) are pruned on a schedule by one `delete … returning 1` statement. The job's payload is
 * empty (declare it as `Record<string, never>` in JobPayloads).
 */
export function pruneJob<N extends JobName>(name: N, cron: string, deleteStatement: string): PruneJob<N> {
  const prune = async (services: Services) => (await sql(services.orm.em.fork(), deleteStatement)).length;
  return {
    name,
    payload: z.object({}).strict() as unknown as z.ZodType<JobPayloads[N]>,
    cron: () => cron,
    retryLimit: 2,
    handle: async (services) => {
      await prune(services);
    },
    prune,
  };
}
