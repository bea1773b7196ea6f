import type http from 'node:http';
import { randomUUID } from 'node:crypto';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { Context as WsContext } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { DomainError } from '../platform/errors.js';
import { logger } from '../platform/logger.js';
import type { Services } from '../platform/scope.js';
import { bearerToken } from './context.js';
import { formatError } from './format-error.js';
import { liveContext, refreshViewer, releaseLiveContext, type LiveSession } from './live-session.js';

/** Subscriptions one connection may hold at once (a page needs two or three). */
const MAX_SUBSCRIPTIONS_PER_CONNECTION = 20;
/** Clients send only small subscribe messages. */
const MAX_MESSAGE_BYTES = 16 * 1024;
/** Close codes (4400–4499 are graphql-ws's, 4403 is Forbidden). */
const FORBIDDEN = 4403;

interface Extra extends Record<PropertyKey, unknown> {
  socket: WebSocket;
  request: http.IncomingMessage;
  session?: LiveSession;
  subscriptions?: number;
  stopWatching?: () => void;
}

/**
 * GraphQL subscriptions over graphql-ws on the API's own port and path (`/graphql`). The
 * connection authenticates once with the `authorization` connection parameter (the same bearer
 * token as requests); the member's standing is then followed on their `member:<id>` topic: a
 * role change or a lifted sanction renews the viewer of their subscriptions, a suspension or an
 * ended session closes the connection (4403).
 */
export function attachLiveServer(httpServer: http.Server, schema: GraphQLSchema, services: Services) {
  const wss = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: MAX_MESSAGE_BYTES });
  const connections = services.live;
  const cleanup = useServer<Record<string, unknown> | undefined, Extra>(
    {
      schema,
      context: (ctx) => liveContext(services, ctx.extra.session!),
      onConnect: async (ctx) => {
        const token = bearerToken(asHeader(ctx.connectionParams?.authorization));
        const session: LiveSession = {
          token,
          viewer: null,
          ip: ctx.extra.request.socket.remoteAddress ?? 'unknown',
          userAgent: String(ctx.extra.request.headers['user-agent'] ?? '').slice(0, 512),
          connectionId: randomUUID(),
          standing: -1,
          ended: false,
        };
        if (token) {
          try {
            const heard = services.live.standingChanges;
            session.viewer = await services.assembly.authenticate(services.orm.em.fork(), token);
            // A change heard while the member was read may postdate what was read: then the
            // first event re-reads them (standing -1 never matches).
            if (services.live.standingChanges === heard) session.standing = services.live.standingOf(session.viewer.id);
          } catch (err) {
            if (err instanceof DomainError) return false;
            throw err;
          }
        }
        ctx.extra.session = session;
        ctx.extra.subscriptions = 0;
        ctx.extra.stopWatching = connections.track('connection');
        if (session.viewer) watchStanding(services, ctx, session);
        return true;
      },
      onSubscribe: (ctx) => {
        if ((ctx.extra.subscriptions ?? 0) >= MAX_SUBSCRIPTIONS_PER_CONNECTION) {
          return [
            new GraphQLError(`At most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions per connection.`, {
              extensions: { code: 'RATE_LIMITED' },
            }),
          ];
        }
        ctx.extra.subscriptions = (ctx.extra.subscriptions ?? 0) + 1;
      },
      onComplete: (ctx) => {
        ctx.extra.subscriptions = Math.max(0, (ctx.extra.subscriptions ?? 1) - 1);
      },
      onError: (_ctx, _id, _payload, errors) =>
        errors.map((e) => formatError(e.toJSON(), e, services.config.isProduction)),
      onNext: (_ctx, _id, _payload, args, result) => {
        // The event is resolved: what it loaded is not kept until the next one.
        releaseLiveContext(args.contextValue);
        if (!('errors' in result) || !result.errors?.length) return;
        return {
          ...result,
          errors: result.errors.map((e) => formatError(e.toJSON(), e, services.config.isProduction)),
        };
      },
      onClose: (ctx) => {
        ctx.extra.stopWatching?.();
      },
    },
    wss,
  );
  return {
    /** Closes every connection (the HTTP server drains requests separately). */
    async dispose() {
      await cleanup.dispose();
    },
  };
}

/**
 * Follows the connected member's standing: each change re-reads who they are; if they may no
 * longer sign in (suspended, session ended) the connection is closed.
 */
function watchStanding(
  services: Services,
  ctx: WsContext<Record<string, unknown> | undefined, Extra>,
  session: LiveSession,
) {
  const changes = services.live.pubSub.subscribe(`member:${session.viewer!.id}`)[Symbol.asyncIterator]();
  const stopTracking = ctx.extra.stopWatching;
  ctx.extra.stopWatching = () => {
    stopTracking?.();
    void changes.return?.();
  };
  void (async () => {
    for (;;) {
      const next = await changes.next();
      if (next.done) return;
      const ended = await refreshViewer(services, session).catch((err: unknown) => {
        logger.warn('live: could not re-read a member', { error: err });
        return null;
      });
      if (ended !== null) {
        ctx.extra.socket.close(FORBIDDEN, ended.slice(0, 120));
        return;
      }
    }
  })();
}

const asHeader = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
