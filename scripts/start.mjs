#!/usr/bin/env node
// Runs the whole product: the API (embedded PostgreSQL unless DATABASE_URL is set; migrations
// and the demo seed on first run) and, once it is ready, the web app. `--dev` uses watchers.
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

const dev = process.argv.includes('--dev');
const apiPort = process.env.API_PORT ?? '4000';
const webPort = process.env.WEB_PORT ?? '3000';
const apiUrl = process.env.API_URL ?? `http://127.0.0.1:${apiPort}`;
const children = [];

function run(name, command, args, env = {}, cwd = undefined) {
  const child = spawn(command, args, { stdio: 'inherit', cwd, env: { ...process.env, ...env } });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[start] ${name} exited (${signal ?? code}); stopping.`);
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 5000).unref();
  Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r() : c.on('exit', r))))).then(() =>
    process.exit(code),
  );
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

// Run from api/ so tsx reads api/tsconfig.json (decorators).
run('api', process.execPath, ['--import', 'tsx', ...(dev ? ['--watch'] : []), 'src/main.ts'], { PORT: apiPort }, 'api');

// The first start initialises PostgreSQL and seeds the demo community: allow a few minutes.
for (let i = 0; ; i++) {
  try {
    const res = await fetch(`${apiUrl}/readyz`);
    if (res.ok) break;
  } catch {
    /* not up yet */
  }
  if (i > 600 || stopping) {
    console.error('[start] the API did not become ready');
    stop(1);
    break;
  }
  await sleep(500);
}

if (!stopping) {
  if (dev) {
    run('web', 'npm', ['run', 'dev', '-w', 'community-web', '--', '--port', webPort], { API_URL: apiUrl });
  } else {
    run('web', process.execPath, ['community-web/server.mjs'], { API_URL: apiUrl, PORT: webPort });
    console.log(`[start] Hearth is running: open http://localhost:${webPort} (API at ${apiUrl}/graphql)`);
  }
}
