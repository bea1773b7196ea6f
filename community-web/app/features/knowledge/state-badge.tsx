import { STATE_LABELS } from './wording';

const STYLES: Record<string, string> = {
  DRAFT: 'bg-slate-100 text-slate-700 ring-slate-300',
  IN_REVIEW: 'bg-sky-50 text-sky-800 ring-sky-200',
  PUBLISHED: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  ARCHIVED: 'bg-amber-50 text-amber-900 ring-amber-200',
};

/** An article's state as a pill: Draft, In review, Published, Archived. */
export function StateBadge({ state }: { state: string }) {
  return (
    <span
      data-testid="article-state"
      data-state={state}
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${STYLES[state] ?? STYLES.DRAFT}`}
    >
      {STATE_LABELS[state] ?? state}
    </span>
  );
}

/** The "needs review" flag beside the state, for staff lists. */
export function NeedsReviewBadge() {
  return (
    <span className="inline-flex items-center rounded-full bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-inset ring-amber-300">
      Needs review
    </span>
  );
}
