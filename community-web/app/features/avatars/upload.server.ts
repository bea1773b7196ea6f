import type { ApiError } from '../../graphql/client.server';
import { readToken } from '../../lib/session.server';

const API_URL = process.env.API_URL ?? 'http://127.0.0.1:4000';
/** The API's limit (modules/avatars/avatar-image.ts). */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

/**
 * Sends an image to the API's POST /avatars as the signed-in member. Answers in the shape of
 * `api()`: the new URL, or the first error with its code and field messages.
 */
export async function uploadAvatar(
  request: Request,
  image: Blob,
): Promise<{ data: { avatarUrl: string }; error: null } | { data: null; error: ApiError }> {
  const token = await readToken(request);
  const res = await fetch(`${API_URL}/avatars`, {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      'x-forwarded-for': request.headers.get('x-hearth-client-ip') ?? '127.0.0.1',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: image,
  });
  const body = (await res.json().catch(() => ({}))) as {
    avatarUrl?: string;
    errors?: { message: string; extensions?: { code?: string; fields?: Record<string, string> } }[];
  };
  const first = body.errors?.[0];
  if (first || !body.avatarUrl) {
    return {
      data: null,
      error: {
        message: first?.message ?? 'The upload failed. Please try again.',
        code: first?.extensions?.code ?? 'INTERNAL_SERVER_ERROR',
        fields: first?.extensions?.fields ?? {},
      },
    };
  }
  return { data: { avatarUrl: body.avatarUrl }, error: null };
}
