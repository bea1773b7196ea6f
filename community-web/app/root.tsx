import {
  data,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteLoaderData,
  type LinksFunction,
} from 'react-router';
import { useLiveUpdates } from './features/live/use-live-updates';
import type { Route } from './+types/root';
import { useEffect } from 'react';
import './app.css';
import { SiteHeader } from './components/layout/site-header';
import { SanctionBanner } from './features/moderation/sanction-banner';
import { describeError } from './components/layout/error-text';
import { VerifyEmailNotice } from './features/email/verify-email-notice';
import { hydrationDone, renderTimesAsOf } from './features/forum/format';
import { ViewerQuery } from './graphql/documents';
import { api } from './graphql/client.server';
import { clearTokenHeader, readToken } from './lib/session.server';

export const links: LinksFunction = () => [{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' }];

export const meta: Route.MetaFunction = ({ error }) => [
  { title: error ? `${describeError(error).title} · Hearth` : 'Hearth community' },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  // The browser renders relative times as of this moment while it hydrates (forum/format.ts).
  const chrome = { nonce: (context as { nonce?: string } | undefined)?.nonce ?? '', renderedAt: Date.now() };
  if (!(await readToken(request))) return { viewer: null, ...chrome };
  // One request: the viewer and their unread notifications (the header's bell). When the
  // API cannot answer, the page's own loader reports it; the chrome still renders (with its nonce).
  const result = await api(request, ViewerQuery, {}).catch((error: unknown) => {
    console.error('viewer query failed', error);
    return null;
  });
  if (!result) return { viewer: null, ...chrome };
  if (result.staleSession) {
    return data({ viewer: null, ...chrome }, { headers: { 'set-cookie': await clearTokenHeader() } });
  }
  const me = result.data?.me;
  const viewer = me
    ? {
        id: me.id,
        handle: me.handle,
        avatarUrl: me.avatarUrl,
        role: me.role,
        isAdvocate: me.isAdvocate,
        canReview: canReview(me),
        sanction: me.sanction ?? null,
        unreadNotifications: result.data?.unreadNotificationCount ?? 0,
        emailVerified: me.emailVerified !== false,
      }
    : null;
  return { viewer, ...chrome };
}

/**
 * Whether the review queue is the viewer's to work, as the API's rule has it (staff, advocates,
 * and members holding the reviewQueue privilege): the header links it only for them.
 */
function canReview(me: { role: string; isAdvocate: boolean; privileges: { held: { key: string }[] } }) {
  return me.role !== 'MEMBER' || me.isAdvocate || me.privileges.held.some((p) => p.key === 'reviewQueue');
}

export type Viewer = {
  id: string;
  handle: string;
  avatarUrl: string;
  role: string;
  isAdvocate: boolean;
  canReview: boolean;
  sanction: { kind: string; until?: string | null; reason: string } | null;
  unreadNotifications: number;
  /** False until the member opens the link from the verification email. */
  emailVerified: boolean;
} | null;

/** The signed-in member as the root loader saw it, for any route component. */
export function useViewer(): Viewer {
  return (useRouteLoaderData('root') as { viewer: Viewer } | undefined)?.viewer ?? null;
}

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRouteLoaderData('root') as { nonce?: string; renderedAt?: number } | undefined;
  const nonce = root?.nonce || undefined;
  renderTimesAsOf(root?.renderedAt);
  useEffect(hydrationDone, []);
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

/** Header, main and footer around every page, the error page included. */
function SiteChrome({ children }: { children: React.ReactNode }) {
  const viewer = useViewer();
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-30 focus:rounded focus:bg-white focus:p-2"
      >
        Skip to content
      </a>
      <SiteHeader viewer={viewer} />
      {viewer?.sanction && <SanctionBanner sanction={viewer.sanction} />}
      <main id="main" className="mx-auto max-w-5xl px-4 py-6">
        {children}
      </main>
      <footer className="mx-auto max-w-5xl px-4 py-8 text-xs text-slate-600">Hearth community</footer>
      <LiveRegion />
    </>
  );
}

/** Live updates for the page (see useLiveUpdates), announced politely to screen readers. */
function LiveRegion() {
  const announcement = useLiveUpdates(!!useViewer());
  return (
    <div role="status" aria-live="polite" className="sr-only" data-testid="live-announcement">
      {announcement}
    </div>
  );
}

export default function App() {
  const viewer = useViewer();
  const location = useLocation();
  return (
    <SiteChrome>
      {viewer && !viewer.emailVerified && location.pathname !== '/verify-email' && <VerifyEmailNotice />}
      <Outlet />
    </SiteChrome>
  );
}

/**
 * The one error boundary: any page's error (a 404 from a loader or an unknown URL, a 403, a
 * 500) renders here, inside the usual header and footer, with the title `meta` gives it.
 */
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const { title, detail } = describeError(error);
  return (
    <SiteChrome>
      <div className="mx-auto max-w-xl py-10 text-center" data-testid="error-page">
        <h1 className="text-2xl font-bold">{title}</h1>
        <p className="mt-2 text-slate-600">{detail}</p>
        <Link to="/" className="mt-6 inline-block font-medium text-brand-700 underline">
          Back to the community
        </Link>
      </div>
    </SiteChrome>
  );
}
