import { isbot } from 'isbot';

/**
 * True for crawlers, link previews, headless browsers and requests without a user agent: their
 * page loads are not views, so the thread page does not ask the API to count them (the API
 * refuses to count them too).
 */
export function isBotRequest(request: Request): boolean {
  const userAgent = request.headers.get('user-agent') ?? '';
  return !userAgent.trim() || isbot(userAgent);
}
