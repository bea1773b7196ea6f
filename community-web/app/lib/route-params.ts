/**
 * Route parameters checked before they reach the API: a malformed id, slug or handle in a URL
 * is a page that does not exist (404), never a request the API rejects as bad input (which
 * used to surface as a 500). The patterns are the database's own checks.
 */

/** The largest id an int4 primary key holds. */
const MAX_ID = 2_147_483_647;
/** categories.slug: lowercase words joined by single hyphens, at most 60 characters. */
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** members.handle (api/src/modules/accounts/account.rules.ts). */
const HANDLE = /^[A-Za-z0-9_-]{3,20}$/;

export const isIdParam = (value: string | undefined): value is string =>
  value !== undefined && /^\d{1,10}$/.test(value) && Number(value) >= 1 && Number(value) <= MAX_ID;

export const isSlugParam = (value: string | undefined): value is string =>
  value !== undefined && value.length <= 60 && SLUG.test(value);

export const isHandleParam = (value: string | undefined): value is string => value !== undefined && HANDLE.test(value);

/** The 404 a loader or action throws for a route parameter that cannot name anything. */
export function notFound(): Response {
  return new Response('Not found', { status: 404, statusText: 'Not Found' });
}

/** `value` when `valid` says it can name something; otherwise throws the 404 response. */
export function routeParam(value: string | undefined, valid: (value: string | undefined) => boolean): string {
  if (!valid(value)) throw notFound();
  return value!;
}
