import type { ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * A boxed list, one row per item, with a link to its next page when there is one; `empty`
 * stands in for an empty list.
 */
export function PagedList<T>({
  items,
  empty,
  nextHref,
  nextLabel,
  children,
}: {
  items: T[];
  empty: string;
  /** The next page's address, when there is one. */
  nextHref: string | null;
  nextLabel: string;
  /** Renders one item as an `<li>`. */
  children: (item: T) => ReactNode;
}) {
  if (items.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  return (
    <div>
      <ul className="divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 bg-white">
        {items.map(children)}
      </ul>
      {nextHref && (
        <Link to={nextHref} className="mt-2 block text-center text-sm text-brand-700 hover:underline" rel="next">
          {nextLabel}
        </Link>
      )}
    </div>
  );
}
