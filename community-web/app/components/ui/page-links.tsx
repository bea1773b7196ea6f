import { Link } from 'react-router';

/**
 * Cursor pagination for a list page: "Next page" when the connection has more (keyset: the
 * cursor is the page's last row), and "First page" once past it (cursors only go forward).
 */
export function PageLinks({
  pageInfo,
  href,
  paged,
  label = 'Pages',
}: {
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  /** This page's address with `after` set to the cursor, or removed for null. */
  href: (after: string | null) => string;
  /** True when this page was reached through a cursor. */
  paged: boolean;
  label?: string;
}) {
  const next = pageInfo.hasNextPage && pageInfo.endCursor ? href(pageInfo.endCursor) : null;
  if (!next && !paged) return null;
  return (
    <nav aria-label={label} className="mt-4 flex items-center justify-between text-sm font-medium">
      {paged ? (
        <Link to={href(null)} className="text-brand-700 hover:underline">
          ← First page
        </Link>
      ) : (
        <span />
      )}
      {next && (
        <Link to={next} className="text-brand-700 hover:underline" rel="next">
          Next page →
        </Link>
      )}
    </nav>
  );
}
