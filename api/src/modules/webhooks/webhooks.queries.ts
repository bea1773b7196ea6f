import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../platform/db/sql.js';
import { NotFoundError } from '../../platform/errors.js';

export interface EndpointRow {
  id: number;
  url: string;
  description: string;
  events: string[];
  enabled: boolean;
  disabled_reason: string | null;
  failing_since: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** Every column but the secret, which is never read back for display. */
export const ENDPOINT_COLUMNS = `id, url, description, events, enabled, disabled_reason, failing_since, created_at, updated_at`;

export async function endpointRows(em: EntityManager): Promise<EndpointRow[]> {
  return sql<EndpointRow>(em, `select ${ENDPOINT_COLUMNS} from webhook_endpoints order by id`);
}

export async function endpointRow(em: EntityManager, id: number, lock = false): Promise<EndpointRow> {
  const [row] = await sql<EndpointRow>(
    em,
    `select ${ENDPOINT_COLUMNS} from webhook_endpoints where id = ?${lock ? ' for update' : ''}`,
    [id],
  );
  if (!row) throw new NotFoundError('The webhook endpoint');
  return row;
}

export interface DeliveryRow {
  id: string;
  webhook_id: string;
  endpoint_id: number;
  event_type: string;
  subject: string;
  body: string;
  status: string;
  attempts: number;
  next_attempt_at: Date | null;
  last_attempt_at: Date | null;
  response_status: number | null;
  response_ms: number | null;
  error: string | null;
  delivered_at: Date | null;
  created_at: Date;
}

export const DELIVERY_COLUMNS = `id::text as id, webhook_id, endpoint_id, event_type, subject, body, status, attempts,
  next_attempt_at, last_attempt_at, response_status, response_ms, error, delivered_at, created_at`;

/** An endpoint's deliveries, newest first, optionally of one status; `after` is the last id seen. */
export function deliveryPage(
  em: EntityManager,
  endpointId: number,
  status: string | null,
  after: string | null,
  limit: number,
): Promise<DeliveryRow[]> {
  return sql<DeliveryRow>(
    em,
    `select ${DELIVERY_COLUMNS} from webhook_deliveries
      where endpoint_id = ? and (?::text is null or status = ?) and (?::bigint is null or id < ?::bigint)
      order by id desc limit ?`,
    [endpointId, status, status, after, after, limit],
  );
}
