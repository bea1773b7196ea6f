const STYLES: Record<string, string> = {
  OPEN: 'bg-sky-50 text-sky-700 ring-sky-200',
  ANSWERED: 'bg-emerald-50 text-emerald-700 ring-emerald-200',
  CLOSED: 'bg-slate-100 text-slate-600 ring-slate-200',
  LOCKED: 'bg-amber-50 text-amber-800 ring-amber-200',
};
const LABELS: Record<string, string> = { OPEN: 'Open', ANSWERED: 'Answered', CLOSED: 'Closed', LOCKED: 'Locked' };

export function StatusBadge({ status }: { status: string }) {
  return (
    <span
      data-testid="thread-status"
      data-status={status}
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLES[status] ?? STYLES.OPEN}`}
    >
      {status === 'ANSWERED' && (
        <span aria-hidden className="mr-1">
          ✓
        </span>
      )}
      {LABELS[status] ?? status}
    </span>
  );
}

export function Tag({ tag, href }: { tag: string; href?: string }) {
  const cls = 'inline-flex rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-600';
  return href ? (
    <a href={href} className={`${cls} hover:bg-slate-200`}>
      {tag}
    </a>
  ) : (
    <span className={cls}>{tag}</span>
  );
}

/** A pinned thread: in its category, or on the home page too. */
export function PinnedBadge({ scope }: { scope: string }) {
  return (
    <span
      data-testid="pinned"
      className="inline-flex items-center rounded-full bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-800 ring-1 ring-inset ring-indigo-200"
    >
      {scope === 'GLOBAL' ? 'Pinned everywhere' : 'Pinned'}
    </span>
  );
}
