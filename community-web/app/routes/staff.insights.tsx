import { data, Form, Link, redirect, useLoaderData } from 'react-router';
import { Figure } from '../components/ui/figure';
import { BarChart, Legend, LineChart, type Series } from '../features/dashboard/charts';
import { InsightsDashboardQuery } from '../features/dashboard/documents';
import { formatDuration, formatSentiment, formatShare, formatWeek } from '../features/dashboard/format';
import { PERIODS, periodOf } from '../features/deflection/stats';
import { query } from '../graphql/client.server';
import { formatNumber } from '../lib/plural';
import { readToken } from '../lib/session.server';
import type { Route } from './+types/staff.insights';

export const meta: Route.MetaFunction = () => [{ title: 'Insights · Hearth' }];

const HERE = '/staff/insights';

export async function loader({ request }: Route.LoaderArgs) {
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(HERE)}`);
  const params = new URL(request.url).searchParams;
  const days = periodOf(params.get('days'));
  const category = params.get('category') ?? '';
  const categoryId = /^[1-9][0-9]{0,9}$/.test(category) ? category : null;
  const { data: result, headers } = await query(request, InsightsDashboardQuery, { days, categoryId });
  return data({ dashboard: result.insightsDashboard, categories: result.categories, days, categoryId }, { headers });
}

const BANDS = [
  ['URGENT', 'Urgent'],
  ['HIGH', 'High'],
  ['NORMAL', 'Normal'],
] as const;

const RESPONSE_SERIES = [
  { name: 'First response (median)', stroke: 'stroke-brand-500' },
  { name: 'Solution (median)', stroke: 'stroke-sky-600', dashed: true },
] as const;

/**
 * Staff: how the community is doing over the last 7, 30 or 90 days, overall or in one category
 * (insightsDashboard): response and solution times, solved shares, the unanswered queue by age,
 * deflection, sentiment week by week, top advocates and hidden influencers. Server-rendered:
 * the filter is a GET form and the charts are inline SVG, so it all works without JavaScript.
 */
export default function Insights() {
  const { dashboard: d, categories, days, categoryId } = useLoaderData<typeof loader>();
  const r = d.responseTimes;
  const weeks = r.weekly.map((w) => formatWeek(w.weekStart));
  const responseSeries: Series[] = [
    { ...RESPONSE_SERIES[0], values: r.weekly.map((w) => w.firstResponse.median ?? null) },
    { ...RESPONSE_SERIES[1], values: r.weekly.map((w) => w.solution.median ?? null) },
  ];
  const unanswered = d.unansweredByAge.reduce((n, b) => n + b.count, 0);
  const category = categories.find((c) => c.id === categoryId);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Insights</h1>
          <p className="mt-1 text-sm text-slate-600">
            Questions asked in the last {days} days{category ? ` in ${category.name}` : ''}: how fast they were answered
            and solved, and by whom. Only what visitors may read counts.
          </p>
        </div>
        <Form method="get" className="flex flex-wrap items-end gap-2 text-sm" aria-label="Filter">
          <label className="flex flex-col gap-1">
            <span className="font-medium text-slate-700">Period</span>
            <select
              name="days"
              defaultValue={String(days)}
              className="rounded-md border border-slate-300 bg-white px-2 py-1.5"
            >
              {PERIODS.map((p) => (
                <option key={p} value={p}>
                  Last {p} days
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            <span className="font-medium text-slate-700">Category</span>
            <select
              name="category"
              defaultValue={categoryId ?? ''}
              className="max-w-[12rem] rounded-md border border-slate-300 bg-white px-2 py-1.5"
            >
              <option value="">All categories</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <button
            type="submit"
            className="rounded-md bg-brand-600 px-3 py-1.5 font-semibold text-white shadow-sm hover:bg-brand-700"
          >
            Show
          </button>
        </Form>
      </div>

      <section aria-labelledby="figures">
        <h2 id="figures" className="sr-only">
          Figures
        </h2>
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <Figure
            label="First response"
            value={formatDuration(r.firstResponse.median)}
            note={`median; 90% within ${formatDuration(r.firstResponse.p90)} (${formatNumber(r.firstResponse.count)} answered)`}
            testId="figure-first-response"
          />
          <Figure
            label="Time to solution"
            value={formatDuration(r.solution.median)}
            note={`median; 90% within ${formatDuration(r.solution.p90)} (${formatNumber(r.solution.count)} solved)`}
            testId="figure-solution"
          />
          <Figure
            label="Solved"
            value={formatShare(d.solved.share, d.solved.questions)}
            note={`${formatNumber(d.solved.solved)} of ${formatNumber(d.solved.questions)} questions`}
            testId="figure-solved"
          />
          <Figure
            label="Solved by the community"
            value={formatShare(d.solved.shareByCommunity, d.solved.questions)}
            note={`${formatNumber(d.solved.solvedByCommunity)} accepted answers by members, not staff`}
            testId="figure-community"
          />
        </dl>
      </section>

      <div className="grid gap-4 lg:grid-cols-2">
        <ChartCard
          id="response-times"
          title="Response times by week"
          note="Medians over the questions asked each week."
        >
          {r.weekly.length === 0 ? (
            <Empty>No questions were asked in this period.</Empty>
          ) : (
            <>
              <LineChart
                title="Median response times by week"
                labels={weeks}
                series={responseSeries}
                format={formatDuration}
                testId="chart-response-times"
              />
              <Legend series={[...RESPONSE_SERIES]} />
              <FigureTable
                caption="Response times by week"
                head={['Week', 'Questions', 'First response', 'Solution']}
                rows={r.weekly.map((w, i) => [
                  weeks[i]!,
                  formatNumber(w.questions),
                  formatDuration(w.firstResponse.median),
                  formatDuration(w.solution.median),
                ])}
              />
            </>
          )}
        </ChartCard>

        <ChartCard
          id="unanswered"
          title="Unanswered now, by age"
          note={`${formatNumber(unanswered)} open questions without a reply.`}
        >
          <BarChart
            title="Unanswered questions by age"
            bars={d.unansweredByAge.map((b) => ({ label: b.label, value: b.count }))}
            testId="chart-unanswered"
          />
          <FigureTable
            caption="Unanswered questions by age"
            head={['Age', 'Questions']}
            rows={d.unansweredByAge.map((b) => [b.label, formatNumber(b.count)])}
          />
        </ChartCard>

        <ChartCard
          id="sentiment"
          title="Sentiment by week"
          note="Mean score of the posts written each week (−1 to +1)."
        >
          {d.sentimentTrend.length === 0 ? (
            <Empty>No scored posts in this period.</Empty>
          ) : (
            <>
              <LineChart
                title="Mean sentiment by week"
                labels={d.sentimentTrend.map((w) => formatWeek(w.weekStart))}
                series={[
                  {
                    name: 'Mean sentiment',
                    stroke: 'stroke-emerald-600',
                    values: d.sentimentTrend.map((w) => w.meanScore),
                  },
                ]}
                format={formatSentiment}
                min={Math.min(0, ...d.sentimentTrend.map((w) => w.meanScore))}
                testId="chart-sentiment"
              />
              <FigureTable
                caption="Sentiment by week"
                head={['Week', 'Posts', 'Mean', 'Negative']}
                rows={d.sentimentTrend.map((w) => [
                  formatWeek(w.weekStart),
                  formatNumber(w.posts),
                  formatSentiment(w.meanScore),
                  `${Math.round(w.negativeShare * 100)}%`,
                ])}
              />
            </>
          )}
        </ChartCard>

        <ChartCard id="escalations" title="Escalations by priority" note="Escalations opened in this period.">
          <BarChart
            title="Escalations by priority"
            bars={BANDS.map(([band, label]) => ({
              label,
              value: d.escalationsByPriority.filter((e) => e.band === band).reduce((n, e) => n + e.count, 0),
            }))}
            testId="chart-escalations"
          />
          <FigureTable
            caption="Escalations by priority and status"
            head={['Priority · status', 'Escalations']}
            rows={d.escalationsByPriority.map((e) => [
              `${BANDS.find(([b]) => b === e.band)?.[1] ?? e.band} · ${e.status.replaceAll('_', ' ').toLowerCase()}`,
              formatNumber(e.count),
            ])}
          />
        </ChartCard>

        <ChartCard
          id="deflection"
          title="Deflection"
          note="Ask sessions that opened a suggestion and did not post (all categories)."
        >
          <dl className="grid grid-cols-3 gap-2 text-center">
            {[
              ['Sessions', d.deflection.sessions],
              ['Asked', d.deflection.asked],
              ['Deflected', d.deflection.deflectedSessions],
            ].map(([label, n]) => (
              <div key={label} className="rounded-md bg-slate-50 p-2">
                <dt className="text-xs text-slate-600">{label}</dt>
                <dd className="text-lg font-semibold tabular-nums">{formatNumber(Number(n))}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-2 text-sm">
            <Link
              to={days === 30 ? '/moderation/deflection' : `/moderation/deflection?days=${days}`}
              className="font-medium text-brand-700 hover:underline"
            >
              Deflection in detail
            </Link>
          </p>
        </ChartCard>
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-labelledby="advocates" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="advocates" className="text-lg font-semibold">
            Top advocates
          </h2>
          <p className="mt-1 text-sm text-slate-600">Members (not staff) by answers accepted in this period.</p>
          {d.topAdvocates.length === 0 ? (
            <Empty>No accepted answers by members in this period.</Empty>
          ) : (
            <ol className="mt-2 divide-y divide-slate-100 text-sm">
              {d.topAdvocates.map((a) => (
                <li
                  key={a.member.id}
                  className="flex flex-wrap items-baseline justify-between gap-2 py-2"
                  data-testid="top-advocate"
                >
                  <span>
                    <Link to={`/u/${a.member.handle}`} className="font-medium text-brand-700 hover:underline">
                      @{a.member.handle}
                    </Link>
                    {a.advocate && <span className="ml-2 text-xs text-slate-600">advocate</span>}
                  </span>
                  <span className="tabular-nums text-slate-700">
                    {formatNumber(a.acceptedAnswers)} accepted · {formatNumber(a.askersHelped)} askers helped
                  </span>
                </li>
              ))}
            </ol>
          )}
        </section>
        <section aria-labelledby="influencers" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="influencers" className="text-lg font-semibold">
            Hidden influencers
          </h2>
          <p className="mt-1 text-sm text-slate-600">Top tenth of influence, neither staff nor advocates (now).</p>
          {d.hiddenInfluencers.length === 0 ? (
            <Empty>No hidden influencers.</Empty>
          ) : (
            <ol className="mt-2 divide-y divide-slate-100 text-sm">
              {d.hiddenInfluencers.map((h) => (
                <li key={h.member.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
                  <Link to={`/u/${h.member.handle}`} className="font-medium text-brand-700 hover:underline">
                    @{h.member.handle}
                  </Link>
                  <span className="tabular-nums text-slate-700">
                    #{h.rank} of {h.outOf}
                  </span>
                </li>
              ))}
            </ol>
          )}
          <p className="mt-2 text-sm">
            <Link to="/staff/influencers" className="font-medium text-brand-700 hover:underline">
              Why, and nominate them
            </Link>
          </p>
        </section>
      </div>
    </div>
  );
}

function ChartCard({
  id,
  title,
  note,
  children,
}: {
  id: string;
  title: string;
  note: string;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <p className="mb-3 mt-1 text-sm text-slate-600">{note}</p>
      {children}
    </section>
  );
}

/** The figures behind a chart, as a table (folded away: the chart carries them as text too). */
function FigureTable({ caption, head, rows }: { caption: string; head: string[]; rows: string[][] }) {
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer font-medium text-brand-700">Figures</summary>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-600">
            <tr>
              {head.map((h, i) => (
                <th key={h} scope="col" className={`px-2 py-1.5 font-semibold ${i ? 'text-right' : ''}`}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row[0]}>
                {row.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className="px-2 py-1.5 text-left font-normal">
                      {cell}
                    </th>
                  ) : (
                    <td key={i} className="px-2 py-1.5 text-right tabular-nums">
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function Empty({ children }: { children: React.ReactNode }) {
  return <p className="mt-2 text-sm text-slate-600">{children}</p>;
}
