import { sql } from '../../../platform/db/sql.js';
import type { DomainEvent } from '../../../platform/events/events.js';
import type { SubscriberDefinition } from '../../../platform/events/subscribers.js';
import type { Services } from '../../../platform/scope.js';
import { insertDirect } from '../../notifications/fan-out/insert-direct.js';
import { announceNotifications, lastNotificationId } from '../../notifications/live-notifications.js';
import '../webhooks.events.js';

/**
 * When the system disables an endpoint (a 410, or days of failures), every administrator is
 * told: a WEBHOOK_DISABLED notification (in the app at once, by email as each one's preference
 * says; immediately by default). An administrator disabling one by hand knows already. One row
 * per administrator and event, so a redelivered batch writes nothing twice.
 */
export const notifyEndpointDisabled: SubscriberDefinition<Services> = {
  name: 'webhooks.notify_disabled',
  events: ['webhook.endpoint_disabled'],
  startAt: 'now',
  async handle(events, { tx }) {
    const bySystem = (events as DomainEvent<'webhook.endpoint_disabled'>[]).filter((e) => e.actor.type === 'system');
    if (bySystem.length === 0) return;
    const admins = await sql<{ id: number }>(tx, `select id from members where role = 'ADMIN' order by id`);
    const before = await lastNotificationId(tx);
    await insertDirect(
      tx,
      bySystem.flatMap((e) =>
        admins.map((a) => ({
          recipientId: a.id,
          kind: 'WEBHOOK_DISABLED' as const,
          eventId: e.id,
          actorId: null,
          data: { endpointId: e.data.endpointId, url: e.data.url, reason: e.data.reason },
        })),
      ),
    );
    await announceNotifications(tx, before, await lastNotificationId(tx));
  },
};
