import http from 'node:http';
import https from 'node:https';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Webhook } from 'standardwebhooks';
import { systemActor } from '../../platform/authz/actor.js';
import { sql } from '../../platform/db/sql.js';
import { transact } from '../../platform/db/transact.js';
import { recordEvent, ref } from '../../platform/events/events.js';
import { logger } from '../../platform/logger.js';
import type { Services } from '../../platform/scope.js';
import { checkUrlShape, isPublicAddress, safeLookup, type Resolver } from './url-safety.js';
import './webhooks.events.js';
import './webhooks.jobs.js';

/**
 * Standard Webhooks' retry schedule: the pause before each attempt after a failure. Attempt 1 is
 * immediate; after the 10th failure the delivery is dead (replayable by hand).
 */
export const RETRY_SCHEDULE_SECONDS = [
  0,
  5,
  5 * 60,
  30 * 60,
  2 * 3600,
  5 * 3600,
  10 * 3600,
  14 * 3600,
  20 * 3600,
  24 * 3600,
];
export const MAX_ATTEMPTS = RETRY_SCHEDULE_SECONDS.length;
/** An endpoint failing without a success for this long is disabled and staff are told. */
export const DISABLE_AFTER_FAILING_DAYS = 5;
export const DELIVERY_TIMEOUT_MS = 10_000;
/** Deliveries not final, in the order check and the sweep. */
export const OPEN = `('PENDING', 'SENDING', 'RETRYING')`;

/** The delay before the attempt after `failedAttempts` failures, or null when none is left. */
export function retryDelaySeconds(failedAttempts: number): number | null {
  return failedAttempts < MAX_ATTEMPTS ? RETRY_SCHEDULE_SECONDS[failedAttempts]! : null;
}

export interface SendResult {
  status: number | null;
  ms: number;
  error: string | null;
}

/**
 * POSTs `body` signed for Standard Webhooks to `url`: `webhook-id`, `webhook-timestamp` (now) and
 * `webhook-signature`. The connection goes to an address checked just now (see safeLookup), never
 * follows a redirect and gives up after the timeout. Never throws: a failure is the result.
 */
export async function sendWebhook(input: {
  url: string;
  secret: string;
  webhookId: string;
  body: string;
  allowPrivate: boolean;
  timeoutMs?: number;
  resolve?: Resolver;
  now?: Date;
}): Promise<SendResult> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const url = checkUrlShape(input.url, input.allowPrivate);
  if (typeof url === 'string') return { status: null, ms: 0, error: url };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // An IP literal is connected to without a lookup: it is checked here.
  if (!input.allowPrivate && /^[\d.]+$|:/.test(host) && !isPublicAddress(host)) {
    return { status: null, ms: 0, error: `${host} is not a public address.` };
  }
  const timestamp = input.now ?? new Date();
  const signature = new Webhook(input.secret).sign(input.webhookId, timestamp, input.body);
  const client = url.protocol === 'https:' ? https : http;
  const timeoutMs = input.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const finish = (result: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const req = client.request(
      url,
      {
        method: 'POST',
        agent: false,
        lookup: safeLookup(input.allowPrivate, input.resolve) as never,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(input.body),
          'user-agent': 'Hearth-Webhooks/1.0',
          'webhook-id': input.webhookId,
          'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
          'webhook-signature': signature,
        },
      },
      (res) => {
        // The answer's body is not kept: read a little, then hang up.
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > 64 * 1024) res.destroy();
        });
        const done = () => {
          const status = res.statusCode ?? null;
          const ok = status !== null && status >= 200 && status < 300;
          finish({ status, ms: ms(), error: ok ? null : `The endpoint answered ${status}.` });
        };
        res.on('end', done);
        res.on('close', done);
        res.on('error', done);
      },
    );
    const timer = setTimeout(() => {
      req.destroy(new Error(`No answer within ${timeoutMs / 1000} s.`));
    }, timeoutMs);
    req.on('error', (err: NodeJS.ErrnoException) => {
      const message = err.code === 'EUNSAFEADDRESS' ? err.message : err.message || String(err.code);
      finish({ status: null, ms: ms(), error: message.slice(0, 1000) });
    });
    req.end(input.body);
  });
}

