/**
 * Cross-origin POSTs are refused before an action does anything. React Router already rejects
 * a mismatched Origin on page actions (400), but not on resource routes (/logout,
 * /notifications/watch), and it does not read Sec-Fetch-Site: this check covers every action.
 */

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Why `request` is cross-origin, or null when it is not: a state-changing method whose
 * `Sec-Fetch-Site` is `cross-site`, or whose `Origin` header is present and none of
 * `appOrigins` (`Origin: null`, sent from sandboxed or privacy-sensitive contexts, is refused).
 * Requests without either header (curl, old browsers) pass: the SameSite=Lax session cookie
 * is not sent on cross-site POSTs anyway.
 */
export function crossOriginReason(request: Request, appOrigins: readonly string[]): string | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  if (request.headers.get('sec-fetch-site')?.toLowerCase() === 'cross-site') return 'Sec-Fetch-Site: cross-site';
  const origin = request.headers.get('origin');
  if (origin === null) return null;
  return appOrigins.includes(normalizeOrigin(origin)) ? null : `Origin: ${origin.slice(0, 100)}`;
}

/** `scheme://host[:port]` as browsers send it in Origin; anything unparsable stays as is. */
function normalizeOrigin(value: string): string {
  try {
    return new URL(value).origin;
  } catch {
    return value;
  }
}

/** The app's own origins: PUBLIC_URL's, and the one the request was addressed to. */
export function appOrigins(request: Request): string[] {
  const origins = [new URL(request.url).origin];
  if (process.env.PUBLIC_URL) origins.push(normalizeOrigin(process.env.PUBLIC_URL));
  return origins;
}

/** Throws a 403 response when `request` is cross-origin (see crossOriginReason). */
export function ensureSameOrigin(request: Request): void {
  const reason = crossOriginReason(request, appOrigins(request));
  if (reason) {
    throw new Response(`Cross-origin request refused (${reason}).`, {
      status: 403,
      statusText: 'Forbidden',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
}

/**
 * Whether a GET came from the app's own pages: `Sec-Fetch-Site: same-origin`, or no such header
 * (curl, browsers that predate it). A GET that records something (a suggestion shown or opened)
 * records nothing for a link followed from another site, a bookmark or a typed address
 * (`cross-site`, `same-site`, `none`): the SameSite=Lax cookie comes along on those navigations.
 */
export const fromOwnPages = (request: Request): boolean => {
  const site = request.headers.get('sec-fetch-site');
  return site === null || site.toLowerCase() === 'same-origin';
};

/** Marks actions wrapped by sameOriginAction, so a test can prove every route's action is. */
export const SAME_ORIGIN_CHECKED = Symbol.for('hearth.sameOriginChecked');

/**
 * Wraps a route's action so a cross-origin request gets a 403 and the action never runs.
 * Every route that exports an action uses it (routes.test.ts fails when one does not).
 */
export function sameOriginAction<Args extends { request: Request }, Result>(
  action: (args: Args) => Promise<Result>,
): (args: Args) => Promise<Result> {
  const checked = async (args: Args) => {
    ensureSameOrigin(args.request);
    return action(args);
  };
  return Object.assign(checked, { [SAME_ORIGIN_CHECKED]: true });
}
