import { randomBytes } from 'node:crypto';
import { startMeilisearch, type MeilisearchServer } from '../../scripts/meilisearch-server.mjs';

export type { MeilisearchServer };

/**
 * A real Meilisearch 1.21 for one test file: a free loopback port, a random master key, a temp
 * data dir removed on `stop()`. It starts in well under a second; `halt()` and `restart()`
 * simulate an outage on the same port and data.
 */
export function startTestMeilisearch(): Promise<MeilisearchServer> {
  return startMeilisearch();
}

/** The API settings that point it at `server`, with index names of its own. */
export function meilisearchEnv(server: MeilisearchServer): Record<string, string> {
  return {
    MEILISEARCH_URL: server.url,
    MEILISEARCH_KEY: server.masterKey,
    MEILISEARCH_INDEX_PREFIX: `t${randomBytes(4).toString('hex')}_`,
  };
}
