import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../../platform/authz/guardian.js';
import { sql } from '../../../platform/db/sql.js';
import { readableCategorySql } from '../../community/visibility.js';
import type { SearchFilter, SearchKind } from '../search-index.js';

/**
 * The categories `viewer` may read, from the one visibility rule (one small query): search
 * filters on them inside Meilisearch, so restricted content is never a hit, a snippet or a count.
 */
export async function readableCategoryIds(em: EntityManager, viewer: Viewer | null): Promise<number[]> {
  const rows = await sql<{ id: number }>(em, `select c.id from categories c where ${readableCategorySql(viewer)}`);
  return rows.map((r) => r.id);
}

/** A Meilisearch string literal (filter syntax: double quotes, backslash escapes). */
const literal = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * The filter of one index's query: visibility (documents without a category, members, stay
 * visible), then the request's filters. `kinds` are the kinds asked of this index.
 */
export function filterExpression(filter: SearchFilter, kinds: SearchKind[], readable: number[]): string[] {
  const parts = [
    readable.length ? `(categoryId IS NULL OR categoryId IN [${readable.join(', ')}])` : 'categoryId IS NULL',
    `kind IN [${kinds.map(literal).join(', ')}]`,
  ];
  if (filter.categoryId !== undefined) parts.push(`categoryId = ${Math.trunc(filter.categoryId)}`);
  for (const tag of filter.tags ?? []) parts.push(`tags = ${literal(tag)}`);
  if (filter.solved !== undefined) parts.push(`solved = ${filter.solved ? 'true' : 'false'}`);
  if (filter.createdAfter) parts.push(`createdAt > ${filter.createdAfter.getTime()}`);
  return parts;
}
