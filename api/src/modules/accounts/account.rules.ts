import type { FieldErrors } from '../../platform/errors.js';

export const HANDLE_PATTERN = /^[A-Za-z0-9_-]{3,20}$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

export interface RegistrationInput {
  handle: string;
  email: string;
  password: string;
  /** The sign-up honeypot: forms hide it, so only bots fill it in (see signup-limits.ts). */
  website?: string | null;
}

/** Field errors for a sign-up, each phrased so the person knows what to change. */
export function validateRegistration(input: RegistrationInput): FieldErrors {
  const errors: FieldErrors = {};
  if (!HANDLE_PATTERN.test(input.handle)) {
    errors.handle = 'Handle must be 3–20 characters: letters, digits, _ or -.';
  }
  if (input.email.length > 254 || !EMAIL_PATTERN.test(input.email)) {
    errors.email = 'Enter a valid email address.';
  }
  if (input.password.length < PASSWORD_MIN || input.password.length > PASSWORD_MAX) {
    errors.password = `Password must be ${PASSWORD_MIN}–${PASSWORD_MAX} characters.`;
  } else if (
    input.password.toLowerCase() === input.handle.toLowerCase() ||
    input.password.toLowerCase() === input.email.toLowerCase()
  ) {
    errors.password = 'Password must not be your handle or email.';
  }
  return errors;
}
