import type { SubscriberDefinition } from '../../../platform/events/subscribers.js';
import type { Services } from '../../../platform/scope.js';
import '../../community/community.events.js';
import { computeSentiments } from './sentiment.store.js';

/**
 * Scores each new or edited post after its transaction committed, never in the write path:
 * one read and one upsert per batch, from the post's current text (so redelivery or an
 * out-of-order edit leaves the latest text's score).
 */
export const scorePostSentiment: SubscriberDefinition<Services> = {
  name: 'insights.post_sentiment',
  events: ['thread.created', 'post.created', 'post.edited'],
  batchSize: 500,
  // Posts written before this subscriber existed are scored by the backfill script
  // (npm run insights:backfill-sentiments -w api), in set-based batches, not event by event.
  startAt: 'now',
  handle: async (events, { tx }) => {
    const ids = events.map((e) => (e.data as { postId: number }).postId);
    await computeSentiments(tx, ids);
  },
};
