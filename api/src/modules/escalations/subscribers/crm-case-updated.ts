import { systemActor } from '../../../platform/authz/actor.js';
import { DomainError } from '../../../platform/errors.js';
import type { SubscriberDefinition } from '../../../platform/events/subscribers.js';
import { logger } from '../../../platform/logger.js';
import { guardianFor, type Services } from '../../../platform/scope.js';
import '../../webhooks/webhooks.events.js';
import { caseStatusToStatus } from '../case-status.js';
import { updateEscalationCase } from '../commands/update-escalation.js';

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/**
 * The CRM's `case.updated` webhooks (verified and stored once by the webhooks module) update
 * their escalation through the same command as `updateEscalationCase`, as the system: its case
 * id, URL, status (mapped: new/open → OPEN, in_progress/pending → IN_PROGRESS, waiting →
 * WAITING_ON_CUSTOMER, solved/resolved → RESOLVED, closed → CLOSED; another word is kept as the
 * case status only) and resolution, at its `updatedAt` (an older one changes nothing). A message
 * naming no known escalation, or with bad values, is logged and passed; other types are not ours
 * (`customer.updated` is the customers module's).
 */
export const applyCrmCaseUpdates: SubscriberDefinition<Services> = {
  name: 'escalations.crm_case_updated',
  events: ['crm.webhook_received'],
  batchSize: 100,
  startAt: 'now',
  handle: async (events, { tx, services }) => {
    const settings = services.settings.current();
    for (const event of events) {
      const d = event.data as { webhookId: string; type: string; data: unknown };
      if (d.type !== 'case.updated') {
        logger.debug('CRM webhook not for escalations', { type: d.type, webhookId: d.webhookId });
        continue;
      }
      const data = (d.data && typeof d.data === 'object' ? d.data : {}) as Record<string, unknown>;
      const id = Number(data.escalationId);
      const updatedAt = text(data.updatedAt) ? new Date(String(data.updatedAt)) : null;
      if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647 || (updatedAt && Number.isNaN(updatedAt.getTime()))) {
        logger.warn('CRM case.updated ignored: no valid escalationId or updatedAt', { webhookId: d.webhookId });
        continue;
      }
      const raw = text(data.status);
      const scope = {
        em: tx,
        services,
        settings,
        guardian: guardianFor(services, settings, null, systemActor('crm-webhook')),
        ip: 'system',
      };
      try {
        await updateEscalationCase(scope, {
          id,
          caseId: text(data.caseId),
          caseUrl: text(data.caseUrl),
          status: raw ? caseStatusToStatus(raw) : null,
          caseStatus: raw,
          resolution: typeof data.resolution === 'string' ? data.resolution : null,
          updatedAt,
        });
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        logger.warn('CRM case.updated ignored', { webhookId: d.webhookId, escalationId: id, error: err.message });
      }
    }
  },
};
