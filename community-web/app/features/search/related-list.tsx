import { Link } from 'react-router';
import type { SearchHitFieldsFragment } from '../../graphql/generated/graphql';
import { KindBadge, SolvedMark } from './search-hit';

/**
 * "Related": solved threads and published articles like the page's subject (Thread.related),
 * for the sidebar of a thread and of an article. Renders nothing when there are none.
 */
export function RelatedList({
  items,
  headingId = 'related',
}: {
  items: SearchHitFieldsFragment[];
  headingId?: string;
}) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={headingId} data-testid="related">
      <h2 id={headingId} className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">
        Related
      </h2>
      <ul className="space-y-3 rounded-lg border border-slate-200 bg-white p-3">
        {items.map((hit) => (
          <li key={hit.url} className="text-sm">
            <Link to={hit.url} className="break-words font-medium text-brand-700 hover:underline">
              {hit.title}
            </Link>
            <div className="mt-1 flex flex-wrap items-center gap-2">
              <KindBadge kind={hit.kind} />
              <SolvedMark status={hit.thread?.status} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
