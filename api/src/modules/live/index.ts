import type { SubscriberDefinition } from '../../platform/events/subscribers.js';
import type { ModuleDefinition } from '../../platform/module.js';
import { publishLive } from '../../platform/realtime/live-hub.js';
import type { Services } from '../../platform/scope.js';
import '../accounts/accounts.events.js';
import '../advocates/advocates.events.js';
import '../community/community.events.js';
import '../moderation/moderation.events.js';
import '../sanctions/sanctions.events.js';
import { LIVE_EVENTS, liveMessagesFor } from './live-messages.js';
import { LiveResolver, ReviewQueueChangeResolver } from './live.resolver.js';

/**
 * Publishes what subscriptions show, after commit: the subscriber's NOTIFYs go out when its
 * batch commits, to every API instance. It starts from now: clients catch up from the event
 * log itself, never from old notifications.
 */
const publishLiveEvents: SubscriberDefinition<Services> = {
  name: 'live.publish',
  events: LIVE_EVENTS,
  startAt: 'now',
  async handle(events, { tx }) {
    await publishLive(tx, events.flatMap(liveMessagesFor));
  },
};

/** Live updates: GraphQL subscriptions over graphql-ws, fed through PostgreSQL LISTEN/NOTIFY. */
export const liveModule: ModuleDefinition = {
  name: 'live',
  resolvers: [LiveResolver, ReviewQueueChangeResolver],
  subscribers: [publishLiveEvents],
};
