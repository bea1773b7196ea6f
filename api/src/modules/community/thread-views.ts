import { createHmac } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../platform/db/sql.js';
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

/**
 * Counts a view of `threadId` by `key`, once per UTC day, and returns the thread's view count.
 * One statement: the thread_views row is inserted unless it exists, and the counter moves only
 * when it was (concurrent views by one viewer wait on the key and count once).
 */
export async function countThreadView(em: EntityManager, threadId: number, key: string): Promise<number> {
  const [row] = await sql<{ view_count: number }>(
    em,
    `with seen as (
       insert into thread_views (thread_id, viewer_key, day)
       values (?, ?, (now() at time zone 'utc')::date)
       on conflict do nothing
       returning thread_id
     ), counted as (
       update threads set view_count = view_count + 1
        where id = (select thread_id from seen)
       returning view_count
     )
     select coalesce((select view_count from counted), (select view_count from threads where id = ?)) as view_count`,
    [threadId, key, threadId],
  );
  return row!.view_count;
}

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
