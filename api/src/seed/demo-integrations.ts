import { sql } from '../platform/db/sql.js';
import { toDomainEvent } from '../platform/events/events.js';
import type { Scope, Services } from '../platform/scope.js';
import { createServiceToken } from '../modules/integrations/commands/manage-service-tokens.js';
import { createWebhookEndpoint } from '../modules/webhooks/commands/manage-endpoints.js';
import { webhookBody, webhookMessages } from '../modules/webhooks/webhook-events.js';

/** Where the demo's CRM would listen: nothing does, so every attempt fails (the log shows why). */
export const DEMO_CRM_URL = 'http://localhost:9/crm';

/**
 * The demo's CRM integration, so /admin/tokens and /admin/webhooks are not empty: a service
 * token "Demo CRM" (its secret is not printed: rotate it on /admin/tokens to use it) and an
 * endpoint at a local URL where nothing listens, with the deliveries of the demo's latest
 * threads as the log would show them after a CRM outage: some retrying, some dead (replayable).
 * The endpoint is saved as the demo's own (its local URL allowed whatever
 * WEBHOOK_ALLOW_PRIVATE_URLS says); at delivery the setting applies as for any endpoint.
 * Runs last in the seed: the endpoint is not sent the demo's history.
 */
export async function seedIntegrations(services: Services, as: (handle: string) => Promise<Scope>): Promise<void> {
  await createServiceToken(await as('admin'), {
    name: 'Demo CRM',
    scopes: ['customers:write', 'customers:read', 'events:read', 'cases:write'],
  });
  const admin = await as('admin');
  const { endpoint } = await createWebhookEndpoint(
    { ...admin, services: { ...services, config: { ...services.config, WEBHOOK_ALLOW_PRIVATE_URLS: true } } },
    {
      url: DEMO_CRM_URL,
      events: ['thread.created', 'thread.answered', 'answer.accepted', 'customer.linked'],
      description: 'Demo CRM (nothing listens here: deliveries fail and retry)',
    },
  );
  const em = services.orm.em.fork();
  const rows = await sql<Record<string, unknown>>(
    em,
    `select * from domain_events where name = 'thread.created' order by occurred_at desc, id desc limit 5`,
  );
  const events = rows.map(toDomainEvent).reverse();
  const messages = await webhookMessages(em, events, services.config);
  const occurred = new Map(events.map((e) => [e.id, e.occurredAt]));
  // Oldest first: the first two gave up after the whole schedule, the rest are still retrying.
  const states = messages.map((_message, i) =>
    i < 2
      ? { status: 'DEAD', attempts: 10, next: null, ago: 26 * 60 }
      : { status: 'RETRYING', attempts: 3, next: 25 + i * 5, ago: 40 },
  );
  await sql(
    em,
    `insert into webhook_deliveries (endpoint_id, event_id, event_type, subject, body, status, attempts,
                                     next_attempt_at, last_attempt_at, response_ms, error, created_at)
     select ?, d.event_id, d.type, d.subject, d.body, d.status, d.attempts,
            case when d.next is null then null else now() + make_interval(mins => d.next) end,
            now() - make_interval(mins => d.ago / 2), 2,
            'connect ECONNREFUSED 127.0.0.1:9', now() - make_interval(mins => d.ago)
       from jsonb_to_recordset(?::jsonb) as d(event_id bigint, type text, subject text, body text, status text,
                                               attempts int, next int, ago int)
      order by d.event_id`,
    [
      endpoint.id,
      JSON.stringify(
        messages.map((m, i) => ({
          event_id: m.eventId,
          type: m.type,
          subject: m.subject,
          body: webhookBody(m, occurred.get(m.eventId)!),
          ...states[i],
        })),
      ),
    ],
  );
  // The endpoint receives what happens from now on, not the demo's history the seed just wrote
  // (the delivery subscriber's position was set when this process started, before the seed).
  await sql(
    em,
    `update event_subscriptions set position_tx = pg_snapshot_xmin(pg_current_snapshot()), position_id = 0
      where subscriber = 'webhooks.queue_deliveries'`,
  );
  await sql(em, `update webhook_endpoints set failing_since = now() - interval '26 hours' where id = ?`, [endpoint.id]);
}
