import { data, Form, Link, redirect, useActionData, useLoaderData, useNavigation } from 'react-router';
import { Button, FormMessage } from '../components/ui/field';
import { formatMoney } from '../features/customers/wording';
import { EscalationStatusBadge, ReasonBadge, SlaTimer } from '../features/escalations/badges';
import {
  EscalationPageQuery,
  PostEscalationResolutionMutation,
  SetEscalationStatusMutation,
} from '../features/escalations/documents';
import { excerpt, REASON_HINT, STATUS_HINT, STATUS_LABEL, STATUSES } from '../features/escalations/wording';
import { timeAgo } from '../features/forum/format';
import { formatCount } from '../lib/plural';
import { KindBadge, SolvedMark, Snippet } from '../features/search/search-hit';
import { api, query } from '../graphql/client.server';
import type { EscalationStatus } from '../graphql/generated/graphql';
import { formErrors, statusFor } from '../lib/form-errors';
import { isIdParam, notFound, routeParam } from '../lib/route-params';
import { sameOriginAction } from '../lib/same-origin.server';
import { readToken } from '../lib/session.server';
import type { Route } from './+types/staff.escalation';

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data?.escalation?.thread?.title ?? 'Escalation'} · Escalations · Hearth` },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const id = routeParam(params.id, isIdParam);
  const here = `/staff/escalations/${id}`;
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(here)}`);
  const { data: result, headers } = await query(request, EscalationPageQuery, { id }, { routeParams: ['id'] });
  if (!result.escalation) throw notFound();
  return data({ escalation: result.escalation }, { headers });
}

/** Staff set the status (with an optional note) or post the resolution into the thread as their answer. */
export const action = sameOriginAction(async ({ request, params }: Route.ActionArgs) => {
  const id = routeParam(params.id, isIdParam);
  const here = `/staff/escalations/${id}`;
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(here)}`);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const text = (name: string) => String(form.get(name) ?? '').trim();
  if (intent === 'status') {
    const res = await api(request, SetEscalationStatusMutation, {
      input: { id, status: text('status') as EscalationStatus, note: text('note') || null },
    });
    if (res.error) return data({ intent, ...formErrors(res.error) }, { status: statusFor(res.error) });
    throw redirect(`${here}#status-heading`);
  }
  if (intent === 'resolve') {
    const res = await api(request, PostEscalationResolutionMutation, { input: { id, body: text('body') } });
    if (res.error) return data({ intent, ...formErrors(res.error) }, { status: statusFor(res.error) });
    throw redirect(`${here}#resolution-heading`);
  }
  return data({ intent, form: 'Unknown action.', fields: {} as Record<string, string> }, { status: 400 });
});

const card = 'rounded-lg border border-slate-200 bg-white p-4';
const dateTime = (iso: string) =>
  new Date(iso).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';

/**
 * One escalation, for the agent who works it: the question and who asked, the customer, the
 * priority with its parts, the SLA and the CRM's case; the status controls; the articles and
 * solved threads most like the question, so the work starts from a known answer; and the
 * resolution, posted into the thread as the agent's answer (the asker can accept it).
 */
