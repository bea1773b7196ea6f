import type { ApiError } from '../../graphql/client.server';
import { statusFor } from '../../lib/form-errors';

const NO_STORE = { 'cache-control': 'no-store' };

/** A JSON answer for the composer's fetches (never cached: drafts and suggestions are per member). */
export const json = (body: unknown, status = 200) => Response.json(body, { status, headers: NO_STORE });

/** `{ error: { code, message, retryAfter? } }` with the status the API's code means. */
export function failure(error: Pick<ApiError, 'code' | 'message'>) {
  return json({ error: { code: error.code, message: error.message } }, statusFor(error as ApiError));
}
