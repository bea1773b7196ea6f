import type { SubscriberDefinition } from '../../../platform/events/subscribers.js';
import type { Services } from '../../../platform/scope.js';
import '../../community/community.events.js';

/**
 * Notes a thread's view count when its solution is accepted, so the reach of a solution counts
 * the views after it (thread_views keeps only the last two days of viewers, so distinct people
 * over the thread's life are not recorded anywhere). An unaccepted solution forgets its note.
 */
export const noteSolutionViews: SubscriberDefinition<Services> = {
  name: 'insights.solution_views',
  events: ['answer.accepted', 'answer.unaccepted'],
  // Past acceptances would note today's view count as the count at the solution: those
  // solutions use the estimate in recomputeInfluence instead.
  startAt: 'now',
  handle: async (events, { tx }) => {
    for (const event of events) {
      const { threadId, postId } = event.data as { threadId: number; postId: number };
      if (event.name === 'answer.accepted') {
        await tx.getConnection().execute(
          `insert into solution_views (thread_id, post_id, views_at_solution, accepted_at)
           select t.id, ?, t.view_count, ? from threads t where t.id = ?
           on conflict (thread_id) do update
             set post_id = excluded.post_id, views_at_solution = excluded.views_at_solution,
                 accepted_at = excluded.accepted_at
             where solution_views.accepted_at <= excluded.accepted_at`,
          [postId, event.occurredAt, threadId],
          'all',
          tx.getTransactionContext(),
        );
      } else {
        await tx
          .getConnection()
          .execute(
            'delete from solution_views where thread_id = ? and post_id = ?',
            [threadId, postId],
            'all',
            tx.getTransactionContext(),
          );
      }
    }
  },
};
