import type { ModuleDefinition } from '../../platform/module.js';
import { mountCrmWebhook } from './crm-webhook.http.js';
import { notifyEndpointDisabled } from './subscribers/notify-disabled.js';
import { queueWebhookDeliveries } from './subscribers/queue-deliveries.js';
import { deliverWebhookJob, pruneWebhooksJob, sweepWebhooksJob } from './webhooks.jobs.js';
import { webhookRules } from './webhooks.policy.js';
import { WebhooksResolver } from './webhooks.resolver.js';

/**
 * Webhooks (issue 14): outbound, Standard Webhooks-signed deliveries of the community's events to
 * endpoints admins register (retried on the specification's schedule, dead-lettered, replayable,
 * in order per subject, to public addresses only); inbound, the CRM's signed webhooks at
 * POST /webhooks/crm, verified, deduplicated and handed on as `crm.webhook_received`.
 */
export const webhooksModule: ModuleDefinition = {
  name: 'webhooks',
  resolvers: [WebhooksResolver],
  rules: webhookRules,
  subscribers: [queueWebhookDeliveries, notifyEndpointDisabled],
  jobs: [deliverWebhookJob, sweepWebhooksJob, pruneWebhooksJob] as NonNullable<ModuleDefinition['jobs']>,
  http: mountCrmWebhook,
};
