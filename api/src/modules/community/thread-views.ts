import { createHmac } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { countDailyView } from '../../platform/db/daily-views.js';
import { pruneJob } from '../../platform/jobs/prune-job.js';

/**
 * Crawlers, previews, monitors, HTTP libraries and headless browsers: their page loads are not
 * views. A request without a user agent is not a browser either.
 */
const BOT_USER_AGENT =
  /bot|crawl|spider|slurp|headless|lighthouse|preview|facebookexternalhit|curl|wget|python|httpclient|java\/|go-http-client|okhttp|axios|scrapy|phantomjs|puppeteer|playwright|selenium|archiver|feedfetcher|monitor|pingdom/i;

/** True when `userAgent` is empty or names a crawler, preview fetcher, script or headless browser. */
export function isBotUserAgent(userAgent: string | null | undefined): boolean {
  return !userAgent?.trim() || BOT_USER_AGENT.test(userAgent);
}

/**
 * Who a view is counted for: `m:<id>` for a member; for a visitor `a:` and a keyed hash of the
 * client address and user agent (HMAC with SESSION_SECRET), so no address is stored and the
 * key cannot be reversed by hashing every IPv4 address.
 */
export function viewerKey(
  viewer: { id: number } | null,
  client: { ip: string; userAgent: string },
  secret: string | undefined,
): string {
  if (viewer) return `m:${viewer.id}`;
  const hash = createHmac('sha256', secret ?? 'hearth-thread-views')
    .update(`${client.ip}\n${client.userAgent}`)
    .digest('hex');
  return `a:${hash.slice(0, 32)}`;
}

/** Counts a view of `threadId` by `key`, once per UTC day; returns the thread's view count. */
export const countThreadView = (em: EntityManager, threadId: number, key: string): Promise<number> =>
  countDailyView(em, { views: 'thread_views', idColumn: 'thread_id', counted: 'threads' }, threadId, key);

declare module '../../platform/jobs/jobs.js' {
  interface JobPayloads {
    'community.prune-thread-views': Record<string, never>;
  }
}

/**
 * Deletes view rows from before yesterday (UTC), daily just after midnight: only today's decide
 * whether a view counts.
 */
export const pruneThreadViewsJob = pruneJob(
  'community.prune-thread-views',
  '23 0 * * *',
  `delete from thread_views where day < (now() at time zone 'utc')::date - 1 returning 1`,
);
export const pruneThreadViews = pruneThreadViewsJob.prune;
