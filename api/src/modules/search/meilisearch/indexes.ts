import type { Meilisearch, Settings } from 'meilisearch';
import type { SearchKind } from '../search-index.js';
import { settled } from './tasks.js';

/** Hearth's Meilisearch indexes, named `<prefix>posts` etc. so instances and tests can share a server. */
export interface IndexNames {
  /** Threads (their question) and replies: one index, filtered and sorted alike. */
  posts: string;
  articles: string;
  members: string;
}

export const indexNames = (prefix: string): IndexNames => ({
  posts: `${prefix}posts`,
  articles: `${prefix}articles`,
  members: `${prefix}members`,
});

export const indexOfKind = (names: IndexNames, kind: SearchKind): string =>
  kind === 'ARTICLE' ? names.articles : kind === 'MEMBER' ? names.members : names.posts;

/**
 * The same attributes in every index (a federated search filters and sorts them alike). The
 * order of searchableAttributes is the attribute ranking: title above tags above body; code
 * last, and without typo tolerance (an identifier one letter off is another identifier).
 * createdAt is epoch milliseconds: Meilisearch filters and sorts numbers, not dates.
 */
const COMMON: Settings = {
  // 'sort' first: a NEWEST search is newest first whatever the relevance; without a sort it does nothing.
  rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
  searchableAttributes: ['title', 'tags', 'body', 'code'],
  filterableAttributes: ['kind', 'categoryId', 'tags', 'solved', 'createdAt', 'threadId'],
  sortableAttributes: ['createdAt'],
  displayedAttributes: ['*'],
  typoTolerance: { disableOnAttributes: ['code'] },
  // No distinct attribute for the index: a search of threads and replies together asks
  // `distinct: threadId` itself (onePerThread), a search of replies alone lists each of them.
  distinctAttribute: null,
};

/** The settings of each index; `maxTotalHits` is how deep results may be paged. */
export function indexSettings(names: IndexNames, maxTotalHits: number): Record<string, Settings> {
  const settings = { ...COMMON, pagination: { maxTotalHits } };
  return { [names.posts]: settings, [names.articles]: settings, [names.members]: settings };
}

/**
 * Creates the indexes and applies their settings, waiting for both. Idempotent: an index that
 * exists is kept, and settings equal to the current ones leave the index as it is (Meilisearch
 * reindexes only when a setting changes).
 */
export async function ensureIndexes(client: Meilisearch, names: IndexNames, maxTotalHits: number): Promise<void> {
  const existing = new Set((await client.getIndexes({ limit: 1000 })).results.map((i) => i.uid));
  const tasks = [];
  for (const [uid, settings] of Object.entries(indexSettings(names, maxTotalHits))) {
    if (!existing.has(uid)) tasks.push(await client.createIndex(uid, { primaryKey: 'id' }));
    tasks.push(await client.index(uid).updateSettings(settings));
  }
  await settled(client, tasks, 60_000);
}
