import type { EntityManager } from '@mikro-orm/postgresql';
import type DataLoader from 'dataloader';
import { placeholders, sql } from './sql.js';

type EntityClass<T> = abstract new (...args: never[]) => T;

interface Shape<T> {
  table: string;
  /** The select list for table alias `alias` (lazy columns, e.g. password hashes, left out). */
  columns: (alias: string) => string;
  map: (row: Record<string, unknown>) => T;
}

const shapes = new Map<EntityClass<unknown>, Shape<unknown>>();

/**
 * Read snapshots: rows mapped straight onto plain entity-shaped objects, without the ORM's hydration,
 * change tracking and identity map, which cost more CPU than the query itself on a hot read
 * path (a thread page is ~70 of them). Snapshots are never flushed: commands change rows with
 * atomic SQL, or load managed entities through the EntityManager when they need one.
 */
export function snapshotShape<T>(em: EntityManager, entity: EntityClass<T>): Shape<T> {
  let shape = shapes.get(entity) as Shape<T> | undefined;
  if (!shape) {
    const meta = em.getMetadata().get(entity.name);
    const platform = em.getPlatform();
    const pairs = meta.props
      .filter((p) => p.persist !== false && !p.lazy && p.fieldNames?.length === 1)
      .map((p) => [p.fieldNames[0]!, p.name, p.runtimeType === 'Date'] as const);
    shape = {
      table: meta.tableName,
      columns: (alias) => pairs.map(([column]) => `${alias}."${column}"`).join(', '),
      map: (row) => {
        // A plain object: the entity prototype carries the ORM's property accessors.
        const object: Record<string, unknown> = {};
        for (const [column, name, isDate] of pairs) {
          const value = row[column];
          // The ORM has pg hand timestamps over as text; parse them as its hydrator does.
          object[name] =
            isDate && value != null && !(value instanceof Date) ? platform.parseDate(value as string) : value;
        }
        return object as T;
      },
    };
    shapes.set(entity, shape as Shape<unknown>);
  }
  return shape;
}

/** Snapshots of `entity` rows by primary key `id`, in no particular order. */
export async function snapshotsById<T>(em: EntityManager, entity: EntityClass<T>, ids: readonly number[]) {
  const shape = snapshotShape(em, entity);
  const rows = await sql(
    em,
    `select ${shape.columns('x')} from "${shape.table}" x where x.id in (${placeholders(ids)})`,
    [...ids],
  );
  return rows.map(shape.map);
}

/** Snapshots from `select <columns of alias> …`: the statement gets the select list as `{columns}`. */
export async function snapshots<T>(
  em: EntityManager,
  entity: EntityClass<T>,
  alias: string,
  statement: string,
  params: unknown[],
): Promise<T[]> {
  const shape = snapshotShape(em, entity);
  const rows = await sql(em, statement.replace('{columns}', shape.columns(alias)), params);
  return rows.map(shape.map);
}

/**
 * Maps a row that came along in another statement as a `to_jsonb(alias)` column and primes it
 * into `loader`, saving that loader its own round trip.
 */
export function primeSnapshot<T extends { id: number }>(
  em: EntityManager,
  entity: EntityClass<T>,
  json: Record<string, unknown>,
  loader: DataLoader<number, T | null>,
): T {
  const snapshot = snapshotShape(em, entity).map(json);
  loader.prime(snapshot.id, snapshot);
  return snapshot;
}
