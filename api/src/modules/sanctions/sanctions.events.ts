import type { SanctionKind } from './active-sanctions.js';

/** A sanction as the events record it (dates as ISO strings). */
export interface SanctionState {
  sanctionId: number;
  kind: SanctionKind;
  startsAt: string;
  /** Null: until staff lift it. */
  until: string | null;
  reason: string;
  liftedAt: string | null;
}

/** A sanction imposed, lifted or ended by time: what it was before and after. */
export interface SanctionChange {
  memberId: number;
  sanctionId: number;
  kind: SanctionKind;
  reason: string;
  before: SanctionState | null;
  after: SanctionState | null;
}

/**
 * What the sanctions module announces; subject is always the member. Staff notes' events
 * carry no body: the event log reaches further than the notes do (webhooks, integrations,
 * replays, and it is never pruned), and a deleted note must be gone.
 */
declare module '../../platform/events/events.js' {
  interface EventData {
    'member.silenced': SanctionChange;
    'member.suspended': SanctionChange;
    'member.sanction_lifted': SanctionChange;
    /** Recorded by the expiry job once `until` passed; enforcement never waits for it. */
    'member.sanction_expired': SanctionChange;
    'member.staff_note_added': { noteId: number; memberId: number; authorId: number };
    'member.staff_note_deleted': { noteId: number; memberId: number; authorId: number };
  }
}
