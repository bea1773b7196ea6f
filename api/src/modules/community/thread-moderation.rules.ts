import type { FieldErrors } from '../../platform/errors.js';
import { codePointLength, trimInvisible, visibleLength } from '../../platform/text.js';

export const REASON_MAX = 500;

/**
 * A moderator's reason (or note): trimmed, 1–500 characters, required unless `optional`.
 * Blank optional text is null, so the audit log never shows an empty reason.
 */
export function validateReason(
  raw: string | null | undefined,
  errors: FieldErrors,
  opts: { field?: string; optional?: boolean } = {},
): string | null {
  const field = opts.field ?? 'reason';
  const value = raw == null ? '' : trimInvisible(raw);
  if (visibleLength(value) === 0) {
    if (!opts.optional) errors[field] = 'Say why: members see the reason and it is kept in the audit log.';
    return null;
  }
  if (codePointLength(value) > REASON_MAX) {
    errors[field] = `Keep it to ${REASON_MAX} characters; this has ${codePointLength(value)}.`;
  }
  return value;
}
