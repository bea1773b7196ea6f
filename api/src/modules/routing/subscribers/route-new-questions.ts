import { systemActor } from '../../../platform/authz/actor.js';
import { sql } from '../../../platform/db/sql.js';
import { recordEvent, ref, type DomainEvent } from '../../../platform/events/events.js';
import type { SubscriberDefinition } from '../../../platform/events/subscribers.js';
import type { Services } from '../../../platform/scope.js';
import '../../community/community.events.js';
import { routeCandidates } from '../route-candidates.js';
import { routeReasonText, type RouteReason } from '../route-reason.js';
import '../routing.events.js';

const actor = systemActor('routing');

/**
 * Offers each new question to its likeliest answerers, after commit. A thread is claimed in
 * `routed_threads` before anything else, so a redelivered batch or a replay routes it at most
 * once (a claim already there: nothing to do), even when it routed nobody the first time. The
 * members chosen are recorded in `thread_routes` and announced by `thread.routed`, which the
 * notifications module turns into QUESTION_ROUTED notifications. Threads are handled one after
 * the other, so the daily cap counts what earlier threads of the same batch used.
 */
export const routeNewQuestions: SubscriberDefinition<Services> = {
  name: 'routing.route_questions',
  events: ['thread.created'],
  batchSize: 100,
  // Questions asked from now on: a new installation does not route a community's history.
  startAt: 'now',
  handle: async (events, { tx, services }) => {
    const rules = services.settings.current().routing;
    for (const event of events as DomainEvent<'thread.created'>[]) {
      const threadId = event.data.threadId;
      const claimed = await sql(
        tx,
        `insert into routed_threads (thread_id, event_id)
         select id, ? from threads where id = ? on conflict do nothing returning thread_id`,
        [event.id, threadId],
      );
      if (claimed.length === 0) continue;
      const candidates = await routeCandidates(tx, threadId, rules);
      if (candidates.length === 0) continue;
      const members = candidates.map((c) => {
        const reason: RouteReason = {
          tag: c.tag,
          tagAnswers: c.tagAnswers,
          category: c.category,
          categoryAnswers: c.categoryAnswers,
          windowDays: rules.windowDays,
          advocate: c.advocate,
        };
        return { memberId: c.memberId, score: c.score, reason, text: routeReasonText(reason) };
      });
      await sql(
        tx,
        `insert into thread_routes (thread_id, member_id, score, reason)
         select ?, r.member_id, r.score, r.reason
           from jsonb_to_recordset(?::jsonb) as r(member_id int, score float8, reason jsonb)
         on conflict do nothing`,
        [threadId, JSON.stringify(members.map((m) => ({ member_id: m.memberId, score: m.score, reason: m.reason })))],
      );
      await recordEvent(tx, actor, {
        name: 'thread.routed',
        subject: ref('thread', threadId),
        related: members.map((m) => ref('member', m.memberId)),
        data: { threadId, categoryId: event.data.categoryId, authorId: event.data.authorId, members },
      });
    }
  },
};
