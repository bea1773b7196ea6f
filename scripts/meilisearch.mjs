// `npm run meilisearch`: a Meilisearch for local use, data under .data/meilisearch, until Ctrl-C.
// The master key is kept beside the data so the same key opens the same data next time.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMeilisearch } from './meilisearch-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dbPath = path.join(root, '.data', 'meilisearch');
fs.mkdirSync(dbPath, { recursive: true });
const keyFile = path.join(dbPath, 'master-key');
if (!fs.existsSync(keyFile)) fs.writeFileSync(keyFile, randomBytes(24).toString('base64url'), { mode: 0o600 });
const masterKey = fs.readFileSync(keyFile, 'utf8').trim();
const port = Number(process.env.MEILISEARCH_PORT ?? 7700);

const server = await startMeilisearch({ dbPath, port, masterKey, log: 'inherit' });
console.log(`Meilisearch 1.21 is running (data in ${path.relative(root, dbPath)}). Start Hearth against it with:

  MEILISEARCH_URL=${server.url} MEILISEARCH_KEY=${masterKey} npm start

then build its indexes once: MEILISEARCH_URL=${server.url} MEILISEARCH_KEY=${masterKey} npm run search:reindex -- --engine meilisearch
Ctrl-C stops it.`);

const stop = async () => {
  await server.halt();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
