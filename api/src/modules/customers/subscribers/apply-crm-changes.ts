import type { DomainEvent } from '../../../platform/events/events.js';
import type { SubscriberDefinition } from '../../../platform/events/subscribers.js';
import { logger } from '../../../platform/logger.js';
import { systemScope, type Services } from '../../../platform/scope.js';
import '../../webhooks/webhooks.events.js';
import { forgetCustomer } from '../commands/forget-customer.js';
import { MAX_CUSTOMERS_PER_CALL, upsertCustomers, type CustomerRecord } from '../commands/upsert-customers.js';

/** The actor named on the events these changes cause (the audit trail's "who"). */
export const CRM_ACTOR = 'crm-webhook';

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * A record as JSON carries it, as upsertCustomers takes it: `updatedAt` an ISO string made a
 * Date (anything else is left for the command to call invalid), a non-object an empty record.
 */
function toRecord(value: unknown): CustomerRecord {
  if (!isObject(value)) return { externalId: '' };
  const updatedAt = typeof value.updatedAt === 'string' ? new Date(value.updatedAt) : null;
  return { ...(value as unknown as CustomerRecord), updatedAt };
}

/** The records of a `customer.updated` message: `data` itself, or `data.records` (up to 500). */
export function recordsOf(data: unknown): CustomerRecord[] | string {
  if (isObject(data) && 'records' in data) {
    if (!Array.isArray(data.records)) return 'data.records must be an array of customer records.';
    if (data.records.length > MAX_CUSTOMERS_PER_CALL) {
      return `data.records holds ${data.records.length} records; at most ${MAX_CUSTOMERS_PER_CALL} per message.`;
    }
    return data.records.map(toRecord);
  }
  return isObject(data) ? [toRecord(data)] : 'data must be a customer record or { records: [...] }.';
}

/**
 * Applies the CRM's inbound customer changes (`crm.webhook_received`, after the HTTP layer
 * verified and deduplicated them by `webhook-id`):
 * - `customer.updated`: one CustomerInput-shaped record in `data`, or `{ records: [...] }` (up to
 *   500), through the upsertCustomers command as the system. Newest CRM version wins, so a
 *   delivery seen twice is UNCHANGED the second time (idempotent) and an older one STALE.
 * - `customer.deleted` (`data: { externalId }`): the record is forgotten (forgetCustomer).
 * Other types (`case.updated`: escalations) are not this module's. Bad data is logged per
 * record and never fails the subscriber: retrying it could never succeed.
 */
export const applyCrmCustomerChanges: SubscriberDefinition<Services> = {
  name: 'customers.apply_crm_changes',
  events: ['crm.webhook_received'],
  batchSize: 20,
  async handle(events, { tx, services }) {
    const scope = { ...systemScope(services, CRM_ACTOR), em: tx };
    for (const event of events as DomainEvent<'crm.webhook_received'>[]) {
      const { type, data, webhookId } = event.data;
      if (type === 'customer.updated') {
        const records = recordsOf(data);
        if (typeof records === 'string') {
          logger.warn('crm customer.updated ignored', { webhookId, reason: records });
          continue;
        }
        const results = await upsertCustomers(scope, records);
        for (const r of results) {
          if (r.status === 'INVALID' || r.status === 'STALE') {
            logger.warn('crm customer record not applied', {
              webhookId,
              index: r.index,
              externalId: r.externalId,
              status: r.status,
              reason: r.error,
            });
          }
        }
      } else if (type === 'customer.deleted') {
        const externalId = isObject(data) ? data.externalId : null;
        if (typeof externalId !== 'string' || !externalId || externalId.length > 200) {
          logger.warn('crm customer.deleted ignored', { webhookId, reason: 'data.externalId is required.' });
          continue;
        }
        const forgotten = await forgetCustomer(scope, externalId);
        if (!forgotten) logger.info('crm customer.deleted: no such customer', { webhookId, externalId });
      }
    }
  },
};
