import type { ApiError } from '../graphql/client.server';

export interface FormErrors {
  /** Message for the whole form, when the error belongs to no single field. */
  form: string | null;
  fields: Record<string, string>;
}

/** Splits an API error into per-field messages (BAD_USER_INPUT) and a form-level message. */
export function formErrors(error: ApiError): FormErrors {
  const fields = error.fields ?? {};
  const hasFields = Object.keys(fields).length > 0;
  return { form: hasFields ? null : error.message, fields };
}

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

export const statusFor = (error: ApiError) => STATUS[error.code] ?? 500;
