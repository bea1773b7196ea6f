import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import { ConflictError, NotFoundError } from '../../../platform/errors.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import type { Scope } from '../../../platform/scope.js';
import { DELIVERY_COLUMNS, endpointRow, type DeliveryRow } from '../webhooks.queries.js';
import '../webhooks.events.js';
import '../webhooks.jobs.js';

/** At most this many dead deliveries are replayed by one call (call again for more). */
export const MAX_REPLAY = 5000;

/**
 * An admin sends a dead or failed delivery again: the same `webhook-id` and body, a fresh retry
 * schedule. Its endpoint must be enabled.
 */
export async function replayWebhookDelivery(scope: Scope, id: string): Promise<DeliveryRow> {
  scope.guardian.ensureCan('webhook.manage', null);
  return transact(scope.em, async (tx) => {
    const [current] = await sql<{ status: string; endpoint_id: number; enabled: boolean }>(
      tx,
      `select d.status, d.endpoint_id, e.enabled from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id
        where d.id = ? for update of d`,
      [id],
    );
    if (!current) throw new NotFoundError('The delivery');
    if (!current.enabled) throw new ConflictError('The endpoint is disabled: enable it before replaying.');
    if (current.status !== 'DEAD' && current.status !== 'FAILED') {
      throw new ConflictError('Only a dead or failed delivery can be replayed.');
    }
    const [row] = await sql<DeliveryRow>(
      tx,
      `update webhook_deliveries set status = 'PENDING', attempts = 0, next_attempt_at = now(), error = null
        where id = ? returning ${DELIVERY_COLUMNS}`,
      [id],
    );
    await scope.services.jobs.enqueue(tx, 'webhooks.deliver', { deliveryId: id });
    await recordEvent(tx, scope.guardian.requireActor(), {
      name: 'webhook.deliveries_replayed',
      subject: ref('webhook_endpoint', current.endpoint_id),
      data: { endpointId: current.endpoint_id, count: 1, deliveryIds: [id], since: null },
    });
    return row!;
  });
}

/**
 * An admin replays every dead delivery of an endpoint created since `since` (oldest first, so
 * each subject's stay in order). Returns how many.
 */
export async function replayWebhookEndpoint(scope: Scope, endpointId: number, since: Date): Promise<number> {
  scope.guardian.ensureCan('webhook.manage', null);
  return transact(scope.em, async (tx) => {
    const endpoint = await endpointRow(tx, endpointId, true);
    if (!endpoint.enabled) throw new ConflictError('The endpoint is disabled: enable it before replaying.');
    const rows = await sql<{ id: string }>(
      tx,
      `update webhook_deliveries set status = 'PENDING', attempts = 0, next_attempt_at = now(), error = null
        where id in (select id from webhook_deliveries where endpoint_id = ? and status = 'DEAD' and created_at >= ?
                      order by id limit ?)
       returning id::text as id`,
      [endpointId, since, MAX_REPLAY],
    );
    const ids = rows.map((r) => r.id).sort((a, b) => Number(a) - Number(b));
    for (const id of ids) await scope.services.jobs.enqueue(tx, 'webhooks.deliver', { deliveryId: id });
    if (ids.length > 0) {
      await recordEvent(tx, scope.guardian.requireActor(), {
        name: 'webhook.deliveries_replayed',
        subject: ref('webhook_endpoint', endpointId),
        data: { endpointId, count: ids.length, deliveryIds: ids.slice(0, 100), since: since.toISOString() },
      });
    }
    return ids.length;
  });
}
