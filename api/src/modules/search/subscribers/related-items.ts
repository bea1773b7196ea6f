import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../../platform/db/sql.js';
import type { EventName } from '../../../platform/events/events.js';
import { RetryLaterError, type SubscriberDefinition } from '../../../platform/events/subscribers.js';
import type { Services } from '../../../platform/scope.js';
import { outdateNeighbours, refreshRelated, relatedKey, type RelatedOf } from '../related-items.js';
import { searchableSql } from '../search-documents.js';

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
 * Whether the PostgreSQL index has yet to catch up with an item that is a candidate now (the
 * `search.postgres` subscriber runs apart): lists refreshed before it does would miss the item.
 */
async function indexBehind(em: EntityManager, of: RelatedOf): Promise<boolean> {
  const live = searchableSql([of])!;
  const [row] = await sql<{ behind: boolean }>(
    em,
    `select exists (select 1 from (${live.text}) s where s.kind = 'ARTICLE' or s.solved)
            and not exists (select 1 from search_documents d where d.kind = ? and d.source_id = ?
                                                               and (d.kind = 'ARTICLE' or d.solved)) as behind`,
    [...live.params, of.kind, of.id],
  );
  return row!.behind;
}

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
    for (const { of, becameCandidate } of targets(events)) {
      if (becameCandidate && (await indexBehind(tx, of))) {
        throw new RetryLaterError(`the search index has not caught up with ${relatedKey(of)} yet`);
      }
      const candidates = await refreshRelated(tx, services, of);
      if (becameCandidate && candidates) await outdateNeighbours(tx, candidates);
    }
  },
};
