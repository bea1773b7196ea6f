import { z } from 'zod';
import type { JobDefinition } from '../../platform/jobs/jobs.js';
import type { Services } from '../../platform/scope.js';
import { sendVerificationEmail } from './email-verification.js';

declare module '../../platform/jobs/jobs.js' {
  interface JobPayloads {
    'accounts.send-verification-email': { memberId: number };
  }
}

/**
 * Sends one verification email, after the sign-up (or the request for another) committed. An
 * SMTP outage fails the job and pg-boss retries it with growing pauses; the sign-up itself was
 * never waiting on it.
 */
export const sendVerificationEmailJob: JobDefinition<'accounts.send-verification-email', Services> = {
  name: 'accounts.send-verification-email',
  payload: z.object({ memberId: z.number().int().positive() }),
  retryLimit: 10,
  handle: async (services, { memberId }) => {
    await sendVerificationEmail(services, memberId);
  },
};
