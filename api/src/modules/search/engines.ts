import type { Config } from '../../config.js';
import { DomainError } from '../../platform/errors.js';
import { logger } from '../../platform/logger.js';
import type { Services } from '../../platform/scope.js';
import { MeilisearchIndex } from './meilisearch-index.js';
import { PostgresSearchIndex } from './postgres-index.js';
import { loadSearchDocuments } from './search-documents.js';
import type { SearchIndex } from './search-index.js';

export interface SearchEngines {
  /** Always maintained (the `search.postgres` subscriber): the default, and the fallback. */
  postgres: PostgresSearchIndex;
  /** Present when MEILISEARCH_URL is set (kept by the `search.meilisearch` subscriber). */
  meilisearch: MeilisearchIndex | null;
  /** The engine searches go to when it answers. */
  primary: SearchIndex;
}

const built = new WeakMap<Services, SearchEngines>();

/** The Meilisearch engine this configuration names (MEILISEARCH_URL), or null. */
export function meilisearchIndexOf(config: Config): MeilisearchIndex | null {
  if (!config.MEILISEARCH_URL) return null;
  return new MeilisearchIndex({
    url: config.MEILISEARCH_URL,
    apiKey: config.MEILISEARCH_KEY,
    prefix: config.MEILISEARCH_INDEX_PREFIX,
    maxTotal: config.SEARCH_MAX_TOTAL,
    loadDocuments: loadSearchDocuments,
  });
}

/** The search engines of a running API, built once from its configuration. */
export function searchEngines(services: Services): SearchEngines {
  let engines = built.get(services);
  if (!engines) {
    const { config } = services;
    const postgres = new PostgresSearchIndex(config.SEARCH_MAX_TOTAL);
    const meilisearch = meilisearchIndexOf(config);
    engines = { postgres, meilisearch, primary: meilisearch ?? postgres };
    built.set(services, engines);
  }
  return engines;
}

/**
 * The index to search now: the primary engine, or PostgreSQL when the primary does not answer
 * (then `degraded`: results may be plainer, never less private). The primary's health is
 * cached for a few seconds, so searches do not each probe it.
 */
export async function searchIndexFor(services: Services): Promise<{ index: SearchIndex; degraded: boolean }> {
  const { primary, postgres } = searchEngines(services);
  if (primary === postgres || (await primary.healthy())) return { index: primary, degraded: false };
  return { index: postgres, degraded: true };
}

/**
 * Runs `query` on the index to search now; when the primary fails during the call (it went
 * down since its last health check, or answered with an error), runs it again on PostgreSQL,
 * degraded. Invalid input (a DomainError) is the caller's, on any engine, and is not retried.
 */
export async function onSearchIndex<T>(
  services: Services,
  query: (index: SearchIndex) => Promise<T>,
): Promise<{ result: T; index: SearchIndex; degraded: boolean }> {
  const { index, degraded } = await searchIndexFor(services);
  const { postgres } = searchEngines(services);
  if (index === postgres) return { result: await query(index), index, degraded };
  try {
    return { result: await query(index), index, degraded: false };
  } catch (error) {
    if (error instanceof DomainError) throw error;
    logger.warn('search engine failed; answering from PostgreSQL', { engine: index.engine, error });
    return { result: await query(postgres), index: postgres, degraded: true };
  }
}
