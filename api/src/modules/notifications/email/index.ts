import type { ModuleDefinition } from '../../../platform/module.js';
import { emailDigestJob, emailImmediatelyJob } from './email.jobs.js';
import { UnsubscribeResolver } from './unsubscribe.resolver.js';

/**
 * Notification emails, for the notifications module to register: the per-minute sweep of
 * notifications due at once and the daily digest (jobs), and the unsubscribe links' query and
 * mutation (resolvers).
 */
export const emailJobs: NonNullable<ModuleDefinition['jobs']> = [emailImmediatelyJob, emailDigestJob];
export const emailResolvers: NonNullable<ModuleDefinition['resolvers']> = [UnsubscribeResolver];

export { sendDigests, sendImmediateEmails } from './send-emails.js';
