import type { FieldErrors } from '../../platform/errors.js';
import { codePointLength, trimInvisible, visibleLength } from '../../platform/text.js';

/** Lengths from SECURITY.md (Discourse / Stack Overflow defaults). */
export const LIMITS = {
  titleMin: 15,
  titleMax: 150,
  bodyMin: 20,
  bodyMax: 32_000,
  tagMax: 30,
  tagsMax: 5,
} as const;

const TAG_PATTERN = /^[a-z0-9][a-z0-9+#.-]*$/;

/**
 * A title: its ends trimmed of whitespace and invisible characters, inner whitespace as single
 * spaces. Its length counts visible characters (platform/text.ts), so a title of zero-width
 * spaces is blank, not 15 characters long; the stored text must also fit the column (150 code
 * points: emoji and invisible characters inside it count there).
 */
export function validateTitle(title: string, errors: FieldErrors): string {
  const value = trimInvisible(title).replace(/\s+/g, ' ');
  const message = lengthError('Title', title, value, LIMITS.titleMin, LIMITS.titleMax);
  if (message) errors.title = message;
  return value;
}

/** A body: trimmed like a title (inner whitespace kept); its length counts visible characters. */
export function validateBody(body: string, errors: FieldErrors): string {
  const value = trimInvisible(body);
  const message = lengthError('Body', body, value, LIMITS.bodyMin, LIMITS.bodyMax);
  if (message) errors.body = message;
  return value;
}

export function lengthError(what: string, raw: string, value: string, min: number, max: number): string | null {
  const visible = visibleLength(value);
  const n = (x: number) => x.toLocaleString('en');
  if (visible === 0) {
    return raw.trim() === ''
      ? `${what} is required: write at least ${n(min)} characters.`
      : `${what} has no visible characters (only spaces or invisible ones): write at least ${n(min)} characters.`;
  }
  if (visible < min || visible > max) {
    return `${what} must be ${n(min)}–${n(max)} characters; it has ${n(visible)}.`;
  }
  const stored = codePointLength(value);
  if (stored > max) {
    return `${what} is too long: with emoji parts and invisible characters it has ${n(stored)} characters; at most ${n(max)}.`;
  }
  return null;
}

/** Lower-cases, de-duplicates and checks tags: at most 5, each 1–30 of a-z 0-9 + # . -. */
export function normalizeTags(tags: string[], errors: FieldErrors): string[] {
  const normalized = [...new Set(tags.map((t) => t.trim().toLowerCase().replace(/\s+/g, '-')))].filter((t) => t !== '');
  if (normalized.length > LIMITS.tagsMax) {
    errors.tags = `Use at most ${LIMITS.tagsMax} tags; you gave ${normalized.length}.`;
  } else {
    const bad = normalized.find((t) => t.length > LIMITS.tagMax || !TAG_PATTERN.test(t));
    if (bad !== undefined) {
      errors.tags = `Tag "${bad.slice(0, 40)}" is invalid: tags are 1–${LIMITS.tagMax} characters of a–z, 0–9, +, #, . or -.`;
    }
  }
  return normalized;
}
