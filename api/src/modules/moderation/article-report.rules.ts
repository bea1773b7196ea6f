import type { FieldErrors } from '../../platform/errors.js';

export const ARTICLE_REPORT_REASONS = ['OUTDATED', 'INCORRECT', 'SPAM', 'OTHER'] as const;
export type ArticleReportReasonKey = (typeof ARTICLE_REPORT_REASONS)[number];

/** How a reason reads in the article's revision note. */
export const ARTICLE_REPORT_REASON_TEXT: Record<ArticleReportReasonKey, string> = {
  OUTDATED: 'outdated',
  INCORRECT: 'incorrect',
  SPAM: 'spam',
  OTHER: 'other',
};

/** The note, trimmed (null when empty); a field error when missing for OTHER or too long. */
export function validateReportNote(
  reason: ArticleReportReasonKey,
  note: string | null | undefined,
  maxLength: number,
  errors: FieldErrors,
): string | null {
  const trimmed = (note ?? '').trim();
  if (reason === 'OTHER' && trimmed === '') errors.note = 'Say what is wrong: a note is required for OTHER.';
  else if (trimmed.length > maxLength) errors.note = `The note can be at most ${maxLength} characters.`;
  return trimmed === '' ? null : trimmed;
}
