import { slaTimer, statusLabel, reasonLabel } from './wording';

const STATUS_STYLES: Record<string, string> = {
  OPEN: 'bg-amber-50 text-amber-900 ring-amber-200',
  IN_PROGRESS: 'bg-sky-50 text-sky-800 ring-sky-200',
  WAITING_ON_CUSTOMER: 'bg-violet-50 text-violet-800 ring-violet-200',
  RESOLVED: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  CLOSED: 'bg-slate-100 text-slate-700 ring-slate-200',
};

const pill = 'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset';

/** An escalation's status as a coloured pill (the text says it; colour only helps). */
export function EscalationStatusBadge({ status }: { status: string }) {
  return (
    <span data-testid="escalation-status" className={`${pill} ${STATUS_STYLES[status] ?? STATUS_STYLES.CLOSED}`}>
      {statusLabel(status)}
    </span>
  );
}

/** Why it was escalated. */
export function ReasonBadge({ reason }: { reason: string }) {
  return <span className={`${pill} bg-slate-100 text-slate-700 ring-slate-200`}>{reasonLabel(reason)}</span>;
}

/**
 * The SLA timer: "due in 3 hours" or, highlighted, "overdue by 20 minutes" (the API's
 * `slaBreached` decides the highlight too, so a clock that is off cannot hide a breach); nothing
 * once the escalation is resolved or closed.
 */
export function SlaTimer({
  escalation,
}: {
  escalation: { slaDueAt?: string | null; slaBreached?: boolean | null; status: string };
}) {
  const timer = slaTimer(escalation);
  if (!timer) return null;
  const breached = timer.overdue || !!escalation.slaBreached;
  return (
    <span
      data-testid="sla-timer"
      data-breached={breached || undefined}
      className={
        breached
          ? `${pill} bg-red-50 font-semibold text-red-800 ring-red-200`
          : `${pill} bg-white text-slate-700 ring-slate-200`
      }
    >
      {breached && <span className="sr-only">SLA breached: </span>}
      <time dateTime={escalation.slaDueAt!} title={new Date(escalation.slaDueAt!).toUTCString()}>
        {timer.text}
      </time>
    </span>
  );
}
