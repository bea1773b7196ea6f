import { sql } from '../../../platform/db/sql.js';
import type { SubscriberDefinition } from '../../../platform/events/subscribers.js';
import type { Services } from '../../../platform/scope.js';
import { webhookBody, webhookMessages, WEBHOOK_SOURCE_EVENTS } from '../webhook-events.js';
import '../webhooks.jobs.js';

/**
 * Turns the catalogue's events into deliveries after commit, never in the write path: one row
 * per message and enabled endpoint subscribed to its type, in one statement (unique per event,
 * type and endpoint, so a redelivered batch adds nothing), and one job per new row, queued in
 * the same transaction. Rows are inserted in event order, so ids order each subject's messages.
 */
export const queueWebhookDeliveries: SubscriberDefinition<Services> = {
  name: 'webhooks.queue_deliveries',
  events: WEBHOOK_SOURCE_EVENTS,
  batchSize: 200,
  // Endpoints receive what happens from now on, not the community's history.
  startAt: 'now',
  handle: async (events, { tx, services }) => {
    const [{ any } = { any: false }] = await sql<{ any: boolean }>(
      tx,
      `select exists (select 1 from webhook_endpoints where enabled) as any`,
    );
    if (!any) return;
    const messages = await webhookMessages(tx, events, services.config);
    if (messages.length === 0) return;
    const occurred = new Map(events.map((e) => [e.id, e.occurredAt]));
    const rows = messages.map((m, ord) => ({
      ord,
      event_id: m.eventId,
      type: m.type,
      subject: m.subject,
      body: webhookBody(m, occurred.get(m.eventId)!),
    }));
    const inserted = await sql<{ id: string }>(
      tx,
      `insert into webhook_deliveries (endpoint_id, event_id, event_type, subject, body)
       select e.id, m.event_id, m.type, m.subject, m.body
         from jsonb_to_recordset(?::jsonb) as m(ord int, event_id bigint, type text, subject text, body text)
         join webhook_endpoints e on e.enabled and m.type = any(e.events)
        order by m.ord, e.id
       on conflict (endpoint_id, event_id, event_type) do nothing
       returning id::text as id`,
      [JSON.stringify(rows)],
    );
    for (const { id } of inserted) await services.jobs.enqueue(tx, 'webhooks.deliver', { deliveryId: id });
  },
};
