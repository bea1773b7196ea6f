import { ESCALATION_STATUSES, type EscalationStatus } from './escalations.events.js';

const CRM_STATUSES: Record<string, EscalationStatus> = {
  new: 'OPEN',
  open: 'OPEN',
  in_progress: 'IN_PROGRESS',
  pending: 'IN_PROGRESS',
  waiting: 'WAITING_ON_CUSTOMER',
  waiting_on_customer: 'WAITING_ON_CUSTOMER',
  solved: 'RESOLVED',
  resolved: 'RESOLVED',
  closed: 'CLOSED',
};

/**
 * The escalation status a CRM's case status means (case-insensitive, spaces and dashes as
 * underscores; our own status names too); null for a word it does not know (the status stays,
 * the word is kept as caseStatus).
 */
export function caseStatusToStatus(raw: string): EscalationStatus | null {
  const word = raw
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (CRM_STATUSES[word]) return CRM_STATUSES[word];
  const upper = word.toUpperCase() as EscalationStatus;
  return ESCALATION_STATUSES.includes(upper) ? upper : null;
}