export default function EscalationPage() {
  const { escalation: e } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = (intent: string) => navigation.state !== 'idle' && navigation.formData?.get('intent') === intent;
  const statusErrors = failed?.intent === 'status' ? failed : null;
  const resolveErrors = failed?.intent === 'resolve' ? failed : null;
  const thread = e.thread;
  const asker = thread?.question.author?.handle;
  return (
    <div className="space-y-6">
      <div>
        <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
          <Link to="/staff/escalations" className="text-brand-700 hover:underline">
            Escalations
          </Link>
        </nav>
        <h1 className="mt-1 break-words text-2xl font-bold" data-testid="escalation-title">
          {thread?.title ?? 'A deleted thread'}
        </h1>
        <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <EscalationStatusBadge status={e.status} />
          <ReasonBadge reason={e.reason} />
          <SlaTimer escalation={e} />
          <span>
            escalated <time dateTime={e.createdAt}>{timeAgo(e.createdAt)}</time>
            {e.requestedBy ? ` by @${e.requestedBy.handle}` : ` automatically: ${REASON_HINT[e.reason] ?? e.reason}`}
          </span>
        </div>
      </div>

      <div className="grid gap-4 md:grid-cols-3">
        <section aria-labelledby="question-heading" className={`${card} min-w-0 md:col-span-2`}>
          <h2 id="question-heading" className="text-lg font-semibold">
            The question
          </h2>
          {thread ? (
            <>
              <p className="mt-1 text-sm text-slate-600">
                Asked by {asker ? `@${asker}` : 'a former member'}{' '}
                <time dateTime={thread.createdAt}>{timeAgo(thread.createdAt)}</time> ·{' '}
                {formatCount(thread.replyCount, 'reply', 'replies')}
              </p>
              <blockquote
                className="mt-2 whitespace-pre-line break-words border-l-4 border-slate-200 pl-3 text-sm text-slate-800"
                data-testid="escalation-question"
              >
                {excerpt(thread.question.body)}
              </blockquote>
            </>
          ) : (
            <p className="mt-1 text-sm text-slate-600">The thread was deleted after it was escalated.</p>
          )}
          {e.note && (
            <p className="mt-2 break-words text-sm text-slate-800" data-testid="escalation-note">
              <span className="font-medium">Why they asked for staff:</span> {e.note}
            </p>
          )}
          {thread && (
            <p className="mt-3 text-sm">
              <Link to={`/t/${thread.id}`} className="font-medium text-brand-700 hover:underline">
                Open the thread →
              </Link>
            </p>
          )}
        </section>

        <section aria-labelledby="customer-heading" className={`${card} min-w-0`} data-testid="escalation-customer">
          <h2 id="customer-heading" className="text-lg font-semibold">
            Customer
          </h2>
          {e.customer ? (
            <dl className="mt-2 space-y-1 text-sm">
              <div>
                <dt className="sr-only">Name</dt>
                <dd>
                  <Link to={`/staff/customers/${e.customer.id}`} className="font-medium text-brand-700 hover:underline">
                    {e.customer.name}
                  </Link>
                  {e.customer.company && <span className="text-slate-600"> · {e.customer.company}</span>}
                </dd>
              </div>
              <div className="flex gap-1">
                <dt className="text-slate-600">Segment</dt>
                <dd className="text-slate-900">{e.customer.segment ?? '—'}</dd>
              </div>
              <div className="flex gap-1">
                <dt className="text-slate-600">Lifetime value</dt>
                <dd className="text-slate-900">
                  {e.customer.lifetimeValueCents != null && e.customer.currency
                    ? formatMoney(e.customer.lifetimeValueCents, e.customer.currency)
                    : '—'}
                </dd>
              </div>
            </dl>
          ) : (
            <p className="mt-1 text-sm text-slate-600">No customer record is linked to the asker (or yours to see).</p>
          )}
        </section>
      </div>

      <div className="grid gap-4 md:grid-cols-3">
        <section aria-labelledby="priority-heading" className={`${card} min-w-0 md:col-span-2`}>
          <h2 id="priority-heading" className="text-lg font-semibold">
            Priority <span className="tabular-nums">{e.priority}</span>
          </h2>
          <p className="mt-1 break-words text-sm text-slate-700" data-testid="priority-explanation">
            {e.priorityExplanation}
          </p>
          {e.priorityParts && e.priorityParts.length > 0 && (
            <div className="mt-3 overflow-x-auto">
              <table className="w-full text-sm">
                <caption className="sr-only">Parts of the priority</caption>
                <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-600">
                  <tr>
                    <th scope="col" className="px-3 py-2 font-semibold">
                      Part
                    </th>
                    <th scope="col" className="px-3 py-2 text-right font-semibold">
                      Points
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {e.priorityParts.map((p) => (
                    <tr key={p.name}>
                      <th scope="row" className="px-3 py-2 text-left font-normal">
                        <span className="font-medium capitalize text-slate-900">{p.name}</span>
                        {p.detail && <span className="block break-words text-xs text-slate-600">{p.detail}</span>}
                      </th>
                      <td className="px-3 py-2 text-right align-top font-medium tabular-nums">{p.points}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>

        <section aria-labelledby="case-heading" className={`${card} min-w-0`} data-testid="escalation-case">
          <h2 id="case-heading" className="text-lg font-semibold">
            SLA and case
          </h2>
          <dl className="mt-2 space-y-1 text-sm">
            <div>
              <dt className="text-slate-600">Due</dt>
              <dd className="text-slate-900">
                {e.slaDueAt ? dateTime(e.slaDueAt) : '—'} <SlaTimer escalation={e} />
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">CRM case</dt>
              <dd className="break-all text-slate-900">
                {e.caseId ? (
                  e.caseUrl ? (
                    <a href={e.caseUrl} className="font-medium text-brand-700 hover:underline" rel="noreferrer">
                      {e.caseId}
                    </a>
                  ) : (
                    <code>{e.caseId}</code>
                  )
                ) : (
                  'Not yet recorded by the CRM'
                )}
                {e.caseStatus && <span className="text-slate-600"> ({e.caseStatus})</span>}
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">Last change</dt>
              <dd className="text-slate-900">
                <time dateTime={e.updatedAt}>{timeAgo(e.updatedAt)}</time>
              </dd>
            </div>
          </dl>
        </section>
      </div>

      <section aria-labelledby="status-heading" className={card}>
        <h2 id="status-heading" className="text-lg font-semibold">
          Status
        </h2>
        <Form method="post" className="mt-2 space-y-3">
          <input type="hidden" name="intent" value="status" />
          <fieldset>
            <legend className="text-sm font-medium text-slate-700">Set the status</legend>
            <div className="mt-1 grid gap-2 sm:grid-cols-2">
              {STATUSES.map((s) => (
                <label key={s} className="flex items-start gap-2 text-sm text-slate-800">
                  <input type="radio" name="status" value={s} defaultChecked={e.status === s} className="mt-1" />
                  <span>
                    <span className="font-medium">{STATUS_LABEL[s]}</span>
                    <span className="block text-slate-600">{STATUS_HINT[s]}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <label className="block text-sm font-medium text-slate-700">
            Note (optional, kept in the audit log)
            <input
              name="note"
              maxLength={500}
              className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
            />
          </label>
          <FormMessage message={statusErrors?.form ?? Object.values(statusErrors?.fields ?? {})[0]} />
          <Button type="submit" disabled={busy('status')}>
            {busy('status') ? 'Saving…' : 'Save status'}
          </Button>
        </Form>
      </section>

      <section aria-labelledby="similar-heading" className={card} data-testid="escalation-similar">
        <h2 id="similar-heading" className="text-lg font-semibold">
          Known answers
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Articles and solved threads most like this question: start from one of them.
        </p>
        {e.similar.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">Nothing similar is published or solved yet.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100">
            {e.similar.map((hit) => (
              <li key={hit.url} className="py-2" data-testid="similar-item">
                <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <KindBadge kind={hit.kind} />
                  <Link to={hit.url} className="min-w-0 break-words font-medium text-brand-700 hover:underline">
                    {hit.title}
                  </Link>
                  <SolvedMark status={hit.thread?.status} />
                </div>
                <Snippet html={hit.snippetHtml} className="mt-1 break-words text-sm text-slate-700" />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="resolution-heading" className={card}>
        <h2 id="resolution-heading" className="text-lg font-semibold">
          Resolution
        </h2>
        {e.resolutionPost && thread ? (
          <p className="mt-2 text-sm text-slate-800" data-testid="resolution-posted">
            The resolution is posted in the thread as an answer.{' '}
            <Link
              to={`/t/${thread.id}#post-${e.resolutionPost.id}`}
              className="font-medium text-brand-700 hover:underline"
            >
              Read it
            </Link>
          </p>
        ) : (
          <Form method="post" className="mt-2 space-y-3">
            <input type="hidden" name="intent" value="resolve" />
            <label className="block text-sm font-medium text-slate-700">
              Answer to post in the thread, as you (markdown)
              <textarea
                name="body"
                required
                rows={6}
                defaultValue={e.resolution ?? ''}
                aria-describedby="resolution-hint"
                aria-invalid={resolveErrors?.fields.body ? true : undefined}
                className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm"
              />
            </label>
            <p id="resolution-hint" className="text-xs text-slate-600">
              {e.resolution
                ? 'Prefilled with the resolution the CRM sent. '
                : 'The CRM has sent no resolution yet: write the answer. '}
              It is posted as an ordinary answer the asker can accept, and the escalation is marked resolved.
            </p>
            <FormMessage message={resolveErrors?.form ?? resolveErrors?.fields.body} />
            <Button type="submit" disabled={busy('resolve')}>
              {busy('resolve') ? 'Posting…' : 'Post resolution as answer'}
            </Button>
          </Form>
        )}
      </section>
    </div>
  );
}