interface Claimed {
  id: string;
  endpoint_id: number;
  subject: string;
  webhook_id: string;
  body: string;
  attempts: number;
  url: string;
  secret: string;
}

/**
 * One attempt of delivery `deliveryId`, if it is due: claimed (SENDING) only when it is open,
 * its time has come, its endpoint is enabled and no earlier delivery for the same subject and
 * endpoint is still open (then it waits: the earlier one, once final, starts it). The request
 * is made outside any transaction; the outcome is recorded after: delivered, retried on the
 * schedule (`startAfter`), dead after the last attempt, or failed with the endpoint disabled
 * (a 410, or failures without a success for 5 days).
 */
export async function attemptDelivery(services: Services, deliveryId: string): Promise<void> {
  const em = services.orm.em.fork();
  const [claimed] = await sql<Claimed>(
    em,
    `update webhook_deliveries d
        set status = 'SENDING', attempts = d.attempts + 1, last_attempt_at = now()
       from webhook_endpoints e
      where d.id = ? and e.id = d.endpoint_id and e.enabled
        and d.status in ('PENDING', 'RETRYING') and d.next_attempt_at <= now()
        and not exists (select 1 from webhook_deliveries p
                         where p.endpoint_id = d.endpoint_id and p.subject = d.subject and p.id < d.id
                           and p.status in ${OPEN})
      returning d.id::text as id, d.endpoint_id, d.subject, d.webhook_id, d.body, d.attempts, e.url, e.secret`,
    [deliveryId],
  );
  if (!claimed) {
    await failIfEndpointDisabled(services, deliveryId);
    return;
  }
  const result = await sendWebhook({
    url: claimed.url,
    secret: claimed.secret,
    webhookId: claimed.webhook_id,
    body: claimed.body,
    allowPrivate: services.config.WEBHOOK_ALLOW_PRIVATE_URLS,
  });
  await recordOutcome(services, claimed, result);
}

async function recordOutcome(services: Services, d: Claimed, result: SendResult): Promise<void> {
  const ok = result.error === null;
  await transact(services.orm.em.fork(), async (tx) => {
    if (ok) {
      await sql(
        tx,
        `update webhook_deliveries set status = 'DELIVERED', response_status = ?, response_ms = ?, error = null,
                delivered_at = now(), next_attempt_at = null
          where id = ?`,
        [result.status, result.ms, d.id],
      );
      await sql(tx, `update webhook_endpoints set failing_since = null where id = ? and failing_since is not null`, [
        d.endpoint_id,
      ]);
      await startNext(services, tx, d);
      return;
    }
    const gone = result.status === 410;
    const delay = gone ? null : retryDelaySeconds(d.attempts);
    const status = gone ? 'FAILED' : delay === null ? 'DEAD' : 'RETRYING';
    await sql(
      tx,
      `update webhook_deliveries set status = ?, response_status = ?, response_ms = ?, error = ?,
              next_attempt_at = case when ?::int is null then null else now() + make_interval(secs => ?::int) end
        where id = ?`,
      [status, result.status, result.ms, result.error?.slice(0, 1000) ?? null, delay, delay, d.id],
    );
    const [endpoint] = await sql<{ url: string; failing_long: boolean }>(
      tx,
      `update webhook_endpoints set failing_since = coalesce(failing_since, now()) where id = ?
       returning url, failing_since <= now() - make_interval(days => ?) as failing_long`,
      [d.endpoint_id, DISABLE_AFTER_FAILING_DAYS],
    );
    if (gone) {
      await disableEndpoint(tx, d.endpoint_id, endpoint!.url, 'The endpoint answered 410 Gone.');
    } else if (endpoint?.failing_long) {
      await disableEndpoint(
        tx,
        d.endpoint_id,
        endpoint.url,
        `Every delivery failed for ${DISABLE_AFTER_FAILING_DAYS} days (last: ${result.error ?? 'no answer'}).`,
      );
    } else if (delay !== null) {
      await services.jobs.enqueue(tx, 'webhooks.deliver', { deliveryId: d.id }, { startAfter: delay });
      return;
    }
    await startNext(services, tx, d);
  });
  if (!ok) logger.info('webhook delivery failed', { deliveryId: d.id, status: result.status, error: result.error });
}

