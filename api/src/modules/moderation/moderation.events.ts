import type { ArticleReportReasonKey } from './article-report.rules.js';
import type { FlagReasonKey } from './flag.rules.js';

/**
 * What moderation announces. `post.flagged` has a fixed shape other modules rely on (the
 * sanctions module silences new members flagged by several people): keep it.
 */
/** An item and its subject before and after a decision (the fields that apply to its kind). */
export interface ReviewState {
  status: string;
  staffOnly: boolean;
  /** A post's. */
  hidden?: boolean;
  deleted?: boolean;
  /** A held member's: waiting for approval, and suspended. */
  held?: boolean;
  suspended?: boolean;
  /** A reported article's: marked for revision. */
  needsReview?: boolean;
}

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
    /** A member reported a published article to reviewers. */
    'article.reported': {
      articleId: number;
      reporterId: number;
      reviewItemId: number;
      reason: ArticleReportReasonKey;
    };
    /**
     * A review item was decided (or, ESCALATE, handed to staff); flags' statuses moved with it.
     * Its subject by kind: a post (postId, threadId, authorId), a held member (memberId) or a
     * reported article (articleId); the others are null.
     */
    'review.resolved': {
      itemId: number;
      kind: string;
      postId: number | null;
      threadId: number | null;
      authorId: number | null;
      memberId?: number;
      articleId?: number;
      decision: 'AGREE' | 'DISAGREE' | 'IGNORE' | 'ESCALATE';
      reason: string | null;
      /** Flaggers whose flags this decision agreed with (the Helpful Flagger badge follows them). */
      agreedFlaggerIds: number[];
      /** ESCALATE by a member reviewer's AGREE on spam or abuse: who agreed (staff decide the removal). */
      agreedBy?: number;
      before: ReviewState;
      after: ReviewState;
    };
  }
}
