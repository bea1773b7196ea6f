export type EscalationReason = 'UNANSWERED' | 'NEEDS_STAFF' | 'NEGATIVE_URGENT';
export type EscalationStatus = 'OPEN' | 'IN_PROGRESS' | 'WAITING_ON_CUSTOMER' | 'RESOLVED' | 'CLOSED';
export const ESCALATION_STATUSES: readonly EscalationStatus[] = [
  'OPEN',
  'IN_PROGRESS',
  'WAITING_ON_CUSTOMER',
  'RESOLVED',
  'CLOSED',
];
/** Statuses of an escalation still being worked (one per thread at most). */
export const OPEN_STATUSES: readonly EscalationStatus[] = ['OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER'];

/** What changed in an escalation.updated event, before and after. */
export interface EscalationState {
  status: EscalationStatus;
  caseId: string | null;
  caseStatus: string | null;
  resolutionPostId: number | null;
}

/**
 * What the escalations module announces: ids, the reason and the states; no note, no
 * resolution text, nothing private (the log reaches webhooks and replays).
 */
declare module '../../platform/events/events.js' {
  interface EventData {
    'escalation.created': {
      escalationId: number;
      threadId: number;
      reason: EscalationReason;
      priority: number;
      customerId: number | null;
      requestedById: number | null;
      /** The thread's asker (the customer timeline's member). */
      askerId: number;
    };
    'escalation.updated': {
      escalationId: number;
      threadId: number;
      askerId: number;
      customerId: number | null;
      before: EscalationState;
      after: EscalationState;
    };
  }
}
