/**
 * What the webhooks module announces. Endpoint events name the endpoint (never its secret);
 * `crm.webhook_received` hands a verified inbound CRM webhook to whoever subscribes (customers,
 * escalations), after it was stored once by its `webhook-id`.
 */
declare module '../../platform/events/events.js' {
  interface EventData {
    'webhook.endpoint_created': { endpointId: number; url: string; events: string[] };
    'webhook.endpoint_updated': {
      endpointId: number;
      before: { url: string; events: string[]; description: string };
      after: { url: string; events: string[]; description: string };
    };
    'webhook.endpoint_enabled': { endpointId: number };
    /** By an admin, or by the system after a 410 or days of failures (`reason` says which). */
    'webhook.endpoint_disabled': { endpointId: number; url: string; reason: string };
    'webhook.endpoint_deleted': { endpointId: number; url: string };
    'webhook.secret_rotated': { endpointId: number };
    /** `deliveryIds`: the first 100 of the `count` replayed. */
    'webhook.deliveries_replayed': { endpointId: number; count: number; deliveryIds: string[]; since: string | null };
    'crm.webhook_received': { inboundId: number; webhookId: string; type: string; data: unknown };
  }
}

export {};
