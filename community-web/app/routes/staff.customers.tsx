import { data, Form, Link, redirect, useActionData, useLoaderData } from 'react-router';
import { FormMessage } from '../components/ui/field';
import { PageLinks } from '../components/ui/page-links';
import { CustomersQuery, LinkCustomerMutation } from '../features/customers/documents';
import { api, query } from '../graphql/client.server';
import { statusFor } from '../lib/form-errors';
import { sameOriginAction } from '../lib/same-origin.server';
import { readToken } from '../lib/session.server';
import type { Route } from './+types/staff.customers';

export const meta: Route.MetaFunction = () => [{ title: 'Customers · Hearth' }];

const HERE = '/staff/customers';

export async function loader({ request }: Route.LoaderArgs) {
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(HERE)}`);
  const params = new URL(request.url).searchParams;
  const search = params.get('q')?.trim().slice(0, 200) || null;
  const after = params.get('after');
  // FORBIDDEN (no customer permission) is the page's 403.
  const { data: result, headers } = await query(request, CustomersQuery, { search, after });
  return data({ ...result, search, paged: after !== null }, { headers });
}

/** One click on an ambiguous match links its member to the customer chosen. */
export const action = sameOriginAction(async ({ request }: Route.ActionArgs) => {
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(HERE)}`);
  const form = await request.formData();
  const memberId = String(form.get('memberId') ?? '');
  const customerId = String(form.get('customerId') ?? '');
  const res = await api(request, LinkCustomerMutation, { input: { customerId, memberId } });
  if (res.error) return data({ memberId, message: res.error.message }, { status: statusFor(res.error) });
  throw redirect(`/staff/customers/${customerId}`);
});

/**
 * Staff with the customer permission: the CRM's customers (search by name, external id or
 * email; newest first, a page at a time) and the members whose verified email two or more
 * customers share, which Hearth never guesses: one click links each to the right one.
 */
export default function StaffCustomers() {
  const { customers, ambiguousCustomerMatches, search, paged } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const matches = ambiguousCustomerMatches.edges.map((e) => e.node);
  const href = (after: string | null) => {
    const params = new URLSearchParams();
    if (search) params.set('q', search);
    if (after) params.set('after', after);
    const qs = params.toString();
    return qs ? `${HERE}?${qs}` : HERE;
  };
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600">Staff only</p>
        <h1 className="text-2xl font-bold">Customers</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Records from the CRM. Members are linked by a verified email when exactly one customer has it; staff link the
          rest by hand.
        </p>
      </div>

      <section
        aria-labelledby="ambiguous-heading"
        className="rounded-lg border border-amber-200 bg-amber-50 p-4"
        data-testid="ambiguous-matches"
      >
        <h2 id="ambiguous-heading" className="text-lg font-semibold">
          Ambiguous matches
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          Members whose verified email two or more customers share. Choose the customer each belongs to.
        </p>
        <FormMessage message={failure?.message} />
        {matches.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">None waiting.</p>
        ) : (
          <ul className="mt-2 divide-y divide-amber-200">
            {matches.map((m) =>
              m.member ? (
                <li key={m.member.id} className="py-2 text-sm" data-testid={`ambiguous-${m.member.handle}`}>
                  <p>
                    <Link to={`/u/${m.member.handle}`} className="font-medium text-brand-700 hover:underline">
                      @{m.member.handle}
                    </Link>{' '}
                    <span className="text-slate-700">({m.email})</span>
                  </p>
                  <div className="mt-1 flex flex-wrap gap-2">
                    {m.customers.map((c) => (
                      <Form method="post" key={c.id}>
                        <input type="hidden" name="memberId" value={m.member!.id} />
                        <input type="hidden" name="customerId" value={c.id} />
                        <button
                          type="submit"
                          className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50"
                        >
                          Link to {c.company ?? c.name} ({c.externalId})
                        </button>
                      </Form>
                    ))}
                  </div>
                </li>
              ) : null,
            )}
          </ul>
        )}
      </section>

      <section aria-labelledby="list-heading" className="space-y-3">
        <h2 id="list-heading" className="text-lg font-semibold">
          All customers
        </h2>
        <Form method="get" role="search" className="flex flex-wrap items-end gap-2">
          <label className="text-sm font-medium text-slate-700">
            Name, CRM id or email
            <input
              type="search"
              name="q"
              defaultValue={search ?? ''}
              maxLength={200}
              className="mt-1 block w-72 max-w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm"
            />
          </label>
          <button
            type="submit"
            className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800"
          >
            Search
          </button>
        </Form>
        {customers.edges.length === 0 ? (
          <p className="text-sm text-slate-600">{search ? `No customer matches “${search}”.` : 'No customers yet.'}</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="customers">
            {customers.edges.map(({ node: c }) => (
              <li key={c.id} className="flex flex-wrap items-baseline gap-x-3 px-4 py-2 text-sm">
                <Link to={`/staff/customers/${c.id}`} className="font-medium text-brand-700 hover:underline">
                  {c.name}
                </Link>
                <span className="text-slate-600">
                  {c.company && <>{c.company} · </>}
                  <code className="text-xs">{c.externalId}</code>
                  {c.segment && <> · {c.segment}</>}
                </span>
                <span className="ml-auto text-slate-600">
                  {c.members.length} {c.members.length === 1 ? 'member' : 'members'}
                </span>
              </li>
            ))}
          </ul>
        )}
        <PageLinks pageInfo={customers.pageInfo} href={href} paged={paged} label="Customer pages" />
      </section>
    </div>
  );
}
