import http from 'node:http';
import net from 'node:net';
import { randomUUID } from 'node:crypto';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import { buildHearthSchema } from './graphql/build-schema.js';
import { buildContext, type Context } from './graphql/context.js';
import { formatError } from './graphql/format-error.js';
import { attachLiveServer } from './graphql/live-server.js';
import { armorProtection, costAndShapePlugin } from './graphql/limits.js';
import { DomainError } from './platform/errors.js';
import { logger, requestScope, type RequestStore } from './platform/logger.js';
import {
  counter,
  histogram,
  metricsAccess,
  metricsContentType,
  OperationLabels,
  renderMetrics,
  watchDbPool,
  watchEventSubscribers,
  watchJobQueues,
  watchLive,
} from './platform/metrics.js';
import type { Services } from './platform/scope.js';

/** RATE_LIMITED answers HTTP 429 with Retry-After; an invalid session answers 401. */
const httpStatusPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const errors = response.body.singleResult.errors ?? [];
        const limited = errors.find((e) => e.extensions?.code === 'RATE_LIMITED');
        if (limited) {
          response.http.status = 429;
          response.http.headers.set('retry-after', String(limited.extensions?.retryAfterSeconds ?? 60));
        }
      },
    };
  },
};

/** SQL statements run for this request, when asked (`x-hearth-debug: sql`): proves there is no N+1. */
const statementCountPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart({ request }) {
    const wanted = request.http?.headers.get('x-hearth-debug') === 'sql';
    return {
      async willSendResponse({ response }) {
        const store = requestScope.getStore();
        if (wanted && store && response.body.kind === 'single') {
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            sqlStatements: store.sqlStatements,
          };
        }
      },
    };
  },
};

const graphqlRequests = counter({
  name: 'hearth_graphql_requests_total',
  help: 'GraphQL requests by operation name (bounded: "anonymous", "other") and HTTP status',
  labelNames: ['operation', 'status'],
});
const graphqlDuration = histogram({
  name: 'hearth_graphql_request_duration_seconds',
  help: 'GraphQL request latency, from the request reaching /graphql to the response sent',
  labelNames: ['operation'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
});
const graphqlErrors = counter({
  name: 'hearth_graphql_errors_total',
  help: 'Errors in GraphQL responses by operation and extensions.code (INTERNAL_SERVER_ERROR: a bug)',
  labelNames: ['operation', 'code'],
});

/** Records what Apollo resolved (the parsed operation name) and the error codes it sent. */
const requestStorePlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    const store = requestScope.getStore();
    return {
      async didResolveOperation({ operation }) {
        if (store) store.operation = operation?.name?.value;
      },
      async willSendResponse({ response }) {
        if (!store || response.body.kind !== 'single') return;
        const codes = (response.body.singleResult.errors ?? []).map((e) => String(e.extensions?.code ?? 'UNKNOWN'));
        if (codes.length) store.errorCodes = codes;
      },
    };
  },
};

/**
 * Opens the request scope (request id, SQL count, operation) and, once the response is sent
 * or the client went away, writes the request's log line and metrics.
 */
function observeGraphQLRequests(services: Services): RequestHandler {
  const { config } = services;
  const labels = new OperationLabels(config.METRICS_MAX_OPERATIONS);
  const logRequest = config.LOG_REQUESTS === 'off' ? undefined : logger[config.LOG_REQUESTS];
  return (req, res, next) => {
    const requestId = (req.get('x-request-id') ?? '').slice(0, 64) || randomUUID();
    res.setHeader('x-request-id', requestId);
    const store: RequestStore = { requestId, sqlStatements: 0 };
    const started = process.hrtime.bigint();
    res.on('close', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // 499: the client closed the connection before the response was sent (nginx's convention).
      const status = res.writableFinished ? res.statusCode : 499;
      const operation = labels.label(store.operation);
      graphqlRequests.inc({ operation, status: String(status) });
      graphqlDuration.observe({ operation }, seconds);
      for (const code of new Set(store.errorCodes)) graphqlErrors.inc({ operation, code });
      logRequest?.('graphql request', {
        requestId,
        operation: store.operation?.slice(0, 100) ?? null,
        status,
        durationMs: Math.round(seconds * 10_000) / 10,
        sqlStatements: store.sqlStatements,
        ...(store.errorCodes ? { errors: store.errorCodes.slice(0, 10) } : {}),
      });
    });
    requestScope.run(store, () => next());
  };
}

/**
 * The API's HTTP server: /graphql (Apollo on express 5), /healthz (process up, and which
 * process: `service` and `instance`), /readyz (database reachable) and /metrics (Prometheus;
 * loopback or METRICS_TOKEN). Stateless: run as many as needed behind a load balancer.
 */
