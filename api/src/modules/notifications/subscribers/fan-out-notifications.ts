import type { DomainEvent, EventName } from '../../../platform/events/events.js';
import type { SubscriberDefinition } from '../../../platform/events/subscribers.js';
import type { Services } from '../../../platform/scope.js';
import '../../moderation/moderation.events.js';
import { insertDirect } from '../fan-out/insert-direct.js';
import { announceNotifications, lastNotificationId } from '../live-notifications.js';
import { notifyLevels, REPUTATION_EVENTS } from '../fan-out/levels.js';
import { articleNotifications, notifyFlaggers, OUTCOME_EVENTS, outcomeNotification } from '../fan-out/outcomes.js';
import { routedNotifications, ruleNotifications } from '../fan-out/routed.js';
import { fanOutEdits, fanOutReplies, fanOutThreads } from '../fan-out/thread-activity.js';

const EVENTS = [
  ...new Set<EventName>([
    'thread.created',
    'post.created',
    'post.edited',
    'review.resolved',
    'thread.routed',
    'routing.rule_applied',
    ...OUTCOME_EVENTS,
    ...REPUTATION_EVENTS,
  ]),
];

const ofName = <N extends EventName>(events: DomainEvent[], name: N) =>
  events.filter((e): e is DomainEvent<N> => e.name === name);

/**
 * Turns what happened into notification rows, after commit and never in the write path. Each
 * batch is handled kind by kind with set-based statements (threads before replies, so an asker's
 * default watch exists before replies to them are fanned out). Every row is unique per recipient,
 * kind and event, so a redelivered or replayed batch writes nothing twice. Email is not sent
 * here: the email sweep reads these rows.
 */
export const fanOutNotifications: SubscriberDefinition<Services> = {
  name: 'notifications.fan_out',
  events: EVENTS,
  batchSize: 500,
  // Members are told of what happens from now on, not of a community's whole history.
  startAt: 'now',
  handle: async (events, { tx, services }) => {
    const render = services.markdown;
    const before = await lastNotificationId(tx);
    await fanOutThreads(tx, render, ofName(events, 'thread.created'));
    await fanOutReplies(tx, render, ofName(events, 'post.created'));
    await fanOutEdits(tx, render, ofName(events, 'post.edited'));
    await notifyFlaggers(tx, ofName(events, 'review.resolved'));
    await insertDirect(tx, [
      ...events.flatMap((e) => outcomeNotification(e) ?? []),
      ...(await articleNotifications(tx, ofName(events, 'article.published'))),
      ...routedNotifications(ofName(events, 'thread.routed')),
      ...ruleNotifications(ofName(events, 'routing.rule_applied')),
    ]);
    await notifyLevels(tx, services.settings.current().reputation, events);
    // Live subscribers hear of the batch when it commits.
    await announceNotifications(tx, before, await lastNotificationId(tx));
  },
};
