import type { SubscriberDefinition } from '../../../platform/events/subscribers.js';
import type { Services } from '../../../platform/scope.js';
import { searchEngines } from '../engines.js';
import { threadsWithReplies } from '../search-documents.js';
import { SEARCH_EVENTS, searchTargets } from '../search-targets.js';

/**
 * Keeps the PostgreSQL index in line with the forum: a batch of events becomes one set of
 * refs, synced from the current rows in the delivery's transaction (so the position moves only
 * with the index). Synced rows are read afresh, so a replayed or late event changes nothing.
 */
export const indexPostgres: SubscriberDefinition<Services> = {
  name: 'search.postgres',
  events: SEARCH_EVENTS,
  batchSize: 500,
  handle: async (events, { tx, services }) => {
    const { refs, threads } = searchTargets(events);
    const all = refs.concat(await threadsWithReplies(tx, threads));
    await searchEngines(services).postgres.sync(tx, all);
  },
};
