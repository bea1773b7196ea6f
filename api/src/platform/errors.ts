/**
 * Domain errors. Commands and queries throw these; graphql/format-error.ts maps each to a
 * GraphQL error whose `extensions.code` is the `code` below, so clients can branch on it.
 *
 * - BAD_USER_INPUT: the input is invalid; `fields` names each offending field.
 * - UNAUTHENTICATED: the action needs a signed-in member, or the session token is invalid.
 * - FORBIDDEN: the viewer is known but not allowed; the message says what is needed.
 * - NOT_FOUND: the thing does not exist or the viewer may not see it (indistinguishable).
 * - CONFLICT: the request clashes with the current state (duplicate handle, voting twice).
 * - RATE_LIMITED: too many attempts; `retryAfterSeconds` says when to try again.
 */
export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export type FieldErrors = Record<string, string>;

export class ValidationError extends DomainError {
  constructor(readonly fields: FieldErrors) {
    super('BAD_USER_INPUT', Object.values(fields).join(' '), { fields });
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super('NOT_FOUND', `${what} was not found.`);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super('FORBIDDEN', message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'You need to log in to do that.') {
    super('UNAUTHENTICATED', message);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super('CONFLICT', message);
  }
}

export class RateLimitedError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('RATE_LIMITED', message, { retryAfterSeconds });
  }
}

/** Throws a ValidationError when any field has a message. */
export function assertValid(fields: FieldErrors): void {
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
}
