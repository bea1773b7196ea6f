import { systemActor } from '../../../platform/authz/actor.js';
import type { SubscriberDefinition } from '../../../platform/events/subscribers.js';
import type { Services } from '../../../platform/scope.js';
import '../../accounts/accounts.events.js';
import { linkByVerifiedEmail } from '../customer-linking.js';

/**
 * A member who verified their email is linked to the customer with that address, if exactly
 * one has it (after commit, in the subscriber's transaction: idempotent, a link is per member).
 */
export const linkVerifiedMembers: SubscriberDefinition<Services> = {
  name: 'customers.link-verified-members',
  events: ['member.email_verified'],
  async handle(events, { tx }) {
    const memberIds = [...new Set(events.map((e) => (e.data as { memberId: number }).memberId))];
    await linkByVerifiedEmail(tx, systemActor('customers'), { memberIds });
  },
};
