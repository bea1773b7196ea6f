import { Link } from 'react-router';
import { PagedList } from '../../components/ui/paged-list';
import { timeAgo } from './format';

interface Solution {
  id: string;
  acceptedAt?: string | null;
  score: number;
  thread: { id: string; title: string };
}

/** A member's accepted answers, each linking to the answer in its thread. */
export function SolutionList({ solutions, nextHref }: { solutions: Solution[]; nextHref: string | null }) {
  return (
    <PagedList items={solutions} empty="No accepted answers yet." nextHref={nextHref} nextLabel="More solutions →">
      {(s) => (
        <li key={s.id} data-testid="solution" className="flex items-baseline gap-3 px-4 py-2 text-sm">
          <span
            className="w-12 shrink-0 text-right font-semibold text-slate-700 tabular-nums"
            title={`Score ${s.score}`}
          >
            {s.score}
          </span>
          <span aria-label="Accepted" className="text-emerald-700">
            ✓
          </span>
          <Link to={`/t/${s.thread.id}#post-${s.id}`} className="min-w-0 flex-1 text-slate-800 hover:underline">
            {s.thread.title}
          </Link>
          {s.acceptedAt && (
            <time dateTime={s.acceptedAt} className="shrink-0 text-xs text-slate-500">
              accepted {timeAgo(s.acceptedAt)}
            </time>
          )}
        </li>
      )}
    </PagedList>
  );
}
