import { Form, Link, useNavigation } from 'react-router';
import { Button, FormMessage } from '../../components/ui/field';
import { timeAgo } from '../forum/format';
import { ACTIVE_STATUSES, BANNER } from './wording';

const TONES = {
  waiting: 'border-amber-200 bg-amber-50 text-amber-950',
  working: 'border-sky-200 bg-sky-50 text-sky-950',
  done: 'border-emerald-200 bg-emerald-50 text-emerald-950',
} as const;

export interface ThreadEscalation {
  id: string;
  status: string;
  caseStatus?: string | null;
  createdAt: string;
}

/** True while the escalation is still being worked (no second "Needs staff" then). */
export const isActive = (escalation: ThreadEscalation | null | undefined) =>
  !!escalation && ACTIVE_STATUSES.includes(escalation.status);

/**
 * Where the support team stands on this question, for its asker and staff (the API gives the
 * escalation to nobody else): "Waiting for staff", "A support agent is on it", "Resolved by
 * support"… The thread page reloads its data on the live stream's ESCALATION_CHANGED, so the
 * banner changes while the asker watches. Staff also get a link to the escalation's page.
 */
export function EscalationBanner({ escalation, staff }: { escalation: ThreadEscalation; staff: boolean }) {
  const words = BANNER[escalation.status] ?? BANNER.OPEN!;
  return (
    <div
      className={`rounded-lg border px-4 py-3 text-sm ${TONES[words.tone]}`}
      data-testid="escalation-banner"
      data-status={escalation.status}
    >
      <p className="font-semibold">{words.title}</p>
      <p className="mt-0.5">
        {words.text}{' '}
        <span className="opacity-90">
          (asked <time dateTime={escalation.createdAt}>{timeAgo(escalation.createdAt)}</time>
          {escalation.caseStatus ? `; case status: ${escalation.caseStatus}` : ''})
        </span>
      </p>
      {staff && (
        <p className="mt-1">
          <Link to={`/staff/escalations/${escalation.id}`} className="font-medium underline underline-offset-2">
            Open the escalation
          </Link>
        </p>
      )}
    </div>
  );
}

/**
 * "Needs staff": the asker, an advocate or staff hand the question to the support team, with
 * an optional reason. A disclosure (no JavaScript needed) holding a plain POST form; the
 * page's action sends `escalateThread`. An error (a limit, a closed thread) shows inside it.
 */
export function NeedsStaffForm({ error }: { error?: string | null }) {
  const navigation = useNavigation();
  const sending = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'escalate';
  return (
    <details
      className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm"
      open={!!error || undefined}
      data-testid="needs-staff"
    >
      <summary className="cursor-pointer font-medium text-slate-800">
        Needs staff<span className="font-normal text-slate-600"> — ask a support agent to take this question</span>
      </summary>
      <Form method="post" className="mt-3 space-y-3">
        <input type="hidden" name="intent" value="escalate" />
        <label className="block font-medium text-slate-700">
          Why does it need staff? (optional)
          <textarea
            name="reason"
            rows={2}
            maxLength={500}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          />
        </label>
        <FormMessage message={error} />
        <Button type="submit" disabled={sending}>
          {sending ? 'Asking…' : 'Ask for a support agent'}
        </Button>
      </Form>
    </details>
  );
}
