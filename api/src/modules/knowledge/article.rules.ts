import { assertValid, type FieldErrors } from '../../platform/errors.js';
import { trimInvisible } from '../../platform/text.js';
import { lengthError, normalizeTags } from '../community/post.rules.js';
import type { ArticleContent } from './article-source.js';

/** Field lengths (visible characters); the columns' checks hold the same bounds. */
export const ARTICLE_LIMITS = {
  title: [10, 200],
  issue: [10, 20_000],
  environment: [0, 2_000],
  resolution: [20, 40_000],
  cause: [0, 10_000],
  archiveReason: [3, 500],
  rateReason: [0, 500],
} as const;

/** How far ahead a review date may be set. */
const MAX_REVIEW_DAYS = 3 * 366;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function text(field: keyof typeof ARTICLE_LIMITS, label: string, raw: string, errors: FieldErrors): string {
  const value = trimInvisible(raw);
  const [min, max] = ARTICLE_LIMITS[field];
  if (min === 0 && value === '') return value;
  const message = lengthError(label, raw, value, min, max);
  if (message) errors[field] = message;
  return value;
}

export interface ArticleEdit {
  title?: string | null;
  issue?: string | null;
  environment?: string | null;
  resolution?: string | null;
  cause?: string | null;
  tags?: string[] | null;
  reviewBy?: string | null;
}

/** The edited content (fields not given are kept), or BAD_USER_INPUT naming each bad field. */
export function validateArticleEdit(
  current: ArticleContent,
  edit: ArticleEdit,
  today: string,
): { content: ArticleContent; reviewBy: string | null } {
  const errors: FieldErrors = {};
  const content: ArticleContent = {
    ...current,
    ...(edit.title != null ? { title: text('title', 'Title', edit.title, errors).replace(/\s+/g, ' ') } : {}),
    ...(edit.issue != null ? { issue: text('issue', 'Issue', edit.issue, errors) } : {}),
    ...(edit.environment != null ? { environment: text('environment', 'Environment', edit.environment, errors) } : {}),
    ...(edit.resolution != null ? { resolution: text('resolution', 'Resolution', edit.resolution, errors) } : {}),
    ...(edit.cause != null ? { cause: text('cause', 'Cause', edit.cause, errors) || null } : {}),
    ...(edit.tags != null ? { tags: normalizeTags(edit.tags, errors) } : {}),
  };
  let reviewBy: string | null = null;
  if (edit.reviewBy != null) {
    reviewBy = validateReviewBy(edit.reviewBy, today, errors);
  }
  assertValid(errors);
  return { content, reviewBy };
}

function validateReviewBy(value: string, today: string, errors: FieldErrors): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (!DAY.test(value) || Number.isNaN(+date) || date.toISOString().slice(0, 10) !== value) {
    errors.reviewBy = 'Review date must be a day as YYYY-MM-DD.';
  } else if (value <= today) {
    errors.reviewBy = 'Review date must be in the future.';
  } else if ((+date - +new Date(`${today}T00:00:00Z`)) / 86_400_000 > MAX_REVIEW_DAYS) {
    errors.reviewBy = 'Review date must be within three years.';
  }
  return value;
}

export function validateReason(field: 'archiveReason' | 'rateReason', raw: string | null | undefined): string | null {
  const errors: FieldErrors = {};
  const value = text(field, 'Reason', raw ?? '', errors);
  assertValid(errors);
  return value === '' ? null : value;
}

/** A published article is flagged when at least this many readers found it unhelpful, and more than found it helpful. */
export const NOT_HELPFUL_FLAG_AT = 5;
export const shouldFlagUnhelpful = (helpful: number, notHelpful: number): boolean =>
  notHelpful >= NOT_HELPFUL_FLAG_AT && notHelpful > helpful;
