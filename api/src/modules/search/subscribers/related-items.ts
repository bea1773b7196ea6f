import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../../platform/db/sql.js';
import type { DomainEvent, EventName } from '../../../platform/events/events.js';
import { RetryLaterError, type SubscriberDefinition } from '../../../platform/events/subscribers.js';
import type { Services } from '../../../platform/scope.js';
import { searchEngines, searchIndexFor } from '../engines.js';
import { outdateNeighbours, refreshRelated, relatedKey, type RelatedOf } from '../related-items.js';
import { indexMeilisearch } from './index-meilisearch.js';
import { indexPostgres } from './index-postgres.js';

/**
 * The events after which an item's related list is computed again: its title or question is new
 * or changed, or it has just become a candidate itself (then the lists nearest to it are marked
 * outdated too). Moves, merges, hides and deletions need nothing here: the stored lists are
 * filtered for each viewer on the live rows when read.
 */
const RELATED_EVENTS = [
  'thread.created',
  'post.edited',
  'answer.accepted',
  'article.created',
  'article.updated',
  'article.published',
] as const satisfies readonly EventName[];

function targets(events: readonly { name: EventName; data: unknown }[]) {
  const items = new Map<string, { of: RelatedOf; becameCandidate: boolean }>();
  const add = (of: RelatedOf, becameCandidate = false) => {
    const known = items.get(relatedKey(of));
    items.set(relatedKey(of), { of, becameCandidate: becameCandidate || !!known?.becameCandidate });
  };
  for (const event of events) {
    const data = event.data as Record<string, unknown>;
    switch (event.name) {
      case 'thread.created':
        add({ kind: 'THREAD', id: data.threadId as number });
        break;
      case 'post.edited': {
        const changed = data.changed as string[];
        if (data.isQuestion && (changed.includes('title') || changed.includes('body'))) {
          add({ kind: 'THREAD', id: data.threadId as number });
        }
        break;
      }
      case 'answer.accepted':
        add({ kind: 'THREAD', id: data.threadId as number }, true);
        break;
      case 'article.created':
      case 'article.updated':
        add({ kind: 'ARTICLE', id: data.articleId as number });
        break;
      case 'article.published':
        add({ kind: 'ARTICLE', id: data.articleId as number }, true);
        break;
    }
  }
  return [...items.values()];
}

/**
 * Whether the indexes lists are computed from (PostgreSQL's, and Meilisearch's while it
 * answers) have handled every event up to `last`: they are kept by subscribers of their own,
 * and a list computed ahead of them would miss what was just solved or published.
 */
async function indexesCaughtUp(em: EntityManager, services: Services, last: DomainEvent): Promise<boolean> {
  const { index } = await searchIndexFor(services);
  const indexers = index === searchEngines(services).postgres ? [indexPostgres] : [indexPostgres, indexMeilisearch];
  for (const indexer of indexers) {
    const [row] = await sql<{ pending: boolean }>(
      em,
      `select exists (select 1 from domain_events e, event_subscriptions s, domain_events l
                       where s.subscriber = ? and l.id = ? and e.name = any(?::text[])
                         and (e.tx, e.id) > (s.position_tx, s.position_id) and (e.tx, e.id) <= (l.tx, l.id)) as pending`,
      [indexer.name, last.id, `{${indexer.events.join(',')}}`],
    );
    if (row!.pending) return false;
  }
  return true;
}

const INDEX_WAIT_TRIES = 30;
const INDEX_WAIT_MS = 100;

/**
 * Keeps the stored related lists (related-items.ts) after commit, never in the write path. Lists
 * are recomputed from current rows and overwritten, so a replayed or late event changes nothing more.
 */
export const relatedItems: SubscriberDefinition<Services> = {
  name: 'search.related',
  events: RELATED_EVENTS,
  batchSize: 50,
  // Not the whole history: lists of items from before this subscriber are computed on their first page view.
  startAt: 'now',
  handle: async (events, { tx, services }) => {
    // The indexers usually finish within moments: wait for them briefly before pausing the
    // delivery (a RetryLaterError backs off for seconds, and is logged).
    for (let tries = 1; !(await indexesCaughtUp(tx, services, events.at(-1)!)); tries++) {
      if (tries === INDEX_WAIT_TRIES) {
        throw new RetryLaterError('the search indexes have not caught up with these events yet');
      }
      await new Promise((resolve) => setTimeout(resolve, INDEX_WAIT_MS));
    }
    for (const { of, becameCandidate } of targets(events)) {
      await refreshRelated(tx, services, of);
      if (becameCandidate) await outdateNeighbours(tx, of);
    }
  },
};
