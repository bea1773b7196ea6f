import { Link } from 'react-router';
import { PagedList } from '../../components/ui/paged-list';
import { forViewer } from '../badges/wording';
import { timeAgo } from '../forum/format';
import { kindLabel, signedPoints, wasCapped } from './format';

interface ReputationEvent {
  id: string;
  kind: string;
  points: number;
  uncappedPoints: number | null;
  postId: string | null;
  threadId: string | null;
  reason: string | null;
  createdAt: string;
}

/** The member's ledger, newest first, one line per event. */
export function ReputationHistory({
  events,
  nextHref,
  ownProfile,
}: {
  events: ReputationEvent[];
  /** Reasons are worded for the member; anyone else reads them in the third person. */
  ownProfile: boolean;
  /** The next page's address, when there is one. */
  nextHref: string | null;
}) {
  return (
    <PagedList
      items={events}
      empty="No reputation changes yet."
      nextHref={nextHref}
      nextLabel="Older reputation changes →"
    >
      {(e) => (
        <li
          key={e.id}
          data-testid="reputation-event"
          data-kind={e.kind}
          className="flex items-baseline gap-3 px-4 py-2 text-sm"
        >
          <span
            className={`w-12 shrink-0 text-right font-semibold tabular-nums ${
              e.points > 0 ? 'text-emerald-700' : e.points < 0 ? 'text-red-700' : 'text-slate-500'
            }`}
            data-testid="reputation-points"
          >
            {signedPoints(e.points)}
          </span>
          <span className="min-w-0 flex-1">
            {e.threadId ? (
              <Link
                to={`/t/${e.threadId}${e.postId ? `#post-${e.postId}` : ''}`}
                className="text-slate-800 hover:underline"
              >
                {kindLabel(e.kind)}
              </Link>
            ) : (
              <span className="text-slate-800">{kindLabel(e.kind)}</span>
            )}
            {e.reason && <span className="text-slate-600"> — {forViewer(e.reason, ownProfile)}</span>}
            {wasCapped(e) && (
              <span
                className="ml-2 rounded bg-amber-50 px-1 py-0.5 text-xs text-amber-800"
                data-testid="reputation-capped"
              >
                capped (would have been {signedPoints(e.uncappedPoints!)}; daily vote limit reached)
              </span>
            )}
          </span>
          <time dateTime={e.createdAt} className="shrink-0 text-xs text-slate-600">
            {timeAgo(e.createdAt)}
          </time>
        </li>
      )}
    </PagedList>
  );
}
