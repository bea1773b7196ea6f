import type { SubscriberDefinition } from '../../../platform/events/subscribers.js';
import type { Services } from '../../../platform/scope.js';
import '../accounts.events.js';
import '../email-verification.jobs.js';

/**
 * Every sign-up gets a verification email, sent by a job queued in this subscriber's transaction
 * (committed with its position, so queued once per sign-up). From now on only: members who
 * signed up before email verification existed ask for a link themselves.
 */
export const sendVerificationEmails: SubscriberDefinition<Services> = {
  name: 'accounts.verification-emails',
  events: ['member.registered'],
  startAt: 'now',
  handle: async (events, { tx, services }) => {
    for (const event of events) {
      const { memberId } = event.data as { memberId: number };
      await services.jobs.enqueue(tx, 'accounts.send-verification-email', { memberId });
    }
  },
};
