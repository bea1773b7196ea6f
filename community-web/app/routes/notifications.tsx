import { Form, Link, redirect, useLoaderData } from 'react-router';
import { timeAgo } from '../features/forum/format';
import { MarkNotificationsReadMutation, NotificationsQuery } from '../features/notifications/notifications.documents';
import { api, query } from '../graphql/client.server';
import { readToken } from '../lib/session.server';
import { sameOriginAction } from '../lib/same-origin.server';
import type { Route } from './+types/notifications';

export const meta: Route.MetaFunction = () => [{ title: 'Notifications · Hearth' }];

const PAGE = 30;

export async function loader({ request }: Route.LoaderArgs) {
  if (!(await readToken(request))) throw redirect('/login?redirectTo=/notifications');
  const url = new URL(request.url);
  const unreadOnly = url.searchParams.get('unread') === '1';
  const after = url.searchParams.get('after') || null;
  const { data } = await query(request, NotificationsQuery, { first: PAGE, after, unreadOnly });
  return { ...data, unreadOnly, after };
}

/** "Mark all as read": a plain POST, then back to the list. */
export const action = sameOriginAction(async ({ request }: Route.ActionArgs) => {
  const res = await api(request, MarkNotificationsReadMutation, {});
  if (res.error?.code === 'UNAUTHENTICATED') throw redirect('/login?redirectTo=/notifications');
  throw redirect('/notifications');
});

/** Where opening a notification goes: a route that marks it read, then redirects to its target. */
const openHref = (n: { id: string; path: string }) => `/notifications/${n.id}?to=${encodeURIComponent(n.path)}`;

export default function Notifications() {
  const { notifications, unreadNotificationCount, unreadOnly, after } = useLoaderData<typeof loader>();
  const items = notifications.edges.map((e) => e.node);
  const filter = (unread: boolean, label: string) => (
    <Link
      to={unread ? '?unread=1' : '.'}
      aria-current={unread === unreadOnly ? 'page' : undefined}
      className={`rounded-md px-3 py-1.5 ${unread === unreadOnly ? 'bg-slate-900 text-white' : 'text-slate-600 hover:text-slate-900'}`}
    >
      {label}
    </Link>
  );
  return (
    <div className="mx-auto max-w-3xl">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Notifications</h1>
          <p className="mt-1 text-sm text-slate-600" data-testid="unread-summary">
            {unreadNotificationCount === 0 ? 'Nothing unread.' : `${unreadNotificationCount} unread`}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <Link to="/settings/notifications" className="font-medium text-brand-700 underline-offset-2 hover:underline">
            Email settings
          </Link>
          {unreadNotificationCount > 0 && (
            <Form method="post">
              <button
                type="submit"
                className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-50"
                data-testid="mark-all-read"
              >
                Mark all as read
              </button>
            </Form>
          )}
        </div>
      </div>
      <nav
        aria-label="Filter notifications"
        className="mt-4 inline-flex rounded-lg border border-slate-200 bg-white p-1 text-sm"
      >
        {filter(false, 'All')}
        {filter(true, 'Unread')}
      </nav>
      {items.length === 0 ? (
        <p className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-slate-600">
          {unreadOnly
            ? 'No unread notifications.'
            : 'No notifications yet. Replies, mentions and badges will show up here.'}
        </p>
      ) : (
        <ul className="mt-4 divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white">
          {items.map((n) => {
            const unread = !n.readAt;
            return (
              <li key={n.id} data-testid="notification" data-kind={n.kind} data-unread={unread ? 'true' : 'false'}>
                <a
                  href={openHref(n)}
                  className={`flex items-start gap-3 px-4 py-3 hover:bg-slate-50 ${unread ? 'bg-sky-50' : ''}`}
                >
                  <span
                    aria-hidden
                    className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${unread ? 'bg-brand-600' : 'bg-transparent'}`}
                  />
                  <span className="min-w-0 flex-1">
                    <span className={`block break-words ${unread ? 'font-semibold text-slate-900' : 'text-slate-700'}`}>
                      {unread && <span className="sr-only">Unread: </span>}
                      {n.message}
                    </span>
                    <span className="mt-0.5 block text-xs text-slate-600">
                      <time dateTime={n.createdAt}>{timeAgo(n.createdAt)}</time>
                    </span>
                  </span>
                </a>
              </li>
            );
          })}
        </ul>
      )}
      {(notifications.pageInfo.hasNextPage || after) && (
        <nav aria-label="More notifications" className="mt-4 flex justify-between text-sm">
          {after ? (
            <Link to={unreadOnly ? '?unread=1' : '.'} className="font-medium text-brand-700 hover:underline">
              Newest
            </Link>
          ) : (
            <span />
          )}
          {notifications.pageInfo.hasNextPage && notifications.pageInfo.endCursor && (
            <Link
              to={`?${new URLSearchParams({ ...(unreadOnly ? { unread: '1' } : {}), after: notifications.pageInfo.endCursor })}`}
              className="font-medium text-brand-700 hover:underline"
            >
              Older
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
