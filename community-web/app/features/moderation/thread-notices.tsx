import { Link } from 'react-router';
import type { ThreadPageQuery } from '../../graphql/generated/graphql';
import { CLOSE_REASON_TEXT } from './wording';

type PageThread = NonNullable<ThreadPageQuery['thread']>;

const box = 'rounded-lg border px-4 py-3 text-sm';

/**
 * What moderation did to the thread, for every reader: merged into another (a pointer to follow),
 * closed (as a duplicate, with the original linked) or locked.
 */
export function ThreadNotices({ thread }: { thread: PageThread }) {
  if (thread.mergedInto) {
    return (
      <p className={`${box} border-indigo-200 bg-indigo-50 text-slate-800`} data-testid="merged-notice">
        This thread was merged into{' '}
        <Link to={`/t/${thread.mergedInto.id}`} className="font-semibold text-brand-700 underline underline-offset-2">
          {thread.mergedInto.title}
        </Link>
        : its replies are there now.
      </p>
    );
  }
  if (thread.status !== 'CLOSED' && thread.status !== 'LOCKED') return null;
  const reason = thread.closeReason ? CLOSE_REASON_TEXT[thread.closeReason] : '';
  return (
    <div className={`${box} border-slate-300 bg-slate-100 text-slate-800`} data-testid="closed-notice">
      <p>
        {thread.status === 'LOCKED' ? 'Locked: no replies, votes or edits. ' : ''}
        {thread.closeReason === 'DUPLICATE' && thread.duplicateOf ? (
          <>
            Closed as duplicate of{' '}
            <Link
              to={`/t/${thread.duplicateOf.id}`}
              className="font-semibold text-brand-700 underline underline-offset-2"
            >
              {thread.duplicateOf.title}
            </Link>
            .
          </>
        ) : thread.closeReason ? (
          `Closed${reason ? ` ${reason}` : ''}.`
        ) : null}
      </p>
      {thread.closeNote && <p className="mt-1 text-slate-700">{thread.closeNote}</p>}
    </div>
  );
}
