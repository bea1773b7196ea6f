import { data, Form, Link, redirect, useActionData, useLoaderData } from 'react-router';
import { Avatar } from '../components/ui/avatar';
import { ConfirmButton, ConfirmStep, isConfirmed, type ConfirmText } from '../components/ui/confirm';
import { FormMessage } from '../components/ui/field';
import { PageLinks } from '../components/ui/page-links';
import { CustomerSignalsPanel } from '../features/customers/customer-signals';
import {
  CustomerViewQuery,
  LinkCustomerMutation,
  MemberIdQuery,
  UnlinkCustomerMutation,
} from '../features/customers/documents';
import { formatMoney, THREAD_STATUS_LABEL, TIMELINE_WORDING } from '../features/customers/wording';
import { timeAgo } from '../features/forum/format';
import { api, query } from '../graphql/client.server';
import { statusFor } from '../lib/form-errors';
import { sameOriginAction } from '../lib/same-origin.server';
import { isIdParam, notFound, routeParam } from '../lib/route-params';
import { readToken } from '../lib/session.server';
import type { Route } from './+types/staff.customer';

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data?.customer?.name ?? 'Customer'} · Customers · Hearth` },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const id = routeParam(params.id, isIdParam);
  const here = `/staff/customers/${id}`;
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(here)}`);
  const after = new URL(request.url).searchParams.get('after');
  // FORBIDDEN (no customer permission) is the page's 403; an unknown id its 404.
  const { data } = await query(request, CustomerViewQuery, { id, after }, { routeParams: ['id'] });
  if (!data.customer) throw notFound();
  return { customer: data.customer, paged: after !== null, here };
}

