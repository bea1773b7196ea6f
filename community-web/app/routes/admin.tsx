import { data, Link, redirect, useLoaderData } from 'react-router';
import { query } from '../graphql/client.server';
import { graphql } from '../graphql/generated';
import { readToken } from '../lib/session.server';
import type { Route } from './+types/admin';

export const meta: Route.MetaFunction = () => [{ title: 'Admin · Hearth' }];

// adminCategories is the administrators' own query: anyone else gets its FORBIDDEN as a 403 page.
const AdminHomeQuery = graphql(`
  query AdminHome {
    adminCategories {
      id
    }
    adminMembers(filter: { held: true }, first: 100) {
      edges {
        node {
          id
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

export async function loader({ request }: Route.LoaderArgs) {
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent('/admin')}`);
  const { data: result, headers } = await query(request, AdminHomeQuery, {});
  const held = result.adminMembers.edges.length;
  return data(
    {
      categories: result.adminCategories.length,
      held: result.adminMembers.pageInfo.hasNextPage ? `${held}+` : String(held),
    },
    { headers },
  );
}

const card = 'block rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-600 hover:bg-slate-50';

/**
 * The admin area's entry: categories, members (with the held sign-ups waiting), settings, service tokens and
 * webhooks,
 * and the moderation pages the header's bar leaves to the menu for administrators.
 */
export default function AdminHome() {
  const { categories, held } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Admin</h1>
      <ul className="grid gap-3 sm:grid-cols-3">
        <li>
          <Link to="/admin/categories" className={card}>
            <span className="font-semibold text-brand-700">Categories</span>
            <span className="mt-1 block text-sm text-slate-700">
              {categories} {categories === 1 ? 'category' : 'categories'}: order, kinds, slow mode, who can see them.
            </span>
          </Link>
        </li>
        <li>
          <Link to="/admin/members" className={card}>
            <span className="font-semibold text-brand-700">Members</span>
            <span className="mt-1 block text-sm text-slate-700">Search, roles, advocates, sanctions.</span>
          </Link>
        </li>
        <li>
          <Link to="/admin/settings" className={card}>
            <span className="font-semibold text-brand-700">Settings</span>
            <span className="mt-1 block text-sm text-slate-700">
              Reputation points and thresholds, abuse limits, flags.
            </span>
          </Link>
        </li>
        <li>
          <Link to="/admin/tokens" className={card}>
            <span className="font-semibold text-brand-700">Service tokens</span>
            <span className="mt-1 block text-sm text-slate-700">
              Tokens for integrations: scopes, rotation, revoking.
            </span>
          </Link>
        </li>
        <li>
          <Link to="/admin/customer-access" className={card}>
            <span className="font-semibold text-brand-700">Customer access</span>
            <span className="mt-1 block text-sm text-slate-700">Which moderators may read customer records.</span>
          </Link>
          <Link to="/admin/routing" className={card}>
            <span className="font-semibold text-brand-700">Routing rules</span>
            <span className="mt-1 block text-sm text-slate-700">
              When a new question matches (category, tags, sentiment, customer segment): notify, raise priority,
              escalate.
            </span>
          </Link>
        </li>
        <li>
          <Link to="/admin/webhooks" className={card}>
            <span className="font-semibold text-brand-700">Webhooks</span>
            <span className="mt-1 block text-sm text-slate-700">
              Signed event deliveries to your CRM and other systems, with their logs.
            </span>
          </Link>
        </li>
      </ul>
      <p className="text-sm text-slate-800">
        <Link to="/admin/members?held=yes" className="font-medium text-brand-700 hover:underline">
          Held sign-ups waiting for approval: {held}
        </Link>
      </p>
      <nav aria-label="Moderation" className="text-sm text-slate-800">
        <h2 className="font-semibold">Moderation</h2>
        <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {[
            ['/moderation/audit', 'Audit log'],
            ['/moderation/deflection', 'Deflection'],
            ['/moderation/activity', 'Activity'],
            ['/moderation/knowledge', 'KB queue'],
            ['/staff/insights', 'Insights'],
            ['/staff/influencers', 'Hidden influencers'],
            ['/staff/customers', 'Customers'],
          ].map(([to, label]) => (
            <li key={to}>
              <Link to={to!} className="font-medium text-brand-700 hover:underline">
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
