import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from './sql.js';

/** Where a kind of page keeps its views: the per-day viewer rows and the counted row. */
export interface DailyViewTables {
  /** e.g. thread_views (id column, viewer_key, day; primary key over all three). */
  views: string;
  /** The views table's column naming the thing viewed, e.g. thread_id. */
  idColumn: string;
  /** The table holding `view_count`, e.g. threads. */
  counted: string;
}

/**
 * Counts a view of row `id` by `key` once per UTC day and returns its view count, in one
 * statement: the viewer row is inserted unless it exists, and the counter moves only when it
 * was (concurrent views by one viewer wait on the key and count once).
 */
export async function countDailyView(
  em: EntityManager,
  tables: DailyViewTables,
  id: number,
  key: string,
): Promise<number> {
  const [row] = await sql<{ view_count: number }>(
    em,
    `with seen as (
       insert into ${tables.views} (${tables.idColumn}, viewer_key, day)
       values (?, ?, (now() at time zone 'utc')::date)
       on conflict do nothing
       returning ${tables.idColumn} as id
     ), counted as (
       update ${tables.counted} set view_count = view_count + 1
        where id = (select id from seen)
       returning view_count
     )
     select coalesce((select view_count from counted), (select view_count from ${tables.counted} where id = ?)) as view_count`,
    [id, key, id],
  );
  return row!.view_count;
}
