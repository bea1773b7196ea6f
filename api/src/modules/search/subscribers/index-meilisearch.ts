import type { SubscriberDefinition } from '../../../platform/events/subscribers.js';
import type { Services } from '../../../platform/scope.js';
import { searchEngines } from '../engines.js';
import { threadsWithReplies } from '../search-documents.js';
import { SEARCH_EVENTS, searchTargets } from '../search-targets.js';

/**
 * Keeps the Meilisearch indexes in line with the forum, from the same events and mapping as the
 * PostgreSQL index. Runs only where MEILISEARCH_URL is set (its position is kept while it is
 * not); it starts at "now", and `npm run search:reindex -- --engine meilisearch` builds what came
 * before. While Meilisearch is down, sync throws RetryLaterError: the delivery rolls back and is
 * tried again with growing pauses, nothing is parked, and the backlog is indexed once it is back.
 * Waiting for Meilisearch inside the delivery holds back no other subscriber: the handler only
 * reads, so its transaction has no xid and does not move the cluster's delivery horizon.
 */
export const indexMeilisearch: SubscriberDefinition<Services> = {
  name: 'search.meilisearch',
  events: SEARCH_EVENTS,
  batchSize: 500,
  startAt: 'now',
  enabled: (config) => Boolean(config.MEILISEARCH_URL),
  handle: async (events, { tx, services }) => {
    const meilisearch = searchEngines(services).meilisearch;
    if (!meilisearch) throw new Error('search.meilisearch runs only when MEILISEARCH_URL is set');
    const { refs, threads } = searchTargets(events);
    await meilisearch.sync(tx, refs.concat(await threadsWithReplies(tx, threads)));
  },
};
