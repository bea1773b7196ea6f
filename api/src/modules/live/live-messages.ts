import type { DomainEvent, EventName } from '../../platform/events/events.js';
import '../escalations/escalations.events.js';
import type { LiveMessage } from '../../platform/realtime/live-hub.js';

/** What a thread's live stream tells its readers, by the event that happened. */
export const THREAD_ACTIVITY = {
  'post.created': 'POST_CREATED',
  'post.edited': 'POST_EDITED',
  'post.hidden': 'POST_HIDDEN',
  'post.unhidden': 'POST_UNHIDDEN',
  'post.deleted': 'POST_REMOVED',
  'post.removed': 'POST_REMOVED',
  'post.restored': 'POST_RESTORED',
  'answer.accepted': 'ANSWER_ACCEPTED',
  'answer.unaccepted': 'ANSWER_UNACCEPTED',
  'thread.status_changed': 'STATUS_CHANGED',
  'thread.moved': 'THREAD_MOVED',
  'thread.merged': 'THREAD_MERGED',
  // Shown to the thread's asker and staff only (live.resolver.ts).
  'escalation.created': 'ESCALATION_CHANGED',
  'escalation.updated': 'ESCALATION_CHANGED',
} as const satisfies Partial<Record<EventName, string>>;
export type ThreadActivityEvent = keyof typeof THREAD_ACTIVITY;

/** Changes to a member's standing: their open subscriptions re-read who they are. */
export const MEMBER_CHANGES = [
  'member.role_changed',
  'member.silenced',
  'member.suspended',
  'member.sanction_lifted',
  'member.sanction_expired',
  'advocate.granted',
  'advocate.revoked',
] as const satisfies readonly EventName[];

/** What changes the review queue (new items, decisions). */
export const REVIEW_QUEUE_CHANGES = [
  'post.flagged',
  'post.hidden',
  'article.reported',
  'review.resolved',
] as const satisfies readonly EventName[];

/** What changes the escalation queue (staff only). */
export const ESCALATION_QUEUE_CHANGES = [
  'escalation.created',
  'escalation.updated',
] as const satisfies readonly EventName[];

export const LIVE_EVENTS: readonly EventName[] = [
  ...new Set<EventName>([
    ...(Object.keys(THREAD_ACTIVITY) as ThreadActivityEvent[]),
    ...MEMBER_CHANGES,
    ...REVIEW_QUEUE_CHANGES,
    ...ESCALATION_QUEUE_CHANGES,
  ]),
];

const memberOf = (event: DomainEvent): number | null => {
  const id = event.subject.startsWith('member:') ? Number(event.subject.slice('member:'.length)) : NaN;
  if (Number.isInteger(id)) return id;
  const data = event.data as { memberId?: number };
  return typeof data.memberId === 'number' ? data.memberId : null;
};

/**
 * The live messages one event makes: ids only (a subscriber loads what it may show for its own
 * viewer). A thread event goes to the thread's topic (a merge to both threads, a post's thread
 * first); a change to a member's standing to the member's topic; a review-queue change to
 * `review-queue`; an escalation's to `escalations` (staff) as well as its thread's.
 */
export function liveMessagesFor(event: DomainEvent): LiveMessage[] {
  const messages: LiveMessage[] = [];
  const kind = THREAD_ACTIVITY[event.name as ThreadActivityEvent];
  if (kind) {
    const data = event.data as { threadId: number; postId?: number; intoThreadId?: number };
    const postId = typeof data.postId === 'number' ? data.postId : null;
    messages.push({ topic: `thread:${data.threadId}`, id: event.id, kind, data: { threadId: data.threadId, postId } });
    if (typeof data.intoThreadId === 'number') {
      messages.push({
        topic: `thread:${data.intoThreadId}`,
        id: event.id,
        kind,
        data: { threadId: data.intoThreadId, postId: null },
      });
    }
  }
  if ((MEMBER_CHANGES as readonly string[]).includes(event.name)) {
    const memberId = memberOf(event);
    if (memberId !== null) messages.push({ topic: `member:${memberId}`, id: event.id, kind: event.name });
  }
  if ((REVIEW_QUEUE_CHANGES as readonly string[]).includes(event.name)) {
    messages.push({ topic: 'review-queue', id: event.id, kind: event.name });
  }
  if ((ESCALATION_QUEUE_CHANGES as readonly string[]).includes(event.name)) {
    const { escalationId } = event.data as { escalationId: number };
    messages.push({ topic: 'escalations', id: event.id, kind: event.name, data: { escalationId } });
  }
  return messages;
}
