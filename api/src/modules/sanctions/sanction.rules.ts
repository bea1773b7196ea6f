import { assertValid, type FieldErrors } from '../../platform/errors.js';

/** The longest sanction staff can set; only the system silences "until staff decide". */
export const MAX_SANCTION_DAYS = 365;
export const REASON_LENGTH = { min: 3, max: 500 };
export const NOTE_LENGTH = { min: 1, max: 5000 };

/** A sanction's end (in the future, at most MAX_SANCTION_DAYS away) and reason, or BAD_USER_INPUT. */
export function validateSanction(
  input: { until: Date; reason: string },
  now = new Date(),
): { until: Date; reason: string } {
  const reason = input.reason.trim();
  const fields: FieldErrors = {};
  if (Number.isNaN(input.until.getTime()) || input.until <= now) {
    fields.until = 'Choose an end in the future.';
  } else if (input.until.getTime() - now.getTime() > MAX_SANCTION_DAYS * 86_400_000) {
    fields.until = `A sanction lasts at most ${MAX_SANCTION_DAYS} days; choose an earlier end.`;
  }
  if (reason.length < REASON_LENGTH.min || reason.length > REASON_LENGTH.max) {
    fields.reason = `Give a reason of ${REASON_LENGTH.min}–${REASON_LENGTH.max} characters: the member sees it.`;
  }
  assertValid(fields);
  return { until: input.until, reason };
}

/** A staff note's markdown, trimmed and bounded, or BAD_USER_INPUT. */
export function validateNote(body: string): string {
  const trimmed = body.trim();
  assertValid(
    trimmed.length < NOTE_LENGTH.min || trimmed.length > NOTE_LENGTH.max
      ? { body: `A note is ${NOTE_LENGTH.min}–${NOTE_LENGTH.max} characters.` }
      : {},
  );
  return trimmed;
}
