import { z } from 'zod';
import type { JobDefinition, JobPayloads } from '../../../platform/jobs/jobs.js';
import type { Services } from '../../../platform/scope.js';
import { sendDigests, sendImmediateEmails } from './send-emails.js';

declare module '../../../platform/jobs/jobs.js' {
  interface JobPayloads {
    'notifications.email-immediately': Record<string, never>;
    'notifications.email-digest': Record<string, never>;
  }
}

const empty = <N extends keyof JobPayloads>() => z.object({}).strict() as unknown as z.ZodType<JobPayloads[N]>;

/**
 * Every minute: the notifications due by email at once. A failure (the mail server down) fails
 * the job and pg-boss retries it with growing pauses; the next minute's sweep tries too, and
 * the claims keep both from sending anything twice.
 */
export const emailImmediatelyJob: JobDefinition<'notifications.email-immediately', Services> = {
  name: 'notifications.email-immediately',
  payload: empty<'notifications.email-immediately'>(),
  cron: () => '* * * * *',
  retryLimit: 5,
  batchSize: 1,
  handle: async (services) => {
    await sendImmediateEmails(services);
  },
};

/** Daily at 07:00 UTC: one digest email per member with digest notifications since the last one. */
export const emailDigestJob: JobDefinition<'notifications.email-digest', Services> = {
  name: 'notifications.email-digest',
  payload: empty<'notifications.email-digest'>(),
  cron: () => '0 7 * * *',
  retryLimit: 8,
  batchSize: 1,
  handle: async (services) => {
    await sendDigests(services);
  },
};
