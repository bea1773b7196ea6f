import type { CustomerTimelineKind } from '../../graphql/generated/graphql';

/** What a timeline entry says happened, after the member's handle. */
export const TIMELINE_WORDING: Record<CustomerTimelineKind, string> = {
  QUESTION_ASKED: 'asked',
  ANSWER_POSTED: 'answered',
  SOLUTION_ACCEPTED: 'had an answer accepted as the solution on',
  ARTICLE_CONTRIBUTED: 'contributed the knowledge article',
  BADGE_AWARDED: 'earned the badge',
  POST_FLAGGED: 'had a post flagged on',
  SANCTIONED: 'was sanctioned',
  ESCALATED: 'had a question escalated to staff:',
};

export const THREAD_STATUS_LABEL: Record<string, string> = {
  OPEN: 'Open',
  ANSWERED: 'Solved',
  CLOSED: 'Closed',
  LOCKED: 'Locked',
};

/** A lifetime value in minor units as money in its currency ("€12,500.00"); an unknown code shows as "12,500.00 XYZ". */
export function formatMoney(cents: number, currency: string): string {
  try {
    const digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    return new Intl.NumberFormat('en', { style: 'currency', currency }).format(cents / 10 ** digits);
  } catch {
    return `${(cents / 100).toLocaleString('en', { minimumFractionDigits: 2 })} ${currency}`;
  }
}
