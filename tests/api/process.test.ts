import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../support/database.js';

// The API as a process (api/src/main.ts, run with tsx as `npm run dev` does): it refuses a busy
// port with a message naming it, logs JSON lines (one per GraphQL request), and stops cleanly on
// SIGTERM. And scripts/start.mjs does not claim success when something else holds the port.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Run {
  exit: Promise<number | null>;
  output: () => { stdout: string; stderr: string };
  kill: (signal: NodeJS.Signals) => void;
}

function runNode(args: string[], cwd: string, env: Record<string, string>): Run {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return {
    exit: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
    output: () => ({ stdout, stderr }),
    kill: (signal) => child.kill(signal),
  };
}

const runApi = (env: Record<string, string>) =>
  runNode(['--import', 'tsx', 'src/main.ts'], path.join(ROOT, 'api'), {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    SEED_DEMO: 'never',
    LOG_LEVEL: 'info',
    LOG_REQUESTS: 'info',
    ...env,
  });

/** A port something else holds for the test's duration. */
async function occupiedPort(): Promise<{ port: number; release: () => Promise<void> }> {
  const server = http.createServer((_req, res) => {
    // An impostor that looks healthy to a naive check.
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ status: 'ok' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    release: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function freePort(): Promise<number> {
  const { port, release } = await occupiedPort();
  await release();
  return port;
}

const jsonLines = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      try {
        return JSON.parse(l) as Record<string, any>;
      } catch {
        throw new Error(`not a JSON log line: ${l}`);
      }
    });

describe('the API process', { concurrent: true, timeout: 120_000 }, () => {
  it('exits 1 naming the port when the port is taken', async () => {
    const { port, release } = await occupiedPort();
    try {
      const api = runApi({ PORT: String(port), DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
      expect(await api.exit).toBe(1);
      const { stdout, stderr } = api.output();
      const errors = jsonLines(stdout).filter((l) => l.level >= 50);
      expect(errors.map((l) => l.msg)).toEqual([
        `Hearth API could not start: Cannot listen: port ${port} on 127.0.0.1 is already in use. Stop what uses it, or set PORT.`,
      ]);
      expect(stdout).not.toContain('ready at');
      expect(stderr).toBe('');
    } finally {
      await release();
    }
  });

  it('logs JSON lines: one per GraphQL request, errors with the request id; SIGTERM stops it with exit 0 and no error', async () => {
    const url = await createTestDatabase(inject('pgAdminUrl'), `hearth_t_${randomBytes(5).toString('hex')}`);
    const port = await freePort();
    const instance = randomUUID();
    const api = runApi({ PORT: String(port), DATABASE_URL: url, INSTANCE_ID: instance, JOBS_POLL_SECONDS: '0.5' });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      const health = await fetch(`${base}/healthz`).then(
        (r) => r.json(),
        () => null,
      );
      if (health?.instance === instance) break;
      if (i > 200) throw new Error(`the API did not start:\n${JSON.stringify(api.output())}`);
      await new Promise((r) => setTimeout(r, 250));
    }

    const categories = (requestId: string, name: string) =>
      fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': requestId },
        body: JSON.stringify({ query: `query ${name} { categories { id } }` }),
      }).then((r) => r.json());
    expect((await categories('process-test-1', 'ProcessCategories')).errors).toBeUndefined();
    // An unexpected failure (the table is gone): the client sees no internals, the log has them.
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    await db.query('alter table categories rename to categories_away');
    const broken = await categories('process-test-2', 'ProcessBroken');
    await db.query('alter table categories_away rename to categories');
    await db.end();
    expect(broken.errors).toEqual([expect.objectContaining({ extensions: { code: 'INTERNAL_SERVER_ERROR' } })]);
    expect(JSON.stringify(broken)).not.toContain('categories_away');

    api.kill('SIGTERM');
    expect(await api.exit).toBe(0);
    const { stdout, stderr } = api.output();
    const lines = jsonLines(stdout);
    // The one error is the provoked one, with its request id; stopping logs none.
    const errors = lines.filter((l) => l.level >= 50);
    expect(errors).toEqual([expect.objectContaining({ msg: 'unexpected error', requestId: 'process-test-2' })]);
    expect(errors[0]!.error.message).toMatch(/relation "categories" does not exist/);
    const stopping = lines.findIndex((l) => l.msg === 'received SIGTERM, shutting down');
    expect(stopping).toBeGreaterThan(0);
    expect(lines.slice(stopping).filter((l) => l.level >= 40)).toEqual([]);
    expect(stderr).toBe('');
    const request = lines.find((l) => l.msg === 'graphql request');
    expect(request).toMatchObject({
      level: 30,
      requestId: 'process-test-1',
      operation: 'ProcessCategories',
      status: 200,
      sqlStatements: 1,
    });
    expect(request!.durationMs).toBeGreaterThan(0);
    expect(lines.find((l) => l.msg === 'graphql request' && l.requestId === 'process-test-2')).toMatchObject({
      operation: 'ProcessBroken',
      status: 200,
      errors: ['INTERNAL_SERVER_ERROR'],
    });
    expect(lines.map((l) => l.msg)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Hearth API ready at/),
        'received SIGTERM, shutting down',
        'stopped',
      ]),
    );
  });
});

describe('scripts/start.mjs', { timeout: 60_000 }, () => {
  it('fails, naming the port, when something else answers on the API port', async () => {
    const { port, release } = await occupiedPort();
    try {
      const start = runNode(['scripts/start.mjs'], ROOT, {
        API_PORT: String(port),
        WEB_PORT: String(await freePort()),
        DATA_DIR: path.join(ROOT, '.tmp', 'start-test-data'),
      });
      expect(await start.exit).toBe(1);
      const { stdout, stderr } = start.output();
      expect(stderr).toContain(`port ${port} (API) is already in use`);
      expect(stdout).not.toContain('Hearth is running');
    } finally {
      await release();
    }
  });
});
