import type { DomainEvent } from '../../../platform/events/events.js';
import '../../routing/routing.events.js';
import '../../routing/rules/rules.events.js';
import type { DirectNotification } from './insert-direct.js';

/**
 * QUESTION_ROUTED to each member a new question was routed to, with the routing's reason ("You
 * answered 4 questions tagged postgres in the last 90 days"); the asker is the actor. The
 * routing module already left out whoever turned the kind off or may not read the thread, and
 * insertDirect checks reading again as it writes.
 */
export function routedNotifications(events: DomainEvent<'thread.routed'>[]): DirectNotification[] {
  return events.flatMap((e) =>
    e.data.members.map((m) => ({
      eventId: e.id,
      actorId: e.data.authorId,
      kind: 'QUESTION_ROUTED' as const,
      recipientId: m.memberId,
      threadId: e.data.threadId,
      data: { reason: m.text },
    })),
  );
}

/**
 * QUESTION_ROUTED to each member an admin's routing rule notifies (named members, or the
 * moderators), the reason naming the rule; the system is the actor.
 */
export function ruleNotifications(events: DomainEvent<'routing.rule_applied'>[]): DirectNotification[] {
  return events.flatMap((e) =>
    e.data.actions.notifiedIds.map((recipientId) => ({
      eventId: e.id,
      actorId: null,
      kind: 'QUESTION_ROUTED' as const,
      recipientId,
      threadId: e.data.threadId,
      data: { reason: `Routing rule "${e.data.name}"` },
    })),
  );
}
