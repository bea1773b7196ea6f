import { Form, Link, useLoaderData } from 'react-router';
import { query } from '../graphql/client.server';
import { LeaderboardQuery } from '../graphql/documents';
import type { LeaderboardPeriod, LeaderboardRanking } from '../graphql/generated/graphql';
import { AdvocateMark } from '../features/reputation/advocate-mark';
import type { Route } from './+types/leaderboard';
import { Avatar } from '../components/ui/avatar';

const PERIODS: { value: LeaderboardPeriod; label: string; empty: string }[] = [
  { value: 'WEEK', label: 'This week', empty: 'this week' },
  { value: 'MONTH', label: 'This month', empty: 'this month' },
  { value: 'ALL_TIME', label: 'All time', empty: 'yet' },
];
const RANKINGS: { value: LeaderboardRanking; label: string }[] = [
  { value: 'REPUTATION', label: 'Reputation' },
  { value: 'SOLUTIONS', label: 'Solutions' },
];

export const meta: Route.MetaFunction = () => [{ title: 'Leaderboard · Hearth' }];

export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const requestedPeriod = url.searchParams.get('period');
  const period = PERIODS.find((p) => p.value === requestedPeriod)?.value ?? 'WEEK';
  const requestedRanking = url.searchParams.get('ranking');
  const ranking = RANKINGS.find((r) => r.value === requestedRanking)?.value ?? 'REPUTATION';
  const category = url.searchParams.get('category')?.trim() ?? '';
  const categoryId = /^\d+$/.test(category) ? category : null;
  const { data } = await query(request, LeaderboardQuery, { period, ranking, categoryId });
  return { ...data, period, ranking, categoryId };
}

export default function Leaderboard() {
  const { leaderboard, categories, period, ranking, categoryId } = useLoaderData<typeof loader>();
  const link = (params: Record<string, string | null>) => {
    const search = new URLSearchParams();
    const merged = { period, ranking, category: categoryId, ...params };
    for (const [k, v] of Object.entries(merged)) {
      if (v && !(k === 'period' && v === 'WEEK') && !(k === 'ranking' && v === 'REPUTATION')) search.set(k, v);
    }
    const s = search.toString();
    return s ? `?${s}` : '.';
  };
  const tab = (active: boolean) =>
    `rounded-md px-3 py-1.5 ${active ? 'bg-slate-900 text-white' : 'text-slate-600 hover:text-slate-900'}`;
  const solutions = ranking === 'SOLUTIONS';
  const periodInfo = PERIODS.find((p) => p.value === period)!;
  const categoryName = categories.find((c) => c.id === categoryId)?.name;

  return (
    <div>
      <h1 className="text-2xl font-bold">Leaderboard</h1>
      <p className="mt-1 text-slate-600">
        {solutions ? 'Members with the most accepted solutions' : 'Members who gained the most reputation'}
        {categoryName ? ` in ${categoryName}` : ''}, {periodInfo.label.toLowerCase()}.
      </p>
      <div className="mt-5 flex flex-wrap items-center gap-3">
        <nav aria-label="Period" className="flex rounded-lg border border-slate-200 bg-white p-1 text-sm">
          {PERIODS.map((p) => (
            <Link
              key={p.value}
              to={link({ period: p.value })}
              aria-current={p.value === period ? 'page' : undefined}
              className={tab(p.value === period)}
              data-testid={`period-${p.value.toLowerCase()}`}
            >
              {p.label}
            </Link>
          ))}
        </nav>
        <nav aria-label="Ranking" className="flex rounded-lg border border-slate-200 bg-white p-1 text-sm">
          {RANKINGS.map((r) => (
            <Link
              key={r.value}
              to={link({ ranking: r.value })}
              aria-current={r.value === ranking ? 'page' : undefined}
              className={tab(r.value === ranking)}
            >
              {r.label}
            </Link>
          ))}
        </nav>
        <Form method="get" className="flex items-center gap-2 text-sm">
          {period !== 'WEEK' && <input type="hidden" name="period" value={period} />}
          {ranking !== 'REPUTATION' && <input type="hidden" name="ranking" value={ranking} />}
          <label htmlFor="category" className="text-slate-600">
            Category
          </label>
          <select
            id="category"
            name="category"
            defaultValue={categoryId ?? ''}
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5"
          >
            <option value="">All categories</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">
            Show
          </button>
        </Form>
      </div>

      {leaderboard.length === 0 ? (
        <p
          className="mt-4 rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-500"
          data-testid="leaderboard-empty"
        >
          {solutions ? 'No solutions accepted' : 'No reputation gained'} {periodInfo.empty}.
        </p>
      ) : (
        <div className="mt-4 overflow-hidden rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">
              Leaderboard: {periodInfo.label}, by {solutions ? 'solutions' : 'reputation'}
              {categoryName ? `, ${categoryName}` : ''}
            </caption>
            <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="w-16 px-4 py-2">
                  Rank
                </th>
                <th scope="col" className="px-4 py-2">
                  Member
                </th>
                <th scope="col" className="px-4 py-2">
                  Level
                </th>
                <th scope="col" className={`px-4 py-2 text-right ${solutions ? '' : 'text-slate-900'}`}>
                  Points
                </th>
                <th scope="col" className={`px-4 py-2 text-right ${solutions ? 'text-slate-900' : ''}`}>
                  Solutions
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {leaderboard.map((entry) => (
                <tr key={entry.member.handle} data-testid="leaderboard-row" data-handle={entry.member.handle}>
                  <td className="px-4 py-2 font-semibold tabular-nums text-slate-700" data-testid="leaderboard-rank">
                    {entry.rank}
                  </td>
                  <td className="px-4 py-2">
                    <Link to={`/u/${entry.member.handle}`} className="font-medium text-slate-900 hover:underline">
                      <Avatar url={entry.member.avatarUrl} size={24} className="mr-2" />@{entry.member.handle}
                    </Link>
                    {entry.member.isAdvocate && <AdvocateMark />}
                  </td>
                  <td className="px-4 py-2 text-slate-600">{entry.member.level.name}</td>
                  <td
                    className={`px-4 py-2 text-right tabular-nums ${solutions ? 'text-slate-500' : 'font-semibold'}`}
                    data-testid="leaderboard-points"
                  >
                    {entry.points}
                  </td>
                  <td
                    className={`px-4 py-2 text-right tabular-nums ${solutions ? 'font-semibold' : 'text-slate-500'}`}
                    data-testid="leaderboard-solutions"
                  >
                    {entry.accepted}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
