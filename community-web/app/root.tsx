import {
  data,
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteLoaderData,
  type LinksFunction,
} from 'react-router';
import type { Route } from './+types/root';
import './app.css';
import { NoticesRegion } from './features/reputation/notices';
import { ViewerQuery } from './graphql/documents';
import { api } from './graphql/client.server';
import { clearTokenHeader, readToken } from './lib/session.server';

export const links: LinksFunction = () => [{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const nonce = (context as { nonce?: string } | undefined)?.nonce ?? '';
  if (!(await readToken(request))) return { viewer: null, notices: null, nonce };
  // One request: the viewer and what they earned and have not been told about yet.
  const result = await api(request, ViewerQuery, {});
  if (result.staleSession) {
    return data({ viewer: null, notices: null, nonce }, { headers: { 'set-cookie': await clearTokenHeader() } });
  }
  return { viewer: result.data?.me ?? null, notices: result.data?.notices ?? null, nonce };
}

export type Viewer = { id: string; handle: string; role: string } | null;

/** The signed-in member as the root loader saw it, for any route component. */
export function useViewer(): Viewer {
  return (useRouteLoaderData('root') as { viewer: Viewer } | undefined)?.viewer ?? null;
}

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRouteLoaderData('root') as { nonce?: string } | undefined;
  const nonce = root?.nonce || undefined;
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

function Header() {
  const viewer = useViewer();
  const nav = ({ isActive }: { isActive: boolean }) =>
    `rounded-md px-3 py-2 text-sm font-medium ${isActive ? 'bg-slate-100 text-slate-900' : 'text-slate-600 hover:text-slate-900'}`;
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl items-center gap-4 px-4 py-3">
        <Link to="/" className="flex items-center gap-2 text-lg font-bold text-slate-900">
          <span aria-hidden className="grid h-8 w-8 place-items-center rounded-lg bg-brand-500 text-white">
            H
          </span>
          Hearth
        </Link>
        <nav aria-label="Main" className="flex flex-1 items-center gap-1">
          <NavLink to="/" end className={nav}>
            Home
          </NavLink>
          <NavLink to="/leaderboard" className={nav}>
            Leaderboard
          </NavLink>
          <NavLink to="/badges" className={nav}>
            Badges
          </NavLink>
          {viewer && viewer.role !== 'MEMBER' && (
            <NavLink to="/moderation/removed" className={nav}>
              Removed
            </NavLink>
          )}
        </nav>
        <Link
          to="/ask"
          className="rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
        >
          Ask a question
        </Link>
        {viewer ? (
          <div className="flex items-center gap-2 text-sm">
            <Link
              to={`/u/${viewer.handle}`}
              className="font-medium text-slate-700 hover:text-slate-900"
              data-testid="viewer-handle"
            >
              @{viewer.handle}
            </Link>
            <Form method="post" action="/logout">
              <button type="submit" className="rounded-md px-2 py-2 text-slate-500 hover:text-slate-900">
                Log out
              </button>
            </Form>
          </div>
        ) : (
          <div className="flex items-center gap-1 text-sm">
            <Link to="/login" className="rounded-md px-3 py-2 font-medium text-slate-700 hover:text-slate-900">
              Log in
            </Link>
            <Link to="/register" className="rounded-md px-3 py-2 font-medium text-slate-700 hover:text-slate-900">
              Sign up
            </Link>
          </div>
        )}
      </div>
    </header>
  );
}

export default function App() {
  const { notices } = useLoaderData<typeof loader>();
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2"
      >
        Skip to content
      </a>
      <Header />
      <main id="main" className="mx-auto max-w-5xl px-4 py-6">
        <NoticesRegion notices={notices} />
        <Outlet />
      </main>
      <footer className="mx-auto max-w-5xl px-4 py-8 text-xs text-slate-400">Hearth community</footer>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  let title = 'Something went wrong';
  let detail = 'Please try again in a moment.';
  if (isRouteErrorResponse(error)) {
    title = error.status === 404 ? 'Not found' : error.status === 403 ? 'Not allowed' : `Error ${error.status}`;
    detail = (error.data as { message?: string } | undefined)?.message ?? error.statusText;
    if (error.status === 404) detail = 'That page does not exist, or you cannot see it.';
  }
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="mt-2 text-slate-600">{detail}</p>
      <Link to="/" className="mt-6 inline-block text-brand-700 underline">
        Back to the community
      </Link>
    </main>
  );
}
