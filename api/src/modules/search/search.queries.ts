import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../platform/authz/guardian.js';
import { ValidationError } from '../../platform/errors.js';
import type { Services } from '../../platform/scope.js';
import { onSearchIndex } from './engines.js';
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
  const { result, index, degraded } = await onSearchIndex(scope.services, (i) => i.search(scope.em, request));
  return { ...result, degraded, engine: index.engine };
}

/** Solved questions and published articles like the question being asked (deflection). */
export async function similarQuestions(
  scope: SearchScope,
  args: { title: string; body?: string | null; first: number },
): Promise<SearchHit[]> {
  const question = normaliseQuestion(args.title, args.body);
  const request = { ...question, first: args.first, viewer: scope.viewer };
  return (await onSearchIndex(scope.services, (i) => i.similar(scope.em, request))).result;
}
