import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import { assertValid, type FieldErrors } from '../../../platform/errors.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import type { Scope } from '../../../platform/scope.js';
import { checkWebhookUrl } from '../url-safety.js';
import { WEBHOOK_EVENT_TYPES } from '../webhook-events.js';
import { newWebhookSecret } from '../webhook-secrets.js';
import { ENDPOINT_COLUMNS, endpointRow, type EndpointRow } from '../webhooks.queries.js';
import '../webhooks.events.js';

export interface EndpointInput {
  url: string;
  events: string[];
  description: string | null;
}

const MAX_DESCRIPTION = 500;

/** Checks an endpoint's fields (the URL's form and where its host resolves to); throws BAD_USER_INPUT naming each. */
async function checkEndpoint(scope: Scope, input: Partial<EndpointInput>): Promise<void> {
  const errors: FieldErrors = {};
  if (input.url !== undefined) {
    const refused = await checkWebhookUrl(input.url.trim(), scope.services.config.WEBHOOK_ALLOW_PRIVATE_URLS);
    if (refused) errors.url = refused;
  }
  if (input.events !== undefined) {
    const unknown = input.events.filter((e) => !WEBHOOK_EVENT_TYPES.includes(e));
    if (input.events.length === 0) errors.events = 'Choose at least one event.';
    else if (unknown.length > 0) errors.events = `Unknown event kinds: ${unknown.slice(0, 5).join(', ')}.`;
  }
  if ((input.description?.trim().length ?? 0) > MAX_DESCRIPTION) {
    errors.description = `The description can be at most ${MAX_DESCRIPTION} characters.`;
  }
  assertValid(errors);
}

/** The catalogue's order, each kind once. */
const normalEvents = (events: string[]) => WEBHOOK_EVENT_TYPES.filter((t) => events.includes(t));

/**
 * An admin registers an endpoint; the signing secret is generated here and returned this once
 * (it is kept as is, to sign with, and never shown again).
 */
export async function createWebhookEndpoint(
  scope: Scope,
  input: EndpointInput,
): Promise<{ endpoint: EndpointRow; secret: string }> {
  scope.guardian.ensureCan('webhook.manage', null);
  await checkEndpoint(scope, input);
  const viewer = scope.guardian.requireViewer();
  const secret = newWebhookSecret();
  const events = normalEvents(input.events);
  const endpoint = await transact(scope.em, async (tx) => {
    const [row] = await sql<EndpointRow>(
      tx,
      `insert into webhook_endpoints (url, description, events, secret, created_by) values (?, ?, ?::text[], ?, ?)
       returning ${ENDPOINT_COLUMNS}`,
      [input.url.trim(), input.description?.trim() ?? '', `{${events.join(',')}}`, secret, viewer.id],
    );
    await recordEvent(tx, scope.guardian.requireActor(), {
      name: 'webhook.endpoint_created',
      subject: ref('webhook_endpoint', row!.id),
      data: { endpointId: row!.id, url: row!.url, events },
    });
    return row!;
  });
  return { endpoint, secret };
}

/** An admin changes an endpoint's URL, event kinds or description (what is given). */
export async function updateWebhookEndpoint(
  scope: Scope,
  id: number,
  input: Partial<EndpointInput>,
): Promise<EndpointRow> {
  scope.guardian.ensureCan('webhook.manage', null);
  await checkEndpoint(scope, input);
  return transact(scope.em, async (tx) => {
    const before = await endpointRow(tx, id, true);
    const after = {
      url: input.url?.trim() ?? before.url,
      events: input.events ? normalEvents(input.events) : before.events,
      description: input.description === undefined ? before.description : (input.description?.trim() ?? ''),
    };
    const [row] = await sql<EndpointRow>(
      tx,
      `update webhook_endpoints set url = ?, events = ?::text[], description = ?, updated_at = now() where id = ?
       returning ${ENDPOINT_COLUMNS}`,
      [after.url, `{${after.events.join(',')}}`, after.description, id],
    );
    await recordEvent(tx, scope.guardian.requireActor(), {
      name: 'webhook.endpoint_updated',
      subject: ref('webhook_endpoint', id),
      data: {
        endpointId: id,
        before: { url: before.url, events: before.events, description: before.description },
        after,
      },
    });
    return row!;
  });
}

/**
 * An admin enables or disables an endpoint. Enabling clears the failure streak; deliveries that
 * failed while it was off stay failed (replay them). Disabling by hand keeps the reason given.
 */
export async function setWebhookEndpointEnabled(scope: Scope, id: number, enabled: boolean): Promise<EndpointRow> {
  scope.guardian.ensureCan('webhook.manage', null);
  return transact(scope.em, async (tx) => {
    const before = await endpointRow(tx, id, true);
    if (before.enabled === enabled) return before;
    const [row] = await sql<EndpointRow>(
      tx,
      `update webhook_endpoints set enabled = ?, disabled_reason = ?, failing_since = null, updated_at = now()
        where id = ? returning ${ENDPOINT_COLUMNS}`,
      [enabled, enabled ? null : 'Disabled by an administrator.', id],
    );
    if (enabled) {
      await recordEvent(tx, scope.guardian.requireActor(), {
        name: 'webhook.endpoint_enabled',
        subject: ref('webhook_endpoint', id),
        data: { endpointId: id },
      });
    } else {
      await recordEvent(tx, scope.guardian.requireActor(), {
        name: 'webhook.endpoint_disabled',
        subject: ref('webhook_endpoint', id),
        data: { endpointId: id, url: before.url, reason: 'Disabled by an administrator.' },
      });
    }
    return row!;
  });
}

/** An admin deletes an endpoint with its delivery log. */
export async function deleteWebhookEndpoint(scope: Scope, id: number): Promise<void> {
  scope.guardian.ensureCan('webhook.manage', null);
  await transact(scope.em, async (tx: EntityManager) => {
    const before = await endpointRow(tx, id, true);
    await sql(tx, `delete from webhook_endpoints where id = ?`, [id]);
    await recordEvent(tx, scope.guardian.requireActor(), {
      name: 'webhook.endpoint_deleted',
      subject: ref('webhook_endpoint', id),
      data: { endpointId: id, url: before.url },
    });
  });
}

/** An admin replaces an endpoint's secret: returned this once; every later attempt is signed with it. */
export async function rotateWebhookSecret(
  scope: Scope,
  id: number,
): Promise<{ endpoint: EndpointRow; secret: string }> {
  scope.guardian.ensureCan('webhook.manage', null);
  const secret = newWebhookSecret();
  const endpoint = await transact(scope.em, async (tx) => {
    await endpointRow(tx, id, true);
    const [row] = await sql<EndpointRow>(
      tx,
      `update webhook_endpoints set secret = ?, secret_rotated_at = now(), updated_at = now() where id = ?
       returning ${ENDPOINT_COLUMNS}`,
      [secret, id],
    );
    await recordEvent(tx, scope.guardian.requireActor(), {
      name: 'webhook.secret_rotated',
      subject: ref('webhook_endpoint', id),
      data: { endpointId: id },
    });
    return row!;
  });
  return { endpoint, secret };
}