export async function createServer(services: Services) {
  const { config } = services;
  const schema = await buildHearthSchema(services.assembly, services.live.pubSub);
  const app = express();
  const httpServer = http.createServer(app);
  app.disable('x-powered-by');
  // GraphQL answers POSTs, which no cache revalidates: hashing every body for an ETag is waste.
  app.disable('etag');
  // The web app (and a load balancer) forward the client address; trust it only from loopback.
  app.set('trust proxy', 'loopback');

  const live = attachLiveServer(httpServer, schema, services);
  const armor = armorProtection(config);
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: !config.isProduction,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    // main.ts owns SIGINT/SIGTERM: it drains HTTP, then jobs, then the database, in that order.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: config.GRAPHQL_MAX_TOKENS },
    validationRules: armor.validationRules,
    formatError: (formatted, error) => formatError(formatted, error, config.isProduction),
    plugins: [
      ...(armor.plugins as ApolloServerPlugin<Context>[]),
      costAndShapePlugin(schema, config),
      httpStatusPlugin,
      statementCountPlugin,
      requestStorePlugin,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { serverWillStart: async () => ({ drainServer: () => live.dispose() }) },
      // Cache hints are unused; the default plugin would wrap every field resolver to collect them.
      ApolloServerPluginCacheControlDisabled(),
      ...(config.isProduction ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service: 'hearth-api', instance: config.INSTANCE_ID ?? null });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await services.orm.em.getConnection().execute('select 1');
      res.json({ status: 'ready' });
    } catch (err) {
      logger.warn('readiness check failed', { error: err });
      res.status(503).json({ status: 'unavailable', reason: 'database unreachable' });
    }
  });

  const knex = services.orm.em.getConnection().getKnex();
  watchDbPool(services, knex as unknown as Parameters<typeof watchDbPool>[1]);
  watchJobQueues(services, (sql) => services.orm.em.getConnection().execute(sql));
  watchEventSubscribers(services, () => services.events.status(services.orm.em.fork()));
  watchLive(services, services.live);
  app.get('/metrics', async (req, res) => {
    const access = metricsAccess(
      { headers: req.headers, remoteAddress: req.socket.remoteAddress },
      config.METRICS_TOKEN,
    );
    if (access === 'unauthorized') {
      res.status(401).set('www-authenticate', 'Bearer').json({ error: 'a bearer token is required' });
      return;
    }
    if (access === 'forbidden') {
      res.status(403).json({ error: 'metrics are served to loopback clients only (or set METRICS_TOKEN)' });
      return;
    }
    res.set('content-type', metricsContentType).send(await renderMetrics(services));
  });

  app.use(
    '/graphql',
    observeGraphQLRequests(services),
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        try {
          return await buildContext(services, req, String(res.getHeader('x-request-id')));
        } catch (err) {
          if (err instanceof DomainError) {
            // A suspended member's session is FORBIDDEN with `suspendedUntil` (modules/sanctions).
            const status = err.code === 'UNAUTHENTICATED' ? 401 : err.code === 'FORBIDDEN' ? 403 : 400;
            throw new GraphQLError(err.message, { extensions: { code: err.code, ...err.details, http: { status } } });
          }
          throw err;
        }
      },
    }),
  );

  const bodyErrors: ErrorRequestHandler = (err, _req, res, next) => {
    const status = (err as { status?: number }).status;
    if (status === 413) {
      res.status(413).json({
        errors: [{ message: 'The request body is larger than 1 MB.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
      });
    } else if (status === 400) {
      res
        .status(400)
        .json({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
    } else {
      next(err);
    }
  };
  app.use(bodyErrors);

  for (const mount of services.assembly.http) mount(app, services);

  app.use((_req, res) => {
    res.status(404).json({ errors: [{ message: 'Not found.', extensions: { code: 'NOT_FOUND' } }] });
  });
  // Last resort: logged with the request id, answered without internals (no stack in any mode).
  const unexpected: ErrorRequestHandler = (err, req, res, next) => {
    const requestId = String(res.getHeader('x-request-id') ?? '') || undefined;
    logger.error('unexpected error', { error: err, method: req.method, path: req.path, requestId });
    if (res.headersSent) return next(err);
    res.status(500).json({
      errors: [
        {
          message: 'Something went wrong on our side. Please try again.',
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ],
    });
  };
  app.use(unexpected);

  return { app, httpServer, apollo };
}

/**
 * Fails fast, before a slow start-up, when the port is taken: binds it and lets it go. The real
 * `listen` reports the same way if the port is taken in between.
 */
export async function assertPortFree(port: number, host: string): Promise<void> {
  const probe = net.createServer();
  await listen(probe, port, host);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
}

/** `server.listen` as a promise whose error names the port (in use, or not allowed). */
export function listen(server: net.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      const where = `port ${port} on ${host}`;
      if (err.code === 'EADDRINUSE') {
        reject(new Error(`Cannot listen: ${where} is already in use. Stop what uses it, or set PORT.`));
      } else if (err.code === 'EACCES') {
        reject(new Error(`Cannot listen: ${where} is not allowed for this user. Choose a port above 1023.`));
      } else if (err.code === 'EADDRNOTAVAIL') {
        reject(new Error(`Cannot listen: ${host} is not an address of this machine (HOST).`));
      } else {
        reject(new Error(`Cannot listen on ${where}: ${err.message}`));
      }
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}
