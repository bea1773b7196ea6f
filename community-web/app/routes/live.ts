import { eventStream } from 'remix-utils/sse/server';
import { LiveRefused, openLiveFeed } from '../features/live/live-feed.server';
import { formatLiveId, parseLiveId } from '../features/live/live-id';
import { readToken } from '../lib/session.server';
import type { Route } from './+types/live';

/** Proxies close idle connections (nginx after 60 s by default): a comment-like ping well before. */
const HEARTBEAT_MS = 20_000;

/**
 * The page's one Server-Sent Events stream (`/live?thread=12`): what happens in the thread it
 * shows, and the signed-in member's new notifications, as they may see them, relayed from the API's graphql-ws
 * subscriptions. Each event carries the cursor to resume from; the browser sends it back as
 * Last-Event-ID when it reconnects and the stream catches up. A member the API refuses
 * (suspended, session ended) gets 403, which browsers do not retry.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const threadParam = url.searchParams.get('thread');
  const threadId = threadParam && /^\d{1,10}$/.test(threadParam) ? threadParam : null;
  const token = await readToken(request);
  // A visitor off a thread page has nothing to hear.
  if (!threadId && !token) return new Response(null, { status: 204 });
  const cursor = parseLiveId(request.headers.get('last-event-id') ?? url.searchParams.get('lastEventId'));
  const queue: Parameters<Parameters<typeof openLiveFeed>[0]['onEvent']>[0][] = [];
  let forward: ((event: (typeof queue)[number]) => void) | null = null;
  let feed;
  try {
    feed = await openLiveFeed({
      token,
      clientIp: request.headers.get('x-hearth-client-ip') ?? '127.0.0.1',
      threadId,
      cursor,
      onEvent: (event) => (forward ? forward(event) : queue.push(event)),
    });
  } catch (err) {
    if (err instanceof LiveRefused && err.reason === 'refused') {
      return new Response('Live updates are not available for this session.', { status: 403 });
    }
    return new Response('Live updates are unavailable right now.', { status: 503, headers: { 'retry-after': '10' } });
  }
  const live = feed;
  return eventStream(
    request.signal,
    (send, close) => {
      // The browser may be gone before the abort signal says so (the response stream is
      // cancelled first): a write then throws, and must end this stream, never the process.
      const end = () => {
        try {
          close();
        } catch {
          // already closed
        }
      };
      const write = (event: Parameters<typeof send>[0]) => {
        try {
          send(event);
        } catch {
          end();
        }
      };
      forward = (event) => {
        if (event.event === 'thread') cursor.thread = event.id;
        else cursor.notification = event.id;
        write({ event: event.event, id: formatLiveId(cursor), data: JSON.stringify(event.data) });
      };
      queue.splice(0).forEach(forward);
      write({ event: 'ready', data: JSON.stringify({ thread: threadId }) });
      const heartbeat = setInterval(() => write({ event: 'ping', data: '' }), HEARTBEAT_MS);
      // The API went away: end the stream; the browser reconnects with its Last-Event-ID.
      void live.ended.then(end);
      return () => {
        clearInterval(heartbeat);
        live.close();
      };
    },
    { headers: { 'x-accel-buffering': 'no' } },
  );
}
