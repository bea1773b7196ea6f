import { Form, Link, NavLink } from 'react-router';
import { NotificationBell } from '../../features/notifications/bell';
import { HeaderSearch, SearchLink } from '../../features/search/header-search';
import { Avatar } from '../ui/avatar';
import { MobileMenu } from './mobile-menu';
import { StaffMenu, type StaffLink } from './staff-menu';

export type HeaderViewer = {
  handle: string;
  avatarUrl?: string;
  role: string;
  canReview?: boolean;
  unreadNotifications?: number;
} | null;

const desktopLink = ({ isActive }: { isActive: boolean }) =>
  `whitespace-nowrap rounded-md px-1.5 py-2 text-sm font-medium ${isActive ? 'bg-slate-100 text-slate-900' : 'text-slate-600 hover:text-slate-900'}`;
const mobileLink = ({ isActive }: { isActive: boolean }) =>
  `block rounded-md px-3 py-2 text-base font-medium ${isActive ? 'bg-slate-100 text-slate-900' : 'text-slate-700 hover:bg-slate-50'}`;

/** The sections of the site everyone sees, in the desktop bar and the mobile menu alike. */
function sections(viewer: HeaderViewer): { to: string; label: string; end?: boolean }[] {
  return [
    { to: '/', label: 'Home', end: true },
    { to: '/kb', label: 'Knowledge' },
    { to: '/leaderboard', label: 'Leaderboard' },
    { to: '/badges', label: 'Badges' },
    // Advocates and members holding the review privilege work the queue without being staff.
    ...(viewer?.canReview && viewer.role === 'MEMBER' ? [{ to: '/moderation/review', label: 'Review' }] : []),
  ];
}

/**
 * Staff's sections: behind the "Staff" menu in the desktop bar, under a "Staff" heading in
 * the mobile menu. Customers and hidden influencers need the customer permission, which every
 * administrator holds (moderators only once granted: they reach them from their escalations).
 */
export function staffSections(viewer: HeaderViewer): StaffLink[] {
  if (!viewer || viewer.role === 'MEMBER') return [];
  const admin = viewer.role === 'ADMIN';
  return [
    { to: '/moderation/review', label: 'Review' },
    { to: '/staff/escalations', label: 'Escalations' },
    { to: '/moderation/removed', label: 'Removed' },
    { to: '/moderation/deflection', label: 'Deflection' },
    { to: '/moderation/activity', label: 'Activity' },
    { to: '/moderation/knowledge', label: 'KB queue' },
    { to: '/staff/insights', label: 'Insights' },
    ...(admin
      ? [
          { to: '/staff/customers', label: 'Customers' },
          { to: '/staff/influencers', label: 'Influencers' },
          { to: '/admin', label: 'Admin' },
        ]
      : []),
  ];
}

function LogoutForm({ className }: { className: string }) {
  return (
    <Form method="post" action="/logout">
      <button type="submit" className={className}>
        Log out
      </button>
    </Form>
  );
}

/**
 * The site header: logo, sections, "Ask a question" and the account links. From the lg
 * breakpoint up everything sits in one bar, staff's sections gathered in one "Staff" menu so
 * the bar fits at 1024 px for every role (staff's account link is their avatar alone, a long
 * handle is cut short); below it the sections and account links move into a Menu disclosure
 * so nothing runs off a phone's or a tablet's screen.
 */
