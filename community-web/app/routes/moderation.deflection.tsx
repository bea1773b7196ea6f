import { data, Link, redirect, useLoaderData } from 'react-router';
import { Figure } from '../components/ui/figure';
import { DeflectionStatsQuery } from '../features/deflection/documents';
import { deflectionRate, PERIODS, periodOf } from '../features/deflection/stats';
import { query } from '../graphql/client.server';
import { formatCount, formatNumber } from '../lib/plural';
import { readToken } from '../lib/session.server';
import type { Route } from './+types/moderation.deflection';

export const meta: Route.MetaFunction = () => [{ title: 'Deflection · Hearth' }];

const HERE = '/moderation/deflection';

export async function loader({ request }: Route.LoaderArgs) {
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(HERE)}`);
  const days = periodOf(new URL(request.url).searchParams.get('days'));
  const { data: result, headers } = await query(request, DeflectionStatsQuery, { days });
  return data({ stats: result.deflectionStats, days }, { headers });
}

const OUTCOMES = [
  ['deflected', 'Deflected', 'Opened, and no question followed within 30 minutes: the suggestion answered it.'],
  ['failed', 'Failed', 'Opened, and the member posted the question anyway.'],
  ['potential', 'Potential', 'Shown and never opened.'],
  ['pending', 'Pending', 'Opened in the last 30 minutes: not decided yet.'],
] as const;

/**
 * Staff: what the suggestions beside the ask form achieved over the last 7, 30 or 90 days
 * (deflectionStats): sessions, questions asked, deflections and their rate, each suggestion's
 * outcome, and the articles and threads that deflect most.
 */
export default function Deflection() {
  const { stats, days } = useLoaderData<typeof loader>();
  const rate = deflectionRate(stats);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Deflection</h1>
          <p className="mt-1 text-sm text-slate-600">
            What members found in the suggestions while asking, instead of posting a question. Part of the{' '}
            <Link to="/staff/insights" className="font-medium text-brand-700 hover:underline">
              insights
            </Link>
            .
          </p>
        </div>
        <nav aria-label="Period" className="flex rounded-md border border-slate-300 bg-white p-0.5 text-sm">
          {PERIODS.map((p) => (
            <Link
              key={p}
              to={p === 30 ? HERE : `${HERE}?days=${p}`}
              aria-current={p === days ? 'page' : undefined}
              className={`rounded px-3 py-1.5 font-medium ${p === days ? 'bg-slate-900 text-white' : 'text-slate-700 hover:bg-slate-100'}`}
            >
              {p} days
            </Link>
          ))}
        </nav>
      </div>

      <section aria-labelledby="overall">
        <h2 id="overall" className="sr-only">
          Overall
        </h2>
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
          <Figure
            label="Ask sessions"
            value={formatNumber(stats.sessions)}
            note="visits to the ask form with suggestions"
          />
          <Figure label="Questions asked" value={formatNumber(stats.asked)} note="sessions that posted" />
          <Figure
            label="Deflected sessions"
            value={formatNumber(stats.deflectedSessions)}
            note="opened a suggestion and did not ask"
          />
          <Figure
            label="Deflection rate"
            value={rate === null ? '—' : `${rate}%`}
            note="deflected sessions out of all sessions"
            testId="deflection-rate"
          />
        </dl>
      </section>

      <section aria-labelledby="outcomes" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="outcomes" className="text-lg font-semibold">
          Suggestions
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          {formatCount(stats.shown, 'suggestion')} shown, {formatNumber(stats.clicked)} opened. Each shown suggestion
          ends one way:
        </p>
        <dl className="mt-3 grid gap-3 sm:grid-cols-2">
          {OUTCOMES.map(([key, label, definition]) => (
            <div key={key} className="rounded-md bg-slate-50 p-3" data-testid={`outcome-${key}`}>
              <dt className="flex items-baseline justify-between gap-2">
                <span className="font-medium text-slate-900">{label}</span>
                <span className="text-lg font-semibold tabular-nums text-slate-900">{formatNumber(stats[key])}</span>
              </dt>
              <dd className="mt-1 text-xs text-slate-600">{definition}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="top">
        <h2 id="top" className="mb-2 text-lg font-semibold">
          Top articles and threads
        </h2>
        {stats.targets.length === 0 ? (
          <p className="text-sm text-slate-600">No suggestions were shown in this period.</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full min-w-[36rem] text-sm">
              <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Suggestion
                  </th>
                  {['Shown', 'Opened', 'Deflected', 'Failed', 'Potential', 'Pending'].map((h) => (
                    <th key={h} scope="col" className="px-3 py-2 text-right font-semibold">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {stats.targets.map((t) => {
                  const target = t.article
                    ? { href: `/kb/${t.article.id}`, title: t.article.title }
                    : t.thread
                      ? { href: `/t/${t.thread.id}`, title: t.thread.title }
                      : null;
                  return (
                    <tr key={`${t.kind}:${target?.href}`} data-testid="deflection-target">
                      <td className="px-3 py-2">
                        <span className="mr-2 text-xs font-medium text-slate-600">
                          {t.kind === 'ARTICLE' ? 'Article' : 'Thread'}
                        </span>
                        {target ? (
                          <Link to={target.href} className="font-medium text-brand-700 hover:underline">
                            {target.title}
                          </Link>
                        ) : (
                          <span className="text-slate-600">No longer available</span>
                        )}
                      </td>
                      {[t.shown, t.clicked, t.deflected, t.failed, t.potential, t.pending].map((n, i) => (
                        <td key={i} className="px-3 py-2 text-right tabular-nums">
                          {formatNumber(n)}
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
