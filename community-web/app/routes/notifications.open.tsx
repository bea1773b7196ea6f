import { redirect } from 'react-router';
import { MarkNotificationsReadMutation } from '../features/notifications/notifications.documents';
import { api } from '../graphql/client.server';
import { isIdParam, routeParam } from '../lib/route-params';
import { safeRedirect } from '../lib/safe-redirect';
import { readToken } from '../lib/session.server';
import type { Route } from './+types/notifications.open';

/**
 * Opening a notification: marks it read, then goes to its target (`to`, a same-origin path). A
 * GET, so a notification opens in a new tab too and works without JavaScript; it changes only
 * the viewer's own read mark (the API ignores ids that are not theirs).
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const id = routeParam(params.id, isIdParam);
  const to = safeRedirect(new URL(request.url).searchParams.get('to'), '/notifications');
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(to)}`);
  await api(request, MarkNotificationsReadMutation, { ids: [id] });
  throw redirect(to);
}