export function SiteHeader({ viewer }: { viewer: HeaderViewer }) {
  const links = sections(viewer);
  const staffLinks = staffSections(viewer);
  // Staff's bar also holds their menu: their button says "Ask" and their account link shows
  // the avatar alone (the handle stays its accessible name and tooltip).
  const staff = staffLinks.length > 0;
  return (
    <header className="relative border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl items-center gap-2 px-4 py-3 lg:gap-3">
        <Link to="/" className="flex shrink-0 items-center gap-2 text-lg font-bold text-slate-900">
          <span aria-hidden className="grid h-8 w-8 place-items-center rounded-lg bg-brand-600 text-white">
            H
          </span>
          Hearth
        </Link>
        <nav aria-label="Main" className="hidden flex-1 items-center gap-0.5 lg:flex">
          {links.map((l) => (
            <NavLink key={l.to} to={l.to} end={l.end} className={desktopLink}>
              {l.label}
            </NavLink>
          ))}
          {staff && <StaffMenu links={staffLinks} />}
        </nav>
        <span className="flex-1 lg:hidden" />
        {/* Staff have more sections: a search icon (to /search) keeps their bar on one line. */}
        {staff ? (
          <SearchLink />
        ) : (
          <HeaderSearch id="site-search" className="hidden w-36 shrink lg:block xl:w-56" shortcut />
        )}
        {/* From 1024 to 1279 px the bar also holds the bell: the button says just "Ask" there (staff: from 1024 up). */}
        <Link
          to="/ask"
          aria-label="Ask a question"
          className="shrink-0 rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
        >
          <span className={staff ? 'lg:hidden' : 'lg:hidden xl:inline'}>Ask a question</span>
          <span aria-hidden className={staff ? 'hidden lg:inline' : 'hidden lg:inline xl:hidden'}>
            Ask
          </span>
        </Link>
        {viewer && <NotificationBell unread={viewer.unreadNotifications ?? 0} />}
        {viewer ? (
          <div className="hidden items-center gap-2 text-sm lg:flex">
            <Link
              to={`/u/${viewer.handle}`}
              className="flex items-center gap-2 font-medium text-slate-700 hover:text-slate-900"
              data-testid="viewer-handle"
              title={staff ? `@${viewer.handle}` : undefined}
            >
              {viewer.avatarUrl && <Avatar url={viewer.avatarUrl} size={24} />}
              <span className={staff && viewer.avatarUrl ? 'sr-only' : 'max-w-40 truncate'}>@{viewer.handle}</span>
            </Link>
            <LogoutForm className="whitespace-nowrap rounded-md px-2 py-2 text-slate-600 hover:text-slate-900" />
          </div>
        ) : (
          <div className="hidden items-center gap-1 text-sm lg:flex">
            <Link to="/login" className="rounded-md px-3 py-2 font-medium text-slate-700 hover:text-slate-900">
              Log in
            </Link>
            <Link to="/register" className="rounded-md px-3 py-2 font-medium text-slate-700 hover:text-slate-900">
              Sign up
            </Link>
          </div>
        )}
        <MobileMenu>
          <HeaderSearch id="menu-search" className="mb-3" />
          <nav aria-label="Main">
            <ul className="space-y-1">
              {links.map((l) => (
                <li key={l.to}>
                  <NavLink to={l.to} end={l.end} className={mobileLink}>
                    {l.label}
                  </NavLink>
                </li>
              ))}
            </ul>
            {staff && (
              <>
                <h2 id="menu-staff" className="mt-3 px-3 text-xs font-semibold uppercase tracking-wide text-slate-600">
                  Staff
                </h2>
                <ul aria-labelledby="menu-staff" className="mt-1 space-y-1">
                  {staffLinks.map((l) => (
                    <li key={l.to}>
                      <NavLink to={l.to} className={mobileLink}>
                        {l.label}
                      </NavLink>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </nav>
          <div className="mt-3 border-t border-slate-200 pt-3">
            {viewer ? (
              <div className="flex items-center justify-between gap-2">
                <NavLink to={`/u/${viewer.handle}`} className={mobileLink}>
                  @{viewer.handle}
                </NavLink>
                <LogoutForm className="rounded-md px-3 py-2 text-base font-medium text-slate-700 hover:bg-slate-50" />
              </div>
            ) : (
              <ul className="space-y-1">
                <li>
                  <NavLink to="/login" className={mobileLink}>
                    Log in
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/register" className={mobileLink}>
                    Sign up
                  </NavLink>
                </li>
              </ul>
            )}
          </div>
        </MobileMenu>
      </div>
    </header>
  );
}
