import { redirect } from 'react-router';
import { recordClicked } from '../features/deflection/deflection.server';
import { isSuggestionKind, suggestionTarget } from '../features/deflection/session';
import { isIdParam } from '../lib/route-params';
import { fromOwnPages } from '../lib/same-origin.server';
import { readToken } from '../lib/session.server';
import type { Route } from './+types/ask.open';

/**
 * GET /ask/open?session=…&kind=THREAD|ARTICLE&id=… — a suggestion opened from the ask form: the
 * click is recorded for the ask session (server side, with the member's token), then the
 * browser goes to the thread or article. Recording never stands in the way: without a session
 * (or when the log refuses it) the redirect happens all the same. Only a click on the app's own
 * page is recorded (fromOwnPages): a link to here from another site counts nothing. A kind or id that cannot
 * name anything is a JSON 400.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  const kind = params.get('kind');
  const id = params.get('id') ?? '';
  if (!isSuggestionKind(kind) || !isIdParam(id)) {
    return Response.json(
      { error: { code: 'BAD_USER_INPUT', message: 'kind must be THREAD or ARTICLE and id a number.' } },
      { status: 400 },
    );
  }
  if (fromOwnPages(request) && (await readToken(request)))
    await recordClicked(request, params.get('session') ?? '', kind, id);
  throw redirect(suggestionTarget(kind, id), { headers: { 'cache-control': 'no-store' } });
}
