import { findSimilar, recordShown } from '../features/deflection/deflection.server';
import { isAskSessionId, MIN_TITLE_FOR_SUGGESTIONS } from '../features/deflection/session';
import { fromOwnPages } from '../lib/same-origin.server';
import { readToken } from '../lib/session.server';
import type { Route } from './+types/ask.similar';

/** A JSON error with its code, as the API names them. */
const fail = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message } }, { status, headers: { 'cache-control': 'no-store' } });

/**
 * GET /ask/similar?session=…&title=…&body=… — suggestions for the ask form while a member types
 * (JSON: `{ suggestions }`, or `{ error: { code, message } }` with a 4xx status). The list is
 * recorded as shown for the ask session (the page shows what it gets), when the ask form asked
 * (fromOwnPages): opened from another site's link, it answers and records nothing.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  const session = params.get('session') ?? '';
  const title = (params.get('title') ?? '').trim();
  const body = params.get('body') ?? '';
  if (!(await readToken(request))) return fail(401, 'UNAUTHENTICATED', 'Log in to ask a question.');
  if (!isAskSessionId(session)) return fail(400, 'BAD_USER_INPUT', 'session is not an ask session id.');
  if (title.length > 300 || body.length > 2000) return fail(400, 'BAD_USER_INPUT', 'The title or body is too long.');
  if (title.length < MIN_TITLE_FOR_SUGGESTIONS) return Response.json({ suggestions: [] });
  const { suggestions, error } = await findSimilar(request, title, body);
  if (error) {
    const status = error.code === 'BAD_USER_INPUT' ? 400 : error.code === 'UNAUTHENTICATED' ? 401 : 502;
    return fail(status, error.code, error.message);
  }
  if (fromOwnPages(request)) await recordShown(request, session, suggestions);
  return Response.json({ suggestions }, { headers: { 'cache-control': 'no-store' } });
}
