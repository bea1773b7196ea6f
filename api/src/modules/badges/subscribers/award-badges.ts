import type { EventName } from '../../../platform/events/events.js';
import type { SubscriberDefinition } from '../../../platform/events/subscribers.js';
import type { Services } from '../../../platform/scope.js';
import '../../accounts/accounts.events.js';
import '../../advocates/advocates.events.js';
import '../../community/community.events.js';
import '../../knowledge/knowledge.events.js';
import '../../moderation/moderation.events.js';
import { BADGE_SCORE_THRESHOLDS, BADGE_TRIGGERS, type BadgeTrigger } from '../badge.definitions.js';
import { grantForTrigger } from '../badge-granter.js';

/** A vote can earn a badge only when the post's score rises across a badge threshold. */
export const voteMayEarnBadge = (before: number, after: number): boolean =>
  BADGE_SCORE_THRESHOLDS.some((t) => before < t && after >= t);

/** The members an event may have earned a badge for (none: the event cannot earn one). */
export function badgeCandidates(event: { name: EventName; data: unknown }): number[] {
  const data = event.data as Record<string, number>;
  switch (event.name) {
    case 'thread.created':
    case 'post.created':
    case 'post.staff_picked':
      return [data.authorId!];
    case 'post.voted':
      return voteMayEarnBadge(data.scoreBefore!, data.score!) ? [data.authorId!] : [];
    case 'answer.accepted':
      return [data.answerAuthorId!];
    case 'advocate.granted':
      return [data.memberId!];
    case 'article.published':
    case 'article.archived':
      return data.answerAuthorId ? [data.answerAuthorId] : [];
    case 'review.resolved':
      return (event.data as { agreedFlaggerIds: number[] }).agreedFlaggerIds;
    default:
      return [];
  }
}

/**
 * Badges react to what happened: each batch of events is grouped by kind, and each kind's
 * badge rules run once, set-based, for every member the batch concerns. Granting is
 * idempotent (unique awards), so a redelivered or replayed event awards nothing twice.
 */
export const awardBadges: SubscriberDefinition<Services> = {
  name: 'badges.award',
  events: BADGE_TRIGGERS,
  batchSize: 1000,
  handle: async (events, { tx }) => {
    const byTrigger = new Map<BadgeTrigger, Set<number>>();
    for (const event of events) {
      const members = badgeCandidates(event);
      if (members.length === 0) continue;
      const set = byTrigger.get(event.name as BadgeTrigger) ?? new Set<number>();
      for (const m of members) set.add(m);
      byTrigger.set(event.name as BadgeTrigger, set);
    }
    for (const [trigger, members] of byTrigger) await grantForTrigger(tx, trigger, [...members]);
  },
};
