import type { FlagReasonKey } from './flag.rules.js';

/**
 * What moderation announces. `post.flagged` has a fixed shape other modules rely on (the
 * sanctions module silences new members flagged by several people): keep it.
 */
declare module '../../platform/events/events.js' {
  interface EventData {
    'post.flagged': {
      postId: number;
      threadId: number;
      authorId: number;
      flaggerId: number;
      reason: FlagReasonKey;
      /** The flag's weight (Discourse's flag score), e.g. 2 or 6.5. */
      weight: number;
    };
    /** A review item was decided (or, ESCALATE, handed to staff); flags' statuses moved with it. */
    'review.resolved': {
      itemId: number;
      kind: string;
      postId: number;
      threadId: number;
      authorId: number;
      decision: 'AGREE' | 'DISAGREE' | 'IGNORE' | 'ESCALATE';
      reason: string | null;
      /** Flaggers whose flags this decision agreed with (the Helpful Flagger badge follows them). */
      agreedFlaggerIds: number[];
      before: { status: string; staffOnly: boolean; hidden: boolean; deleted: boolean };
      after: { status: string; staffOnly: boolean; hidden: boolean; deleted: boolean };
    };
  }
}

export {};
