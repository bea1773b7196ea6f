import { useLoaderData } from 'react-router';
import { query } from '../graphql/client.server';
import { BadgesQuery } from '../graphql/documents';
import { BadgePill } from '../features/badges/badge-pill';
import type { Route } from './+types/badges';
import { formatCount } from '../lib/plural';

export const meta: Route.MetaFunction = () => [
  { title: 'Badges · Hearth' },
  { name: 'description', content: 'Every badge members can earn, and how many hold each.' },
];

export async function loader({ request }: Route.LoaderArgs) {
  const { data } = await query(request, BadgesQuery, {});
  return data;
}

export default function Badges() {
  const { badges } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1 className="text-2xl font-bold">Badges</h1>
      <p className="mt-1 text-slate-600">Earned by helping others: gold is the rarest, then silver, then bronze.</p>
      <ul className="mt-6 grid gap-3 sm:grid-cols-2">
        {badges.map((b) => (
          <li
            key={b.key}
            data-testid="badge-definition"
            data-badge={b.key}
            className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4"
          >
            <div className="flex items-center justify-between gap-2">
              <BadgePill name={b.name} tier={b.tier} />
              {b.perPost && <span className="text-xs text-slate-500">Can be earned many times</span>}
            </div>
            <p className="text-sm text-slate-700">{b.description}</p>
            <p className="text-xs text-slate-500" data-testid="badge-holders">
              {!b.awardable
                ? 'Not awarded yet'
                : b.holders === 0
                  ? 'Nobody holds it yet'
                  : `${formatCount(b.holders, 'member holds', 'members hold')} it`}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
