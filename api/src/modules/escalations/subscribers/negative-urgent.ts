import { systemActor } from '../../../platform/authz/actor.js';
import { sql } from '../../../platform/db/sql.js';
import type { SubscriberDefinition } from '../../../platform/events/subscribers.js';
import type { Services } from '../../../platform/scope.js';
import '../../community/community.events.js';
import { analyzeSentiment } from '../../insights/sentiment/analyze.js';
import { sentimentsOf } from '../../insights/sentiment/sentiment.store.js';
import { openEscalation } from '../commands/escalate-thread.js';

/** The cues that make a negative post urgent enough to escalate. */
export const URGENT_CUES = ['URGENCY', 'CHURN_RISK'];

/**
 * A strongly negative post (at or below `negativeScoreAtMost`) with an urgency or churn-risk cue,
 * by a thread's asker linked to a customer worth at least `minLifetimeValueCents`, escalates
 * the thread (NEGATIVE_URGENT) after commit, never in the write path. The sentiment is the
 * insights module's stored score when it has run, else the same analysis done here (the two
 * subscribers run independently). Redelivery opens nothing twice (openEscalation).
 */
export const escalateNegativeUrgent: SubscriberDefinition<Services> = {
  name: 'escalations.negative_urgent',
  events: ['thread.created', 'post.created', 'post.edited'],
  batchSize: 200,
  startAt: 'now',
  handle: async (events, { tx, services }) => {
    const settings = services.settings.current();
    const rules = settings.escalations;
    const ids = [...new Set(events.map((e) => (e.data as { postId: number }).postId))];
    const posts = await sql<{ id: number; thread_id: number; body: string; title: string | null }>(
      tx,
      `select p.id, p.thread_id, p.body, case when p.is_question then t.title end as title
         from posts p join threads t on t.id = p.thread_id and t.author_id = p.author_id
         join customer_links l on l.member_id = p.author_id join customers c on c.id = l.customer_id
        where p.id = any(?::int[]) and p.deleted_at is null and t.deleted_at is null and t.merged_into_id is null
          and c.lifetime_value_cents >= ?
          and not exists (select 1 from escalations e where e.thread_id = t.id
                           and e.status in ('OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER'))
        order by p.id`,
      [`{${ids.join(',')}}`, rules.minLifetimeValueCents],
    );
    if (posts.length === 0) return;
    const stored = await sentimentsOf(
      tx,
      posts.map((p) => p.id),
    );
    for (const post of posts) {
      const sentiment = stored.get(post.id) ?? analyzeSentiment(post.body, post.title);
      if (sentiment.score > rules.negativeScoreAtMost) continue;
      if (!sentiment.cues.some((c) => URGENT_CUES.includes(c))) continue;
      await openEscalation(tx, systemActor('escalations.negative_urgent'), settings, {
        threadId: post.thread_id,
        reason: 'NEGATIVE_URGENT',
        requestedBy: null,
        advocate: false,
        note: null,
        triggerPostId: post.id,
      });
    }
  },
};
