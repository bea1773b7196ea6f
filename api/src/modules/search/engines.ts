import type { Services } from '../../platform/scope.js';
import { PostgresSearchIndex } from './postgres-index.js';
import type { SearchIndex } from './search-index.js';

export interface SearchEngines {
  /** Always maintained (the `search.postgres` subscriber): the default, and the fallback. */
  postgres: PostgresSearchIndex;
  /** The engine searches go to when it answers. */
  primary: SearchIndex;
}

const built = new WeakMap<Services, SearchEngines>();

/** The search engines of a running API, built once from its configuration. */
export function searchEngines(services: Services): SearchEngines {
  let engines = built.get(services);
  if (!engines) {
    const postgres = new PostgresSearchIndex(services.config.SEARCH_MAX_TOTAL);
    engines = { postgres, primary: postgres };
    built.set(services, engines);
  }
  return engines;
}

/**
 * The index to search now: the primary engine, or PostgreSQL when the primary does not answer
 * (then `degraded`: results may be plainer, never less private).
 */
export async function searchIndexFor(services: Services): Promise<{ index: SearchIndex; degraded: boolean }> {
  const { primary, postgres } = searchEngines(services);
  if (primary === postgres || (await primary.healthy())) return { index: primary, degraded: false };
  return { index: postgres, degraded: true };
}
