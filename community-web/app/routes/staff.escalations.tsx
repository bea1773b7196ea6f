import { data, Form, Link, redirect, useLoaderData } from 'react-router';
import { PageLinks } from '../components/ui/page-links';
import { EscalationQueueQuery } from '../features/escalations/documents';
import { EscalationRow } from '../features/escalations/escalation-row';
import { ACTIVE_STATUSES, STATUS_LABEL, STATUSES } from '../features/escalations/wording';
import { query } from '../graphql/client.server';
import type { EscalationStatus } from '../graphql/generated/graphql';
import { readToken } from '../lib/session.server';
import type { Route } from './+types/staff.escalations';

export const meta: Route.MetaFunction = () => [{ title: 'Escalations · Hearth' }];

const HERE = '/staff/escalations';

/** The filter as the URL gives it (GET parameters, so it works without JavaScript): still open by default. */
export function filterOf(params: URLSearchParams) {
  const status = params.get('status') ?? 'active';
  return {
    status: status === 'all' || (STATUSES as readonly string[]).includes(status) ? status : 'active',
    breached: params.get('breached') === 'yes',
  };
}

const statusesFor = (status: string): EscalationStatus[] | null =>
  status === 'all' ? null : ((status === 'active' ? ACTIVE_STATUSES : [status]) as EscalationStatus[]);

export async function loader({ request }: Route.LoaderArgs) {
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(HERE)}`);
  const params = new URL(request.url).searchParams;
  const filter = filterOf(params);
  const { data: result, headers } = await query(request, EscalationQueueQuery, {
    filter: { status: statusesFor(filter.status), breached: filter.breached || null },
    after: params.get('after'),
  });
  return data({ escalations: result.escalations, filter, paged: params.has('after') }, { headers });
}

const inputClass = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm';

/**
 * Staff (moderators and administrators): the escalation queue as the API orders it, advocates'
 * first, then by priority, each with its priority's formula, its SLA timer, the customer and the
 * CRM case. Filter by status and by breached SLA; "Next page" continues the queue.
 */
export default function EscalationQueue() {
  const { escalations, filter, paged } = useLoaderData<typeof loader>();
  const rows = escalations.edges.map((e) => e.node);
  const href = (after: string | null) => {
    const params = new URLSearchParams();
    if (filter.status !== 'active') params.set('status', filter.status);
    if (filter.breached) params.set('breached', 'yes');
    if (after) params.set('after', after);
    const search = params.toString();
    return search ? `?${search}` : HERE;
  };
  const filtered = filter.status !== 'active' || filter.breached;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold">Escalations</h1>
        <p className="mt-1 text-sm text-slate-600">
          Questions handed to the support team: asked for (“needs staff”), unanswered past their category’s target, or
          strongly negative and urgent from a valuable customer. Advocates’ come first, then the highest priority.
        </p>
      </div>
      <Form
        method="get"
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
        aria-label="Filter escalations"
      >
        <label className="min-w-[12rem] text-sm font-medium text-slate-700">
          Status
          <select name="status" defaultValue={filter.status} className={inputClass}>
            <option value="active">Still open (open, in progress, waiting)</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
            <option value="all">All</option>
          </select>
        </label>
        <label className="flex items-center gap-2 py-2 text-sm font-medium text-slate-700">
          <input type="checkbox" name="breached" value="yes" defaultChecked={filter.breached} />
          Past their SLA only
        </label>
        <button
          type="submit"
          className="rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700"
        >
          Filter
        </button>
        {filtered && (
          <Link to={HERE} className="py-2 text-sm font-medium text-brand-700 hover:underline">
            Clear
          </Link>
        )}
      </Form>
      {rows.length === 0 ? (
        <p
          className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600"
          data-testid="escalations-empty"
        >
          {filtered ? 'No escalation matches this filter.' : 'Nothing is escalated: every question is in hand.'}
        </p>
      ) : (
        <ol className="space-y-3" aria-label="Escalation queue">
          {rows.map((row) => (
            <EscalationRow key={row.id} escalation={row} />
          ))}
        </ol>
      )}
      <PageLinks pageInfo={escalations.pageInfo} href={href} paged={paged} label="Escalation queue pages" />
    </div>
  );
}
