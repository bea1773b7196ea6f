import { clockNow } from '../forum/format';
import { formatCount } from '../../lib/plural';

/**
 * Escalations in words: statuses and reasons as staff read them, what the asker's banner says,
 * and the SLA timer ("due in 2 hours 5 minutes", "overdue by 3 days").
 */

export const STATUSES = ['OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'RESOLVED', 'CLOSED'] as const;
export type EscalationStatusName = (typeof STATUSES)[number];

/** The statuses still in the queue: an SLA runs for them. */
export const ACTIVE_STATUSES: readonly string[] = ['OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER'];

export const STATUS_LABEL: Record<string, string> = {
  OPEN: 'Open',
  IN_PROGRESS: 'In progress',
  WAITING_ON_CUSTOMER: 'Waiting on customer',
  RESOLVED: 'Resolved',
  CLOSED: 'Closed',
};

/** What each status asks of the agent, beside the status controls. */
export const STATUS_HINT: Record<string, string> = {
  OPEN: 'nobody has picked it up yet',
  IN_PROGRESS: 'the asker reads “A support agent is on it”',
  WAITING_ON_CUSTOMER: 'the asker is asked for more information',
  RESOLVED: 'solved; post the resolution as an answer',
  CLOSED: 'no further work',
};

export const REASON_LABEL: Record<string, string> = {
  NEEDS_STAFF: 'Needs staff',
  UNANSWERED: 'Unanswered past target',
  NEGATIVE_URGENT: 'Negative and urgent',
};

export const REASON_HINT: Record<string, string> = {
  NEEDS_STAFF: 'the asker, an advocate or staff asked for a support agent',
  UNANSWERED: 'no answer within the category’s target time',
  NEGATIVE_URGENT: 'a strongly negative, urgent post from a valuable customer',
};

export const reasonLabel = (reason: string) => REASON_LABEL[reason] ?? reason;
export const statusLabel = (status: string) => STATUS_LABEL[status] ?? status;

/** The banner the asker (and staff) read on the thread, by status. */
export const BANNER: Record<string, { title: string; text: string; tone: 'waiting' | 'working' | 'done' }> = {
  OPEN: {
    title: 'Waiting for staff',
    text: 'This question was passed to the support team; an agent will pick it up.',
    tone: 'waiting',
  },
  IN_PROGRESS: {
    title: 'A support agent is on it',
    text: 'Support is working on this question; their answer will be posted here.',
    tone: 'working',
  },
  WAITING_ON_CUSTOMER: {
    title: 'Support is waiting for your reply',
    text: 'The support agent needs more information: check your email or reply in this thread.',
    tone: 'waiting',
  },
  RESOLVED: { title: 'Resolved by support', text: 'The support team resolved this question.', tone: 'done' },
  CLOSED: { title: 'Closed by support', text: 'The support team closed this request.', tone: 'done' },
};

/** A length of time in at most two units: "less than a minute", "5 minutes", "2 hours 5 minutes", "3 days 1 hour". */
export function durationWords(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return formatCount(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const rest = minutes % 60;
    return rest ? `${formatCount(hours, 'hour')} ${formatCount(rest, 'minute')}` : formatCount(hours, 'hour');
  }
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest ? `${formatCount(days, 'day')} ${formatCount(rest, 'hour')}` : formatCount(days, 'day');
}

/**
 * The SLA timer of an escalation: "due in …" before its due time, "overdue by …" after it;
 * null once it left the queue (resolved or closed: no timer runs).
 */
export function slaTimer(
  escalation: { slaDueAt?: string | null; status: string },
  now = clockNow(),
): { text: string; overdue: boolean } | null {
  if (!escalation.slaDueAt || !ACTIVE_STATUSES.includes(escalation.status)) return null;
  const left = new Date(escalation.slaDueAt).getTime() - now;
  return left >= 0
    ? { text: `due in ${durationWords(left)}`, overdue: false }
    : { text: `overdue by ${durationWords(left)}`, overdue: true };
}

const EXCERPT = 600;

/** The start of a question's text for the agent's page; the whole is one link away. */
export const excerpt = (body: string) => (body.length > EXCERPT ? `${body.slice(0, EXCERPT).trimEnd()}…` : body);