/**
 * Disables an endpoint (by the system) and records `webhook.endpoint_disabled`, which the audit
 * log shows staff; its open deliveries fail when their turn comes (replayable once re-enabled).
 */
export async function disableEndpoint(tx: EntityManager, endpointId: number, url: string, reason: string) {
  const changed = await sql(
    tx,
    `update webhook_endpoints set enabled = false, disabled_reason = ?, updated_at = now() where id = ? and enabled
     returning id`,
    [reason, endpointId],
  );
  if (changed.length === 0) return;
  logger.warn('webhook endpoint disabled', { endpointId, reason });
  await recordEvent(tx, systemActor('webhooks'), {
    name: 'webhook.endpoint_disabled',
    subject: ref('webhook_endpoint', endpointId),
    data: { endpointId, url, reason },
  });
}

/** After a delivery became final: the next open one for its subject and endpoint, if due, is started. */
async function startNext(services: Services, tx: EntityManager, d: Pick<Claimed, 'id' | 'endpoint_id' | 'subject'>) {
  const [next] = await sql<{ id: string }>(
    tx,
    `select id::text as id from webhook_deliveries
      where endpoint_id = ? and subject = ? and id > ? and status in ('PENDING', 'RETRYING') and next_attempt_at <= now()
      order by id limit 1`,
    [d.endpoint_id, d.subject, d.id],
  );
  if (next) await services.jobs.enqueue(tx, 'webhooks.deliver', { deliveryId: next.id });
}

/** An open delivery of a disabled endpoint fails (FAILED, replayable), and lets the next one by. */
async function failIfEndpointDisabled(services: Services, deliveryId: string): Promise<void> {
  await transact(services.orm.em.fork(), async (tx) => {
    const [failed] = await sql<{ id: string; endpoint_id: number; subject: string }>(
      tx,
      `update webhook_deliveries d set status = 'FAILED', next_attempt_at = null,
              error = 'Not sent: the endpoint is disabled.'
         from webhook_endpoints e
        where d.id = ? and e.id = d.endpoint_id and not e.enabled and d.status in ('PENDING', 'RETRYING')
       returning d.id::text as id, d.endpoint_id, d.subject`,
      [deliveryId],
    );
    if (failed) await startNext(services, tx, failed);
  });
}

/**
 * The sweep (every minute, and what tests call after moving `next_attempt_at`): starts every
 * open delivery that is due and not waiting for an earlier one, in case its job was lost or its
 * time was moved; a delivery stuck SENDING (the process died mid-request) is tried again.
 * Starting one twice is harmless: only one claim succeeds. Those due for less than `graceSeconds`
 * are left to the job that was queued for them.
 */
export async function sweepDeliveries(services: Services, opts: { graceSeconds?: number; limit?: number } = {}) {
  const { graceSeconds = 30, limit = 1000 } = opts;
  return transact(services.orm.em.fork(), async (tx) => {
    await sql(
      tx,
      `update webhook_deliveries set status = 'RETRYING', next_attempt_at = now(),
              error = 'The attempt did not finish (the process stopped).'
        where status = 'SENDING' and last_attempt_at < now() - interval '2 minutes'`,
    );
    const due = await sql<{ id: string }>(
      tx,
      `select d.id::text as id from webhook_deliveries d
        where d.status in ('PENDING', 'RETRYING') and d.next_attempt_at <= now() - make_interval(secs => ?)
          and not exists (select 1 from webhook_deliveries p
                           where p.endpoint_id = d.endpoint_id and p.subject = d.subject and p.id < d.id
                             and p.status in ${OPEN})
        order by d.next_attempt_at, d.id limit ?`,
      [graceSeconds, limit],
    );
    for (const { id } of due) await services.jobs.enqueue(tx, 'webhooks.deliver', { deliveryId: id });
    return due.length;
  });
}
