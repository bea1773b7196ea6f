import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { bootstrap, type App } from '../../api/src/bootstrap.js';
import { loadConfig } from '../../api/src/config.js';
import { configurePasswordHashing } from '../../api/src/modules/accounts/passwords.js';
import { NO_ABUSE_LIMITS } from '../../api/src/platform/abuse-limits.js';
import { logger } from '../../api/src/platform/logger.js';
import { createServer } from '../../api/src/server.js';
import { createTestDatabase } from './database.js';

export interface GraphQLResponse<T = any> {
  status: number;
  headers: Headers;
  data: T;
  errors?: { message: string; path?: string[]; extensions: Record<string, any> }[];
  extensions?: Record<string, any>;
}

export interface RequestOptions {
  token?: string | null;
  /** Client address, forwarded as a trusted proxy (the web app) would. */
  ip?: string;
  headers?: Record<string, string>;
}

export interface TestApi {
  url: string;
  app: App;
  /** Runs one SQL statement against this file's database, for asserting on rows. */
  sql<T = any>(text: string, params?: unknown[]): Promise<T[]>;
  gql<T = any>(query: string, variables?: Record<string, unknown>, opts?: RequestOptions): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/**
 * Starts the real API (same bootstrap and HTTP server as production) on a random port, on a
 * database of its own cloned from the migrated template. Requests go over HTTP.
 *
 * Abuse limits (posting pace, daily caps, sign-ups per network) are off unless a test passes
 * ABUSE_LIMITS: tests create many posts from one member in a moment. `'{}'` turns every limit
 * on with its production default (tests/api/abuse-limits.test.ts).
 */
export async function startTestApi(
  env: Record<string, string> = {},
  opts: { startWorkers?: boolean; sameDatabaseAs?: TestApi } = {},
): Promise<TestApi> {
  // A second instance on another API's database: what two API processes behind one load balancer share.
  const url =
    opts.sameDatabaseAs?.app.database.url ??
    (await createTestDatabase(inject('pgAdminUrl'), `hearth_t_${randomBytes(5).toString('hex')}`));
  const outbox = path.join(os.tmpdir(), 'hearth-test-outbox', path.basename(new URL(url).pathname));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: url,
    SEED_DEMO: 'never',
    LOG_LEVEL: 'error',
    JOBS_POLL_SECONDS: '0.5',
    ABUSE_LIMITS: JSON.stringify(NO_ABUSE_LIMITS),
    // Without SMTP_URL emails go to an outbox: one per test API under the system's temporary
    // folder, never the repository's .data/outbox (tests/api/notification-emails.test.ts reads it).
    OUTBOX_DIR: outbox,
    // Uploads (avatars) of each test API in a folder of its own, never in the repository's .data.
    UPLOADS_DIR: path.join(os.tmpdir(), 'hearth-test-uploads', url.split('/').pop()!.split('?')[0]!),
    ...env,
  });
  // As main.ts does: cheap argon2 parameters under NODE_ENV=test (never in production).
  configurePasswordHashing(config);
  logger.setLevel(config.LOG_LEVEL);
  const app = await bootstrap(config, { url }, opts);
  const { httpServer, apollo } = await createServer(app.services);
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const pool = new pg.Pool({ connectionString: url, max: 2 });

  return {
    url: base,
    app,
    sql: async (text, params = []) => (await pool.query(text, params)).rows,
    async gql(query, variables = {}, opts = {}) {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': opts.ip ?? '203.0.113.1',
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
          ...opts.headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as any;
      return {
        status: res.status,
        headers: res.headers,
        data: body.data,
        errors: body.errors,
        extensions: body.extensions,
      };
    },
    async close() {
      await apollo.stop();
      await pool.end();
      await app.close();
      await fs.rm(outbox, { recursive: true, force: true });
    },
  };
}
