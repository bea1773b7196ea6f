import { bootstrap } from './bootstrap.js';
import { loadConfig } from './config.js';
import { configurePasswordHashing } from './modules/accounts/passwords.js';
import { logger } from './platform/logger.js';
import { seedDemoIfEmpty } from './seed/demo.js';
import { createServer } from './server.js';

const config = loadConfig();
logger.setLevel(config.LOG_LEVEL);
configurePasswordHashing(config);
// Workers start after the demo seed, which rewrites timestamps that badge rules read.
const app = await bootstrap(config, undefined, { startWorkers: false });
if (config.SEED_DEMO === 'auto') await seedDemoIfEmpty(app.services);
await app.services.jobs.work(app.services);

const { httpServer, apollo } = await createServer(app.services);
httpServer.listen(config.PORT, config.HOST, () => {
  logger.info(`Hearth API ready at http://localhost:${config.PORT}/graphql`, {
    database: config.DATABASE_URL ? 'DATABASE_URL' : `embedded PostgreSQL in ${config.DATA_DIR}`,
  });
});

const purge = setInterval(() => app.services.rateLimits.purgeExpired().catch(() => {}), 10 * 60_000);
purge.unref();

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info(`received ${signal}, shutting down`);
  await apollo.stop();
  await app.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
