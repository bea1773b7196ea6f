import { z } from 'zod';
import type { JobDefinition } from '../../platform/jobs/jobs.js';
import type { Services } from '../../platform/scope.js';
import { attemptDelivery, sweepDeliveries } from './delivery.js';
import { pruneWebhookRows } from './prune.js';

declare module '../../platform/jobs/jobs.js' {
  interface JobPayloads {
    'webhooks.deliver': { deliveryId: string };
    'webhooks.sweep': Record<string, never>;
    'webhooks.prune': Record<string, never>;
  }
}

/**
 * One attempt of one delivery. Several workers run at once, so a slow endpoint (up to the 10 s
 * timeout) holds up one of them, never the others. Failures of the endpoint are the delivery's
 * outcome (retried on the Standard Webhooks schedule with `startAfter`), not the job's: pg-boss
 * retries a job only when the database failed it.
 */
export const deliverWebhookJob: JobDefinition<'webhooks.deliver', Services> = {
  name: 'webhooks.deliver',
  payload: z.object({ deliveryId: z.string().regex(/^\d{1,19}$/) }) as z.ZodType<{ deliveryId: string }>,
  retryLimit: 3,
  batchSize: 1,
  concurrency: 8,
  handle: async (services, { deliveryId }) => {
    await attemptDelivery(services, deliveryId);
  },
};

/** Every minute: deliveries due whose job was lost, or stuck mid-attempt (see sweepDeliveries). */
export const sweepWebhooksJob: JobDefinition<'webhooks.sweep', Services> = {
  name: 'webhooks.sweep',
  payload: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
  cron: () => '* * * * *',
  retryLimit: 2,
  batchSize: 1,
  handle: async (services) => {
    await sweepDeliveries(services);
  },
};

/** Daily at 03:17 UTC: inbound messages and final deliveries older than 30 days (see pruneWebhookRows). */
export const pruneWebhooksJob: JobDefinition<'webhooks.prune', Services> = {
  name: 'webhooks.prune',
  payload: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
  cron: () => '17 3 * * *',
  retryLimit: 2,
  batchSize: 1,
  handle: async (services) => {
    await pruneWebhookRows(services.orm.em.fork());
  },
};
