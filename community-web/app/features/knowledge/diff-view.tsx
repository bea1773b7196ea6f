import { diffStats, parseUnifiedDiff, type DiffLine } from './diff';

const ROW: Record<DiffLine['kind'], string> = {
  file: 'bg-slate-100 font-sans font-semibold text-slate-700',
  hunk: 'bg-sky-50 text-sky-800',
  add: 'bg-emerald-50 text-emerald-900',
  del: 'bg-red-50 text-red-900',
  context: 'text-slate-700',
  note: 'font-sans italic text-slate-600',
};
const MARK: Partial<Record<DiffLine['kind'], { sign: string; words: string }>> = {
  add: { sign: '+', words: 'added' },
  del: { sign: '−', words: 'removed' },
};

/**
 * A unified diff as a reader can follow it: removed lines red with "−", added lines green with
 * "+" (the sign, and a hidden word for screen readers, so colour is never the only cue), line
 * numbers of the old and new text, long lines wrapped instead of scrolling the page sideways.
 */
export function DiffView({
  diff,
  label,
  showFiles = true,
}: {
  diff: string;
  label: string;
  /** Show the `--- x (before)` / `+++ x (now)` headers (off when the caption already names the one text). */
  showFiles?: boolean;
}) {
  const lines = parseUnifiedDiff(diff).filter((l) => showFiles || l.kind !== 'file');
  const { added, removed } = diffStats(lines);
  if (lines.length === 0) return <p className="text-sm text-slate-600">No differences.</p>;
  return (
    <figure className="overflow-hidden rounded-md border border-slate-200 bg-white" data-testid="diff">
      <figcaption className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-200 bg-slate-50 px-3 py-1.5 text-xs text-slate-700">
        <span className="font-semibold">{label}</span>
        <span>
          <span className="font-semibold text-emerald-800">+{added}</span>{' '}
          <span className="font-semibold text-red-800">−{removed}</span>
          <span className="sr-only">
            {' '}
            ({added} added, {removed} removed lines)
          </span>
        </span>
      </figcaption>
      <div className="font-mono text-[13px] leading-6">
        {lines.map((line, i) => {
          const mark = MARK[line.kind];
          return (
            <div key={i} className={`flex ${ROW[line.kind]}`} data-diff={line.kind}>
              <span aria-hidden className="w-9 shrink-0 select-none pr-1 text-right text-slate-600 tabular-nums">
                {line.oldLine ?? ''}
              </span>
              <span aria-hidden className="w-9 shrink-0 select-none pr-1 text-right text-slate-600 tabular-nums">
                {line.newLine ?? ''}
              </span>
              <span aria-hidden className="w-5 shrink-0 select-none text-center font-semibold">
                {mark?.sign ?? ''}
              </span>
              <span className="min-w-0 flex-1 whitespace-pre-wrap break-words pr-2">
                {mark && <span className="sr-only">{mark.words}: </span>}
                {line.text || ' '}
              </span>
            </div>
          );
        })}
      </div>
    </figure>
  );
}
