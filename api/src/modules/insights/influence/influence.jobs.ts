import { z } from 'zod';
import type { JobDefinition } from '../../../platform/jobs/jobs.js';
import { logger } from '../../../platform/logger.js';
import type { Services } from '../../../platform/scope.js';
import { recomputeInfluence } from './influence.store.js';

declare module '../../../platform/jobs/jobs.js' {
  interface JobPayloads {
    'insights.recompute-influence': Record<string, never>;
  }
}

/** Recomputes every member's influence, hourly (a run is idempotent: it rewrites the table). */
export const recomputeInfluenceJob: JobDefinition<'insights.recompute-influence', Services> = {
  name: 'insights.recompute-influence',
  payload: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
  cron: () => '41 * * * *',
  retryLimit: 2,
  handle: async (services) => {
    const started = Date.now();
    const members = await recomputeInfluence(services.orm.em.fork());
    logger.info('influence recomputed', { members, ms: Date.now() - started });
  },
};
