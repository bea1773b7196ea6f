import type { ReviewQueueQuery } from '../../graphql/generated/graphql';
import { formatCount } from '../../lib/plural';
import { durationInWords, projectionInWords } from './wording';

type Stats = ReviewQueueQuery['reviewQueueStats'];

/** The API's age buckets, as people read them. */
const AGE_BUCKETS: Record<string, string> = {
  UNDER_1H: 'Under an hour',
  H1_TO_4: '1–4 hours',
  H4_TO_24: '4–24 hours',
  D1_TO_3: '1–3 days',
  OVER_3D: 'Over 3 days',
};

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</dt>
      <dd className="mt-1 text-lg font-semibold text-slate-900" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/**
 * How the queue is keeping up: what waits and for how long, what was decided today and by whom,
 * and when the queue would be clear at this week's pace.
 */
export function CapacityView({ stats }: { stats: Stats }) {
  const most = Math.max(1, ...stats.byAge.map((b) => b.count));
  return (
    <section aria-labelledby="capacity" className="space-y-3" data-testid="capacity">
      <h2 id="capacity" className="text-lg font-semibold">
        Capacity
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Figure label="Waiting" value={String(stats.open)} testId="stat-open" />
        <Figure
          label="Oldest waiting"
          value={stats.oldestWaitingSeconds == null ? '—' : durationInWords(stats.oldestWaitingSeconds)}
          testId="stat-oldest"
        />
        <Figure label="Decided today" value={String(stats.handledToday)} testId="stat-handled" />
        <Figure
          label="Clear in"
          value={projectionInWords(stats.open, stats.projectedClearSeconds)}
          testId="stat-projected"
        />
      </dl>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <h3 className="text-sm font-semibold text-slate-800">Waiting, by age</h3>
          <ul className="mt-2 space-y-1 text-sm" data-testid="by-age">
            {stats.byAge.map((b) => (
              <li key={b.bucket} className="flex items-center gap-2">
                <span className="w-28 shrink-0 text-slate-700">{AGE_BUCKETS[b.bucket] ?? b.bucket}</span>
                <span aria-hidden className="h-2 rounded bg-brand-600" style={{ width: `${(b.count / most) * 60}%` }} />
                <span className="tabular-nums text-slate-900">{b.count}</span>
              </li>
            ))}
          </ul>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <h3 className="text-sm font-semibold text-slate-800">Decided today, per reviewer</h3>
          {stats.handledPerReviewer.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">No decisions yet today.</p>
          ) : (
            <ul className="mt-2 space-y-1 text-sm" data-testid="per-reviewer">
              {stats.handledPerReviewer.map((r) => (
                <li key={r.reviewer.handle} className="flex justify-between gap-2">
                  <span className="text-slate-800">@{r.reviewer.handle}</span>
                  <span className="text-slate-700">{formatCount(r.count, 'item')}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
