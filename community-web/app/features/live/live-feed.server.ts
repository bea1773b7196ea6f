import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { NotificationAddedSubscription, ThreadActivitySubscription } from './live-documents';
import type { LiveCursor } from './live-id';

const API_URL = process.env.API_URL ?? 'http://127.0.0.1:4000';
const WS_URL = `${API_URL.replace(/^http/, 'ws')}/graphql`;

export type LiveEvent =
  | { event: 'thread'; id: string; data: { kind: string; postId: string | null } }
  | { event: 'notification'; id: string; data: { message: string } };

export interface LiveFeed {
  /** Why the feed ended: 'refused' (the API would not serve this member), or 'lost'. */
  ended: Promise<'refused' | 'lost'>;
  close(): void;
}

/**
 * One browser's live feed: a graphql-ws connection from this server to the API, as the
 * browser's member, with the subscriptions the page wants (its thread; a member's own
 * notifications), starting after the
 * cursor the browser last saw. Resolves once the API accepted the connection, or rejects with
 * 'refused' when it would not (a suspended member, an ended session) so the route can answer
 * with an error the browser does not retry.
 */
export async function openLiveFeed(opts: {
  token: string | null;
  clientIp: string;
  threadId: string | null;
  cursor: LiveCursor;
  onEvent: (event: LiveEvent) => void;
}): Promise<LiveFeed> {
  let settle!: (how: 'refused' | 'lost') => void;
  const ended = new Promise<'refused' | 'lost'>((resolve) => (settle = resolve));
  let connected = false;
  let resolveConnected!: () => void;
  const accepted = new Promise<'connected'>((resolve) => (resolveConnected = () => resolve('connected')));
  const client: Client = createClient({
    url: WS_URL,
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        // The API limits and logs per client address, as for the page's own requests.
        super(address, protocols, { headers: { 'x-forwarded-for': opts.clientIp } });
      }
    },
    connectionParams: opts.token ? { authorization: `Bearer ${opts.token}` } : {},
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => undefined,
    on: {
      connected: () => {
        connected = true;
        resolveConnected();
      },
      closed: (event) => settle(!connected || (event as { code?: number }).code === 4403 ? 'refused' : 'lost'),
    },
  });
  const stops: (() => void)[] = [];
  const onError = () => settle('lost');
  if (opts.threadId) {
    stops.push(
      client.subscribe(
        {
          query: print(ThreadActivitySubscription),
          variables: { threadId: opts.threadId, after: opts.cursor.thread },
        },
        {
          next: ({ data }) => {
            const activity = (data as { threadActivity?: { eventId: string; kind: string; postId: string | null } })
              ?.threadActivity;
            if (activity) {
              opts.onEvent({
                event: 'thread',
                id: activity.eventId,
                data: { kind: activity.kind, postId: activity.postId },
              });
            }
          },
          error: onError,
          complete: onError,
        },
      ),
    );
  }
  if (opts.token) {
    stops.push(
      client.subscribe(
        { query: print(NotificationAddedSubscription), variables: { after: opts.cursor.notification } },
        {
          next: ({ data }) => {
            const added = (data as { notificationAdded?: { id: string; message: string } })?.notificationAdded;
            if (added) opts.onEvent({ event: 'notification', id: added.id, data: { message: added.message } });
          },
          error: onError,
          complete: onError,
        },
      ),
    );
  }
  const feed: LiveFeed = {
    ended,
    close: () => {
      stops.forEach((stop) => stop());
      // Disposing a socket that is still connecting may reject; nothing is left to clean then.
      void Promise.resolve(client.dispose()).catch(() => undefined);
    },
  };
  // Wait for the API's answer to the connection before the stream starts.
  const outcome = await Promise.race([accepted, ended]);
  if (outcome !== 'connected') {
    feed.close();
    throw new LiveRefused(outcome);
  }
  return feed;
}

export class LiveRefused extends Error {
  constructor(readonly reason: 'refused' | 'lost') {
    super(`live feed ${reason}`);
  }
}
