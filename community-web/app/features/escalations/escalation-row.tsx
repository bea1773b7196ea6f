import { Link } from 'react-router';
import type { EscalationRowFieldsFragment } from '../../graphql/generated/graphql';
import { timeAgo } from '../forum/format';
import { EscalationStatusBadge, ReasonBadge, SlaTimer } from './badges';

/**
 * One escalation in the staff queue: the question (to the escalation's page), why and where it
 * stands, the SLA timer, the customer (only when staff may see customers and one is linked),
 * the CRM case, and the priority with its formula written out under the number.
 */
export function EscalationRow({ escalation: e }: { escalation: EscalationRowFieldsFragment }) {
  // A thread deleted since it was escalated: the escalation stays listed until someone closes it.
  const title = e.thread?.title ?? 'A deleted thread';
  return (
    <li
      id={`escalation-${e.id}`}
      className="rounded-lg border border-slate-200 bg-white p-4"
      data-testid="escalation-row"
    >
      <div className="flex items-start gap-4">
        <div className="min-w-0 flex-1">
          <h2 className="break-words text-base font-semibold">
            <Link to={`/staff/escalations/${e.id}`} className="text-slate-900 hover:text-brand-700 hover:underline">
              {title}
            </Link>
          </h2>
          <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <EscalationStatusBadge status={e.status} />
            <ReasonBadge reason={e.reason} />
            <SlaTimer escalation={e} />
            <span>
              escalated <time dateTime={e.createdAt}>{timeAgo(e.createdAt)}</time>
            </span>
          </div>
          <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-700">
            {e.customer && (
              <span data-testid="escalation-customer">
                Customer{' '}
                <Link to={`/staff/customers/${e.customer.id}`} className="font-medium text-brand-700 hover:underline">
                  {e.customer.name}
                </Link>
                {e.customer.segment && <span className="text-slate-600"> ({e.customer.segment})</span>}
              </span>
            )}
            {e.caseId && (
              <span>
                Case <code className="break-all">{e.caseId}</code>
              </span>
            )}
            {e.thread && (
              <Link to={`/t/${e.thread.id}`} className="text-brand-700 hover:underline">
                Open the thread<span className="sr-only">: {title}</span>
              </Link>
            )}
          </p>
        </div>
        <p className="shrink-0 text-right" data-testid="escalation-priority">
          <span className="block text-xs uppercase tracking-wide text-slate-600">Priority</span>
          <span className="text-2xl font-bold tabular-nums text-slate-900">{e.priority}</span>
        </p>
      </div>
      <p className="mt-2 break-words text-xs text-slate-600" data-testid="priority-explanation">
        {e.priorityExplanation}
      </p>
    </li>
  );
}
