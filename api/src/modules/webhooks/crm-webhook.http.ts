import express, { type Express, type Response } from 'express';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { systemActor } from '../../platform/authz/actor.js';
import { sql } from '../../platform/db/sql.js';
import { transact } from '../../platform/db/transact.js';
import { recordEvent, ref } from '../../platform/events/events.js';
import type { Services } from '../../platform/scope.js';
import './webhooks.events.js';

export const CRM_WEBHOOK_PATH = '/webhooks/crm';
/** Standard Webhooks' tolerance: a timestamp further than this from now is refused (a replay). */
export const TOLERANCE_SECONDS = 5 * 60;
const MAX_BODY = '256kb';

function refuse(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * `POST /webhooks/crm`: the CRM's signed webhooks (customer changes, case updates). Verified with
 * Standard Webhooks (the secret CRM_WEBHOOK_SECRET; the signature compared in constant time by
 * the library): a missing header, a timestamp more than 5 minutes from now or a body that is not a
 * JSON object with a `type` is 400; a bad signature 401. A verified message is stored once by its
 * `webhook-id` and announced as `crm.webhook_received` in the same transaction, then answered
 * 200 at once: subscribers (customers, escalations) do the work after commit. A message seen
 * before is answered 200 and changes nothing.
 */
export function mountCrmWebhook(app: Express, services: Services): void {
  app.post(CRM_WEBHOOK_PATH, express.raw({ type: () => true, limit: MAX_BODY }), async (req, res, next) => {
    try {
      const secret = services.config.CRM_WEBHOOK_SECRET;
      if (!secret) return refuse(res, 404, 'NOT_FOUND', 'No CRM webhook is configured.');
      const id = header(req.headers['webhook-id']);
      const timestamp = header(req.headers['webhook-timestamp']);
      const signature = header(req.headers['webhook-signature']);
      if (!id || !timestamp || !signature || id.length > 200) {
        return refuse(
          res,
          400,
          'BAD_USER_INPUT',
          'The webhook-id, webhook-timestamp and webhook-signature headers are required.',
        );
      }
      const seconds = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : NaN;
      if (Number.isNaN(seconds) || Math.abs(Date.now() / 1000 - seconds) > TOLERANCE_SECONDS) {
        return refuse(
          res,
          400,
          'BAD_USER_INPUT',
          'The webhook-timestamp is missing, malformed or more than 5 minutes from now.',
        );
      }
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      try {
        new Webhook(secret).verify(
          body,
          { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature },
          { jsonParse: false },
        );
      } catch (err) {
        if (err instanceof WebhookVerificationError)
          return refuse(res, 401, 'UNAUTHENTICATED', 'The webhook signature does not match.');
        throw err;
      }
      let message: unknown;
      try {
        message = JSON.parse(body.toString('utf8'));
      } catch {
        message = null;
      }
      const type = (message as { type?: unknown } | null)?.type;
      if (
        !message ||
        typeof message !== 'object' ||
        Array.isArray(message) ||
        typeof type !== 'string' ||
        !/^[a-z][a-z0-9_.-]{0,99}$/i.test(type)
      ) {
        return refuse(res, 400, 'BAD_USER_INPUT', 'The body must be a JSON object with a string "type".');
      }
      const data = (message as { data?: unknown }).data ?? null;
      const stored = await transact(services.orm.em.fork(), async (tx) => {
        const [row] = await sql<{ id: number }>(
          tx,
          `insert into inbound_webhooks (source, webhook_id, type, payload, sent_at) values ('crm', ?, ?, ?::jsonb, to_timestamp(?))
           on conflict (source, webhook_id) do nothing returning id`,
          [id, type, JSON.stringify(message), seconds],
        );
        if (!row) return false;
        await recordEvent(tx, systemActor('crm-webhook'), {
          name: 'crm.webhook_received',
          subject: ref('inbound_webhook', Number(row.id)),
          data: { inboundId: Number(row.id), webhookId: id, type, data },
        });
        return true;
      });
      res.status(200).json({ received: true, duplicate: !stored });
    } catch (err) {
      next(err);
    }
  });
}
