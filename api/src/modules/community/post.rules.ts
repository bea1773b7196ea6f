import type { FieldErrors } from '../../platform/errors.js';

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

export function validateTitle(title: string, errors: FieldErrors): string {
  const value = title.trim().replace(/\s+/g, ' ');
  if (value.length < LIMITS.titleMin || value.length > LIMITS.titleMax) {
    errors.title = `Title must be ${LIMITS.titleMin}–${LIMITS.titleMax} characters; it has ${value.length}.`;
  }
  return value;
}

export function validateBody(body: string, errors: FieldErrors): string {
  const value = body.trim();
  if (value.length < LIMITS.bodyMin || value.length > LIMITS.bodyMax) {
    errors.body = `Body must be ${LIMITS.bodyMin}–${LIMITS.bodyMax.toLocaleString('en')} characters; it has ${value.length.toLocaleString('en')}.`;
  }
  return value;
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
