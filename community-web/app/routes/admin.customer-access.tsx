import { data, Form, Link, redirect, useActionData, useLoaderData } from 'react-router';
import { FormMessage } from '../components/ui/field';
import {
  CustomerAccessGrantsQuery,
  GrantCustomerAccessMutation,
  MemberIdQuery,
  RevokeCustomerAccessMutation,
} from '../features/customers/documents';
import { timeAgo } from '../features/forum/format';
import { api, query } from '../graphql/client.server';
import { statusFor } from '../lib/form-errors';
import { sameOriginAction } from '../lib/same-origin.server';
import { readToken } from '../lib/session.server';
import type { Route } from './+types/admin.customer-access';

export const meta: Route.MetaFunction = () => [{ title: 'Customer access · Admin · Hearth' }];

const HERE = '/admin/customer-access';

export async function loader({ request }: Route.LoaderArgs) {
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(HERE)}`);
  const { data: result, headers } = await query(request, CustomerAccessGrantsQuery, {});
  return data(result, { headers });
}

export const action = sameOriginAction(async ({ request }: Route.ActionArgs) => {
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(HERE)}`);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  if (intent === 'revoke') {
    const res = await api(request, RevokeCustomerAccessMutation, { memberId: String(form.get('memberId') ?? '') });
    if (res.error) return data({ message: res.error.message }, { status: statusFor(res.error) });
    throw redirect(HERE);
  }
  const handle = String(form.get('handle') ?? '')
    .trim()
    .replace(/^@/, '');
  const found = handle ? await api(request, MemberIdQuery, { handle }) : null;
  const member = found?.data?.member;
  if (!member) return data({ message: `No member has the handle “${handle}”.` }, { status: 400 });
  const res = await api(request, GrantCustomerAccessMutation, { memberId: member.id });
  if (res.error) return data({ message: res.error.message }, { status: statusFor(res.error) });
  throw redirect(HERE);
});

/**
 * Administrators choose which moderators may read customer records (the 360 view, the customer
 * list, a member's customer line). Administrators have it already; members never do.
 */
export default function AdminCustomerAccess() {
  const { customerAccessGrants: grants } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to="/admin" className="text-brand-700 hover:underline">
            Admin
          </Link>{' '}
          / Customer access
        </p>
        <h1 className="mt-1 text-2xl font-bold">Customer access</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Moderators listed here read customer records: the{' '}
          <Link to="/staff/customers" className="text-brand-700 underline">
            customers
          </Link>
          , their 360 views and each member’s customer. Granting and revoking are recorded in the audit log.
        </p>
      </div>
      <Form method="post" className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-4">
        <input type="hidden" name="intent" value="grant" />
        <label className="text-sm font-medium text-slate-700">
          Moderator’s handle
          <input
            name="handle"
            required
            maxLength={21}
            autoComplete="off"
            className="mt-1 block w-56 max-w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm"
          />
        </label>
        <button
          type="submit"
          className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800"
        >
          Grant access
        </button>
      </Form>
      <FormMessage message={failure?.message} />
      <section aria-labelledby="grants-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="grants-heading" className="text-lg font-semibold">
          Moderators with access
        </h2>
        {grants.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No moderator has customer access: only administrators.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-200" data-testid="customer-access-grants">
            {grants.map((g) =>
              g.member ? (
                <li key={g.member.id} className="flex flex-wrap items-center gap-3 py-2 text-sm">
                  <Link to={`/u/${g.member.handle}`} className="font-medium text-brand-700 hover:underline">
                    @{g.member.handle}
                  </Link>
                  <span className="text-slate-600">
                    granted{g.grantedBy ? ` by @${g.grantedBy.handle}` : ''}{' '}
                    <time dateTime={g.grantedAt}>{timeAgo(g.grantedAt)}</time>
                  </span>
                  <Form method="post" className="ml-auto">
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="memberId" value={g.member.id} />
                    <button
                      type="submit"
                      className="rounded-md px-2 py-1 text-sm font-medium text-red-700 hover:bg-red-50"
                    >
                      Revoke<span className="sr-only"> @{g.member.handle}</span>
                    </button>
                  </Form>
                </li>
              ) : null,
            )}
          </ul>
        )}
      </section>
    </div>
  );
}
