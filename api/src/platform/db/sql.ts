import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Runs one SQL statement (knex `?` placeholders) on `em`'s connection, inside its transaction
 * when it has one. Used where a single atomic statement beats load-modify-flush: counters,
 * conditional updates, `on conflict`.
 */
export function sql<T = Record<string, unknown>>(
  em: EntityManager,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  return em.getConnection().execute<T[]>(text, params, 'all', em.getTransactionContext());
}

/** `?, ?, ?` for an `in (…)` list of `values`, each bound as its own parameter. */
export const placeholders = (values: readonly unknown[]): string => values.map(() => '?').join(', ');

/**
 * A PostgreSQL array literal for a `?::text[]` parameter (knex would expand a JS array into a
 * list of parameters).
 */
export function textArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}
