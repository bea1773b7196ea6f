import type { EntityManager } from '@mikro-orm/postgresql';
import type { EnqueuedTask } from 'meilisearch';
import { sql } from '../../../platform/db/sql.js';
import type { MeilisearchIndex } from '../meilisearch-index.js';
import { INDEXED_KINDS, SOURCE_TABLES } from '../search-documents.js';
import type { SearchKind } from '../search-index.js';
import { idRange, type ReindexProgress } from '../search-maintenance.js';
import { settled } from './tasks.js';

export interface MeilisearchReindexResult {
  documents: Record<string, number>;
  /** Bytes on disk of the whole Meilisearch database, and of the documents alone. */
  databaseSize: number;
  rawDocumentsSize: number;
}

/** Tasks Meilisearch may hold unapplied before the rebuild waits (its queue lives on its disk). */
const MAX_PENDING_TASKS = 20;

/**
 * Rebuilds the Meilisearch indexes from PostgreSQL, kind by kind, `batch` ids at a time: every
 * searchable row is sent and every id that is not is deleted, so it also repairs drift and can
 * be run again or beside live traffic (the subscriber's later syncs win: they read later rows).
 * Batches are sent without waiting for each (Meilisearch merges queued additions into one
 * indexing run), at most MAX_PENDING_TASKS ahead; a failed task stops it with its error.
 */
export async function reindexMeilisearch(
  fork: () => EntityManager,
  index: MeilisearchIndex,
  opts: { batch?: number; progress?: (p: ReindexProgress) => void } = {},
): Promise<MeilisearchReindexResult> {
  const batch = opts.batch ?? 10_000;
  await index.ensureReady();
  const pending: EnqueuedTask[] = [];
  for (const kind of INDEXED_KINDS) {
    const last = await lastId(fork(), kind);
    for (let from = 1; from <= last; from += batch) {
      const to = Math.min(from + batch - 1, last);
      pending.push(...(await index.enqueue(fork(), idRange(kind, from, to))));
      if (pending.length >= MAX_PENDING_TASKS) {
        await settled(index.client, pending.splice(0, pending.length - MAX_PENDING_TASKS / 2), 30 * 60_000, 500);
      }
      opts.progress?.({ kind, throughId: to, lastId: last });
    }
  }
  await settled(index.client, pending, 60 * 60_000, 500);
  const stats = await index.client.getStats();
  const documents: Record<string, number> = {};
  let rawDocumentsSize = 0;
  for (const uid of Object.values(index.names)) {
    documents[uid] = stats.indexes[uid]?.numberOfDocuments ?? 0;
    rawDocumentsSize += stats.indexes[uid]?.rawDocumentDbSize ?? 0;
  }
  return { documents, databaseSize: stats.databaseSize, rawDocumentsSize };
}

async function lastId(em: EntityManager, kind: SearchKind): Promise<number> {
  const [row] = await sql<{ last: number }>(
    em,
    `select coalesce(max(id), 0)::int as last from ${SOURCE_TABLES[kind]!}`,
  );
  return row!.last;
}
