#!/usr/bin/env node
// Runs the whole product: the API (embedded PostgreSQL unless DATABASE_URL is set; migrations
// and the demo seed on first run) and, once it is ready, the web app.
//
//   node scripts/start.mjs         production: the compiled API (api/dist, `npm run build` first)
//                                  and the built web app, NODE_ENV=production
//   node scripts/start.mjs --dev   development: the API from source with tsx and a watcher, the
//                                  web app's dev server, NODE_ENV=development
//
// It says "Hearth is running" only once both children answer /healthz with the instance id it
// gave them (not merely something on the port), and exits non-zero when either cannot start.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const API_ENTRY = path.join(ROOT, 'api/dist/api/src/main.js');
const dev = process.argv.includes('--dev');
const apiPort = process.env.API_PORT ?? '4000';
const webPort = process.env.WEB_PORT ?? '3000';
const apiHost = process.env.HOST ?? '127.0.0.1';
const localHost = ['0.0.0.0', '::', 'localhost'].includes(apiHost) ? '127.0.0.1' : apiHost;
const apiUrl = process.env.API_URL ?? `http://${localHost.includes(':') ? `[${localHost}]` : localHost}:${apiPort}`;
const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(ROOT, '.data'));
const children = [];

function log(message) {
  console.log(`[start] ${message}`);
}
function fail(message) {
  console.error(`[start] ${message}`);
  stop(1);
}

/**
 * Children run in their own process group (detached): a terminal's Ctrl-C reaches only this
 * supervisor, which stops them in order (the API drains requests and jobs, then stops its
 * embedded PostgreSQL) instead of every process at once.
 */
function run(name, command, args, env, cwd = ROOT, { signalGroup = false } = {}) {
  const child = spawn(command, args, { stdio: 'inherit', cwd, env: { ...process.env, ...env }, detached: true });
  // npm does not pass a signal on to the dev server under it: signal that child's whole group.
  // Never the API's: its group holds the embedded PostgreSQL, which the API stops itself.
  child.terminate = (signal) => {
    try {
      if (signalGroup) process.kill(-child.pid, signal);
      else child.kill(signal);
    } catch {
      /* already gone */
    }
  };
  child.on('exit', (code, signal) => {
    if (!stopping) fail(`${name} exited (${signal ?? code}); stopping.`);
  });
  children.push(child);
  return child;
}

let stopping = false;
let exitCode = 0;
function stop(code = 0) {
  exitCode = Math.max(exitCode, code);
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.terminate('SIGTERM');
  setTimeout(() => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.terminate('SIGKILL');
    process.exit(exitCode || 1);
  }, 30_000).unref();
  Promise.all(
    children.map((c) => new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r() : c.on('exit', r)))),
  ).then(() => process.exit(exitCode));
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0));
// Last resort if this process dies of an error: do not leave the detached children behind.
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.terminate('SIGTERM');
});

/** Binds the port and lets it go: a clear message now rather than a child failing later. */
function portFree(port, host) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(Number(port), host, () => probe.close(() => resolve(true)));
  });
}

/** The process answering `url` is the one started with `instance` (not another program, nor another Hearth). */
async function answersAs(url, service, instance) {
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
    const body = await res.json();
    return body.service === service && body.instance === instance ? 'ours' : 'other';
  } catch {
    return 'nothing';
  }
}

async function waitFor(name, url, service, instance, { ready, attempts }) {
  let warned = false;
  for (let i = 0; !stopping; i++) {
    const who = await answersAs(url, service, instance);
    if (
      who === 'ours' &&
      (!ready ||
        (await fetch(`${url}${ready}`).then(
          (r) => r.ok,
          () => false,
        )))
    )
      return true;
    if (who === 'other' && !warned) {
      warned = true;
      log(`something else answers at ${url} (not the ${name} this started); waiting for ours…`);
    }
    if (i >= attempts) {
      fail(`the ${name} did not become ready at ${url}`);
      return false;
    }
    await sleep(500);
  }
  return false;
}

/**
 * SESSION_SECRET for production when none is configured: generated once, kept in
 * DATA_DIR/session-secret (mode 0600) and reused, so a quick start needs no setup and no secret
 * is ever hard-coded. Real deployments set SESSION_SECRET (the same on every instance).
 */
function sessionSecret() {
  if (process.env.SESSION_SECRET) return process.env.SESSION_SECRET;
  const file = path.join(dataDir, 'session-secret');
  try {
    const stored = fs.readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) {
      if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
      return stored;
    }
    fs.rmSync(file);
  } catch (err) {
    if (err.code !== 'ENOENT') throw err;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  log(`generated a SESSION_SECRET in ${file} (kept for later starts; set SESSION_SECRET to use your own)`);
  return secret;
}

for (const [name, port, host] of [
  ['API', apiPort, apiHost],
  ['web app', webPort, undefined],
]) {
  if (!(await portFree(port, host))) {
    console.error(
      `[start] port ${port} (${name}) is already in use: stop what uses it, or set ${name === 'API' ? 'API_PORT' : 'WEB_PORT'}.`,
    );
    process.exit(1);
  }
}
if (!dev && !fs.existsSync(API_ENTRY)) {
  console.error(`[start] ${path.relative(ROOT, API_ENTRY)} is missing: run \`npm run build\` (npm start does).`);
  process.exit(1);
}

const apiInstance = randomUUID();
const apiEnv = {
  NODE_ENV: dev ? 'development' : 'production',
  PORT: apiPort,
  HOST: apiHost,
  DATA_DIR: dataDir,
  INSTANCE_ID: apiInstance,
  ...(dev ? {} : { SESSION_SECRET: sessionSecret() }),
};
if (dev) {
  // From api/ so tsx reads api/tsconfig.json (decorators).
  run('API', process.execPath, ['--import', 'tsx', '--watch', 'src/main.ts'], apiEnv, path.join(ROOT, 'api'));
} else {
  run('API', process.execPath, ['--enable-source-maps', API_ENTRY], apiEnv);
}

// The first start initialises PostgreSQL and seeds the demo community: allow a few minutes.
if (await waitFor('API', apiUrl, 'hearth-api', apiInstance, { ready: '/readyz', attempts: 1200 })) {
  const webInstance = randomUUID();
  const webEnv = { API_URL: apiUrl, INSTANCE_ID: webInstance };
  if (dev) {
    run(
      'web',
      'npm',
      ['run', 'dev', '-w', 'community-web', '--', '--port', webPort, '--strictPort'],
      { ...webEnv, NODE_ENV: 'development' },
      ROOT,
      { signalGroup: true },
    );
  } else {
    run('web', process.execPath, ['community-web/server.mjs'], { ...webEnv, NODE_ENV: 'production', PORT: webPort });
    if (await waitFor('web app', `http://127.0.0.1:${webPort}`, 'hearth-web', webInstance, { attempts: 120 })) {
      log(`Hearth is running: open http://localhost:${webPort} (API at ${apiUrl}/graphql)`);
    }
  }
}
