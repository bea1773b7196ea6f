/**
 * How the audit log shows a moderator action: what it did in words, where it happened, and what
 * changed from before to after.
 */
import { AUDIT_KINDS } from './wording';

export interface AuditEvent {
  name: string;
  subject: string;
  data: Record<string, unknown>;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

const STATUS_ACTIONS: Record<string, string> = {
  lock: 'locked a thread',
  unlock: 'unlocked a thread',
  close: 'closed a thread',
  reopen: 'reopened a thread',
};

/** The action in words ("hid a post", "decided a review item: agree"). */
export function describeAudit(e: Pick<AuditEvent, 'name' | 'data'>): string {
  const d = e.data;
  if (e.name === 'thread.status_changed' && typeof d.action === 'string' && STATUS_ACTIONS[d.action]) {
    return STATUS_ACTIONS[d.action]!;
  }
  if (e.name === 'review.resolved' && typeof d.decision === 'string') {
    return `decided a review item: ${d.decision.toLowerCase()}`;
  }
  if (e.name === 'post.removed' && typeof d.reason === 'string') {
    return `removed a post as ${d.reason.toLowerCase().replace('_', '-')}`;
  }
  return AUDIT_KINDS[e.name] ?? e.name;
}

/** Where to look: the thread (and post) the action was on; null for members and the rest. */
export function auditLink(e: Pick<AuditEvent, 'subject' | 'data'>): string | null {
  const [kind, id] = e.subject.split(':');
  const threadId = kind === 'thread' ? id : e.data.threadId != null ? String(e.data.threadId) : null;
  if (!threadId) return null;
  const postId = kind === 'post' ? id : e.data.postId != null ? String(e.data.postId) : null;
  return `/t/${threadId}${postId ? `#post-${postId}` : ''}`;
}

const show = (value: unknown): string => {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

/**
 * What changed, one "key: before → after" per field that differs (a status change's `from`/`to`
 * arrive as `{ status }`). Empty when the event recorded no change.
 */
export function changesOf(e: Pick<AuditEvent, 'before' | 'after'>): string[] {
  const before = e.before ?? {};
  const after = e.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys
    .filter((k) => show(before[k]) !== show(after[k]))
    .map((k) => `${k}: ${show(before[k])} → ${show(after[k])}`);
}
