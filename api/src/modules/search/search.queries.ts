import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../platform/authz/guardian.js';
import { sql } from '../../platform/db/sql.js';
import { ValidationError } from '../../platform/errors.js';
import type { Services } from '../../platform/scope.js';
import { onSearchIndex, searchEngines } from './engines.js';
import type { SearchFilter, SearchHit, SearchPage, SearchRequest } from './search-index.js';
import { MAX_FILTER_TAGS, normaliseQuery, normaliseQuestion } from './search-input.js';

export interface SearchScope {
  em: EntityManager;
  services: Services;
  viewer: Viewer | null;
}

export interface SearchResult extends SearchPage {
  degraded: boolean;
  engine: string;
}

/** Filters as given (tags at most 5, each as a tag can be), checked before any engine sees them. */
export function checkFilter(filter: SearchFilter): SearchFilter {
  if (filter.tags && filter.tags.length > MAX_FILTER_TAGS) {
    throw new ValidationError({ tags: `Filter by at most ${MAX_FILTER_TAGS} tags.` });
  }
  if (filter.tags?.some((t) => t.length < 1 || t.length > 30)) {
    throw new ValidationError({ tags: 'A tag has 1 to 30 characters.' });
  }
  return filter;
}

/**
 * One search over threads, replies, articles and members, as `viewer` may read them, in the
 * engine that answers now (PostgreSQL when the primary is down: `degraded`).
 */
export async function search(
  scope: SearchScope,
  args: { query: string; filter: SearchFilter; sort: SearchRequest['sort']; first: number; after: string | null },
): Promise<SearchResult> {
  const request: SearchRequest = {
    text: normaliseQuery(args.query),
    filter: checkFilter(args.filter),
    sort: args.sort,
    first: args.first,
    after: args.after,
    viewer: scope.viewer,
  };
  const { primary } = searchEngines(scope.services);
  const { result, index, degraded } = await onSearchIndex(scope.services, (i) =>
    i.search(scope.em, request).catch((error: unknown) => {
      // A next page asked of the fallback with the primary's cursor (it went down between pages).
      if (i !== primary && request.after && error instanceof ValidationError && error.fields.after) {
        throw new ValidationError({
          after:
            'Search is answering from its fallback while the search service is down, and cannot continue this list: start again from the first page.',
        });
      }
      throw error;
    }),
  );
  return { ...result, degraded, engine: index.engine };
}

/** Solved questions and published articles like the question being asked (deflection). */
export async function similarQuestions(
  scope: SearchScope,
  args: { title: string; body?: string | null; first: number },
): Promise<SearchHit[]> {
  const question = normaliseQuestion(args.title, args.body);
  // A few more than asked: a thread whose article is also suggested is dropped below.
  const request = { ...question, first: args.first + 3, viewer: scope.viewer };
  const hits = (await onSearchIndex(scope.services, (i) => i.similar(scope.em, request))).result;
  return (await withoutArticleSources(scope.em, hits)).slice(0, args.first);
}

/**
 * A solved thread and the article made from it are one answer said twice: the article (the
 * curated form) stays, its source thread goes.
 */
async function withoutArticleSources(em: EntityManager, hits: SearchHit[]): Promise<SearchHit[]> {
  const articleIds = hits.filter((h) => h.kind === 'ARTICLE').map((h) => h.id);
  if (articleIds.length === 0) return hits;
  const sources = new Set(
    (
      await sql<{ t: number }>(
        em,
        'select source_thread_id as t from articles where id = any(?::int[]) and source_thread_id is not null',
        [`{${articleIds.join(',')}}`],
      )
    ).map((r) => r.t),
  );
  return hits.filter((h) => !(h.kind === 'THREAD' && sources.has(h.id)));
}
