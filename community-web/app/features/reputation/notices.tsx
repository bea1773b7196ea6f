import { Form, useLocation } from 'react-router';
import type { ViewerQuery } from '../../graphql/generated/graphql';
import { tierStyle } from '../badges/tier';

export type Notices = ViewerQuery['notices'];

/** The highest badge award id shown: dismissing marks awards up to it as seen, never later ones. */
export const lastBadgeId = (badges: { id: string }[]) =>
  badges.reduce<string | null>((max, b) => (max === null || Number(b.id) > Number(max) ? b.id : max), null);

/**
 * Newly earned badges and a new level, told once: a Dismiss form (a plain POST, so it works
 * without JavaScript) marks them as seen and comes back to this page.
 */
export function NoticesRegion({ notices }: { notices: Notices }) {
  const location = useLocation();
  if (!notices || (!notices.level && notices.badges.length === 0)) return null;
  const through = lastBadgeId(notices.badges);
  return (
    <section
      role="status"
      aria-label="New achievements"
      data-testid="notices"
      className="mb-6 flex flex-wrap items-start justify-between gap-3 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
    >
      <ul className="space-y-1">
        {notices.level && (
          <li data-testid="notice-level">
            <span aria-hidden className="mr-1">
              ▲
            </span>
            You reached <strong>{notices.level.name}</strong>
          </li>
        )}
        {notices.badges.map((b) => (
          <li key={b.id} data-testid="notice-badge" data-badge={b.badgeKey} data-tier={b.tier}>
            <span aria-hidden className={`mr-1.5 inline-block h-2 w-2 rounded-full ${tierStyle(b.tier).dot}`} />
            You earned the <strong>{b.name}</strong> badge — {b.reason}
          </li>
        ))}
      </ul>
      <Form method="post" action="/notices/dismiss">
        {through && <input type="hidden" name="throughBadgeId" value={through} />}
        <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
        <button
          type="submit"
          className="rounded-md border border-emerald-300 bg-white px-2 py-1 text-xs font-medium text-emerald-800 hover:bg-emerald-100"
          data-testid="dismiss-notices"
        >
          Dismiss
        </button>
      </Form>
    </section>
  );
}
