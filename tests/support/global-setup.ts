import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, ensureDatabase } from '../../api/src/platform/db/embedded-postgres.js';
import { logger } from '../../api/src/platform/logger.js';
import { migrateDatabase } from './database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the test cluster's maintenance database; workers clone `hearth_template` from it. */
    pgAdminUrl: string;
  }
}

/**
 * Starts one throwaway PostgreSQL cluster for the run (or uses TEST_DATABASE_URL's server) and
 * builds the migrated template database every worker clones.
 */
export default async function setup(project: TestProject) {
  logger.setLevel('warn'); // the template's migrations, one line each, are not news
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stop = async () => {};
  if (!adminUrl) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-test-'));
    fs.chmodSync(dataDir, 0o755);
    const port = 55000 + Math.floor(Math.random() * 5000);
    const cluster = await startEmbeddedPostgres({ dataDir, port, ephemeral: true });
    adminUrl = cluster.url('postgres');
    stop = async () => {
      await cluster.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    };
  }
  await ensureDatabase(adminUrl, 'hearth_template');
  await migrateDatabase(adminUrl.replace(/\/[^/]*$/, '/hearth_template'));
  project.provide('pgAdminUrl', adminUrl);
  return stop;
}