/** Staff unlink a member (asked first; without JavaScript the page answers with a confirmation step). */
export const action = sameOriginAction(async ({ request, params }: Route.ActionArgs) => {
  const customerId = routeParam(params.id, isIdParam);
  const here = `/staff/customers/${customerId}`;
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(here)}`);
  const form = await request.formData();
  if (form.get('intent') === 'link') {
    // Staff link a member by handle.
    const handle = String(form.get('handle') ?? '')
      .trim()
      .replace(/^@/, '');
    const found = handle ? await api(request, MemberIdQuery, { handle }) : null;
    const member = found?.data?.member;
    if (!member) {
      return data(
        { confirmMemberId: null, message: null, linkError: `No member has the handle “${handle}”.` },
        { status: 400 },
      );
    }
    const res = await api(request, LinkCustomerMutation, { input: { customerId, memberId: member.id } });
    if (res.error) {
      return data(
        { confirmMemberId: null, message: null, linkError: res.error.message },
        { status: statusFor(res.error) },
      );
    }
    throw redirect(here);
  }
  const memberId = String(form.get('memberId') ?? '');
  if (!isConfirmed(form)) return { confirmMemberId: memberId, message: null, linkError: null };
  const res = await api(request, UnlinkCustomerMutation, { input: { customerId, memberId } });
  if (res.error) {
    return data(
      { confirmMemberId: null, message: res.error.message, linkError: null },
      { status: statusFor(res.error) },
    );
  }
  throw redirect(here);
});

const unlinkText = (handle: string): ConfirmText => ({
  title: `Unlink @${handle} from this customer?`,
  description:
    'Their activity leaves this customer’s view, and their verified email will not link them to it again. Linking them by hand undoes it.',
  confirmLabel: 'Yes, unlink',
});

/** The absolute time behind a relative one (the `<time>`'s title), in UTC so server and browser agree. */
const exactTime = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';

const dateOnly = (iso: string) =>
  new Date(iso).toLocaleDateString('en', { year: 'numeric', month: 'short', day: 'numeric' });

/**
 * The customer 360 view for staff with the customer permission: the CRM record, the members
 * linked to it, what they did in the community (newest first) and their questions still waiting.
 */
export default function StaffCustomer() {
  const { customer, paged, here } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const open = customer.signals.openIssues;
  const items = customer.timeline.edges.map((e) => e.node);
  const handles = Object.entries(customer.socialHandles as Record<string, unknown>).map(([k, v]) => [k, String(v)]);
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to="/staff/customers" className="text-brand-700 underline">
            Customers
          </Link>{' '}
          (staff only)
        </p>
        <h1 className="text-2xl font-bold" data-testid="customer-name">
          {customer.name}
        </h1>
        <p className="text-sm text-slate-600">
          {customer.company && <span>{customer.company} · </span>}
          CRM id <code data-testid="customer-external-id">{customer.externalId}</code> · CRM record of{' '}
          {dateOnly(customer.crmUpdatedAt)}
        </p>
      </div>

      <div className="grid gap-4 md:grid-cols-3">
        <section
          aria-labelledby="record-heading"
          className="rounded-lg border border-slate-200 bg-white p-4 md:col-span-2"
        >
          <h2 id="record-heading" className="text-lg font-semibold">
            Record
          </h2>
          <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
            <div>
              <dt className="font-medium text-slate-700">Segment</dt>
              <dd className="text-slate-900">{customer.segment ?? '—'}</dd>
            </div>
            <div>
              <dt className="font-medium text-slate-700">Lifetime value</dt>
              <dd className="text-slate-900">
                {customer.lifetimeValueCents != null && customer.currency
                  ? formatMoney(customer.lifetimeValueCents, customer.currency)
                  : '—'}
              </dd>
            </div>
            <div>
              <dt className="font-medium text-slate-700">Emails</dt>
              <dd className="text-slate-900">{customer.emails.length ? customer.emails.join(', ') : '—'}</dd>
            </div>
            <div>
              <dt className="font-medium text-slate-700">Consent</dt>
              <dd className="text-slate-900">
                Email {customer.consent.email ? 'yes' : 'no'} · analytics {customer.consent.analytics ? 'yes' : 'no'}
              </dd>
            </div>
            <div>
              <dt className="font-medium text-slate-700">Products</dt>
              <dd className="text-slate-900">
                {customer.products.length
                  ? customer.products.map((p) => `${p.name}${p.version ? ` ${p.version}` : ''} (${p.sku})`).join(', ')
                  : '—'}
              </dd>
            </div>
            <div>
              <dt className="font-medium text-slate-700">Social</dt>
              <dd className="text-slate-900">
                {handles.length ? handles.map(([network, handle]) => `${network}: ${handle}`).join(', ') : '—'}
              </dd>
            </div>
          </dl>
        </section>

        <section
          aria-labelledby="open-heading"
          className="rounded-lg border border-slate-200 bg-white p-4"
          data-testid="open-issues"
        >
          <h2 id="open-heading" className="text-lg font-semibold">
            Open issues
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            <span className="text-2xl font-bold text-slate-900">{open.unresolvedQuestions}</span> unresolved{' '}
            {open.unresolvedQuestions === 1 ? 'question' : 'questions'}
          </p>
          {open.oldestWaitingSince && (
            <p className="text-sm text-slate-600">
              Oldest waiting since <time dateTime={open.oldestWaitingSince}>{timeAgo(open.oldestWaitingSince)}</time>
            </p>
          )}
          {open.threads.length > 0 && (
            <ul className="mt-2 space-y-1 text-sm">
              {open.threads.map((t) => (
                <li key={t.id}>
                  <Link to={`/t/${t.id}`} className="text-brand-700 hover:underline">
                    {t.title}
                  </Link>{' '}
                  <span className="text-slate-600">
                    · {t.replyCount} {t.replyCount === 1 ? 'reply' : 'replies'}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <CustomerSignalsPanel influence={customer.signals.influence} sentiment={customer.signals.sentiment} />

      <section aria-labelledby="members-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="members-heading" className="text-lg font-semibold">
          Linked members
        </h2>
        <FormMessage message={result?.message} />
        {customer.memberLinks.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">No member is linked to this customer yet.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-200" data-testid="linked-members">
            {customer.memberLinks.map((link) =>
              link.member ? (
                <li key={link.member.id} className="flex flex-wrap items-center gap-3 py-2 text-sm">
                  <Avatar url={link.member.avatarUrl} size={32} />
                  <Link to={`/u/${link.member.handle}`} className="font-medium text-brand-700 hover:underline">
                    @{link.member.handle}
                  </Link>
                  <span className="text-slate-600">
                    {link.how === 'EMAIL'
                      ? 'linked by verified email'
                      : `linked by ${link.linkedBy ? `@${link.linkedBy.handle}` : 'staff'}`}{' '}
                    on {dateOnly(link.linkedAt)}
                  </span>
                  <Form method="post" className="ml-auto">
                    <input type="hidden" name="memberId" value={link.member.id} />
                    <ConfirmButton
                      text={unlinkText(link.member.handle)}
                      className="rounded-md px-2 py-1 text-sm font-medium text-red-700 hover:bg-red-50"
                    >
                      Unlink<span className="sr-only"> @{link.member.handle}</span>
                    </ConfirmButton>
                  </Form>
                  {result?.confirmMemberId === link.member.id && (
                    <div className="w-full">
                      <ConfirmStep
                        text={unlinkText(link.member.handle)}
                        fields={{ memberId: link.member.id }}
                        cancelTo={here}
                      />
                    </div>
                  )}
                </li>
              ) : null,
            )}
          </ul>
        )}
        <Form method="post" className="mt-3 flex flex-wrap items-end gap-2 border-t border-slate-200 pt-3">
          <input type="hidden" name="intent" value="link" />
          <label className="text-sm font-medium text-slate-700">
            Link a member by handle
            <input
              name="handle"
              required
              maxLength={21}
              autoComplete="off"
              placeholder="@handle"
              className="mt-1 block w-56 max-w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm"
            />
          </label>
          <button
            type="submit"
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold text-slate-800 hover:bg-slate-50"
          >
            Link member
          </button>
        </Form>
        <FormMessage message={result?.linkError} />
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading" className="mb-3 text-lg font-semibold">
          Community timeline
        </h2>
        {items.length === 0 && <p className="text-sm text-slate-600">No community activity yet.</p>}
        {items.length > 0 && (
          <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {items.map((item) => (
              <li
                key={item.id}
                className="flex flex-wrap items-baseline gap-x-2 px-4 py-3 text-sm"
                data-testid="timeline-item"
              >
                <span className="font-medium text-slate-900">@{item.member?.handle ?? 'someone'}</span>
                <span className="text-slate-700">{TIMELINE_WORDING[item.kind]}</span>
                {item.badgeName && <span className="font-medium text-slate-900">{item.badgeName}</span>}
                {item.sanctionKind && (
                  <span className="font-medium text-slate-900">
                    ({item.sanctionKind === 'SUSPEND' ? 'suspended' : 'silenced'})
                  </span>
                )}
                {item.threadId && item.title ? (
                  <Link to={`/t/${item.threadId}`} className="text-brand-700 hover:underline">
                    {item.title}
                  </Link>
                ) : item.articleId && item.title ? (
                  <Link to={`/kb/${item.articleId}`} className="text-brand-700 hover:underline">
                    {item.title}
                  </Link>
                ) : null}
                {item.threadStatus && (
                  <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">
                    {THREAD_STATUS_LABEL[item.threadStatus] ?? item.threadStatus}
                  </span>
                )}
                {item.detail && <span className="text-slate-600">({item.detail})</span>}
                <time
                  dateTime={item.occurredAt}
                  title={exactTime(item.occurredAt)}
                  className="ml-auto text-xs text-slate-600"
                >
                  {timeAgo(item.occurredAt)}
                </time>
              </li>
            ))}
          </ol>
        )}
        <PageLinks
          pageInfo={customer.timeline.pageInfo}
          href={(after) => (after ? `${here}?after=${encodeURIComponent(after)}` : here)}
          paged={paged}
          label="Timeline pages"
        />
      </section>
    </div>
  );
}
