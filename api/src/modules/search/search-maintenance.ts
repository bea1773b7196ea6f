import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../platform/db/sql.js';
import type { PostgresSearchIndex } from './postgres-index.js';
import { INDEXED_KINDS, SOURCE_TABLES, searchableSql } from './search-documents.js';
import type { SearchIndex, SearchKind, SearchRef } from './search-index.js';

/** The refs of every id from `from` to `to` (inclusive): sync keeps the searchable ones and drops the rest. */
export const idRange = (kind: SearchKind, from: number, to: number): SearchRef[] =>
  Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => ({ kind, id: from + i }));

/** The highest id of `kind` in its table or in the index (documents whose rows are gone count too). */
async function lastId(em: EntityManager, kind: SearchKind): Promise<number> {
  const [row] = await sql<{ last: number }>(
    em,
    `select greatest((select max(id) from ${SOURCE_TABLES[kind]!}),
                     (select max(source_id) from search_documents where kind = ?), 0)::int as last`,
    [kind],
  );
  return row!.last;
}

export interface ReindexProgress {
  kind: SearchKind;
  throughId: number;
  lastId: number;
}

/**
 * Rebuilds the PostgreSQL index from the tables, kind by kind, in transactions of `batch` ids
 * (set-based: one upsert and one delete each), so it runs beside live traffic and can be
 * stopped and run again. Returns the number of documents afterwards.
 */
export async function reindexPostgres(
  fork: () => EntityManager,
  index: PostgresSearchIndex,
  opts: { batch?: number; progress?: (p: ReindexProgress) => void } = {},
): Promise<number> {
  const batch = opts.batch ?? 10_000;
  for (const kind of INDEXED_KINDS) {
    const last = await lastId(fork(), kind);
    for (let from = 1; from <= last; from += batch) {
      const to = Math.min(from + batch - 1, last);
      await fork().transactional((tx) => index.sync(tx, idRange(kind, from, to)));
      opts.progress?.({ kind, throughId: to, lastId: last });
    }
  }
  const [row] = await sql<{ n: number }>(fork(), 'select count(*)::int as n from search_documents');
  return row!.n;
}

/**
 * Finds drift in the next `batch` ids of each kind after the stored position (a document
 * missing, stale, or left behind by a row no longer searchable: an event lost to a bug, a
 * restore from backup, a manual fix in SQL) and repairs it with sync. The position wraps at
 * the end, so every row is checked in turn, a bounded amount per run. Returns the refs repaired.
 */
export async function reconcilePostgres(
  em: EntityManager,
  index: PostgresSearchIndex,
  batch = 5_000,
): Promise<SearchRef[]> {
  const repaired: SearchRef[] = [];
  for (const kind of INDEXED_KINDS) {
    await em.fork().transactional(async (tx) => {
      const [position] = await sql<{ last_id: number }>(
        tx,
        `insert into search_reconcile_positions (engine, kind) values ('postgres', ?)
         on conflict (engine, kind) do update set updated_at = now() returning last_id`,
        [kind],
      );
      const from = position!.last_id + 1;
      const to = from + batch - 1;
      const source = searchableSql(idRange(kind, from, to))!;
      const drift = await sql<{ id: number }>(
        tx,
        `with src as (${source.text}),
              doc as (select * from search_documents where kind = ? and source_id between ? and ?)
         select coalesce(s.source_id, d.source_id) as id
           from src s full join doc d on d.source_id = s.source_id
          where s.source_id is null or d.source_id is null
             or (s.thread_id, s.category_id, s.tags, s.solved, s.created_at, s.title, s.body)
                is distinct from (d.thread_id, d.category_id, d.tags, d.solved, d.created_at, d.title, d.body)
          order by 1`,
        [...source.params, kind, from, to],
      );
      const refs = drift.map((r) => ({ kind, id: r.id }));
      await index.sync(tx, refs);
      repaired.push(...refs);
      const wrap = to >= (await lastId(tx, kind));
      await sql(tx, `update search_reconcile_positions set last_id = ? where engine = 'postgres' and kind = ?`, [
        wrap ? 0 : to,
        kind,
      ]);
    });
  }
  return repaired;
}

/**
 * Meilisearch's rolling repair: the next `batch` ids of each kind are synced again (sync reads
 * the rows as they are now, indexes what is searchable and deletes the rest, so re-sending a
 * batch repairs whatever drifted in it: a document lost with the server's data, one left behind
 * by a manual fix in SQL). The position moves in the same transaction, after Meilisearch has
 * taken the batch; a failure leaves it, and the next run tries the batch again.
 */
export async function reconcileMeilisearch(em: EntityManager, index: SearchIndex, batch = 1_000): Promise<number> {
  let sent = 0;
  for (const kind of INDEXED_KINDS) {
    await em.fork().transactional(async (tx) => {
      const [position] = await sql<{ last_id: number }>(
        tx,
        `insert into search_reconcile_positions (engine, kind) values ('meilisearch', ?)
         on conflict (engine, kind) do update set updated_at = now() returning last_id`,
        [kind],
      );
      const from = position!.last_id + 1;
      const to = from + batch - 1;
      await index.sync(tx, idRange(kind, from, to));
      sent += batch;
      const wrap = to >= (await lastId(tx, kind));
      await sql(tx, `update search_reconcile_positions set last_id = ? where engine = 'meilisearch' and kind = ?`, [
        wrap ? 0 : to,
        kind,
      ]);
    });
  }
  return sent;
}
