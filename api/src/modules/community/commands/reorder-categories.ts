import { transact } from '../../../platform/db/transact.js';
import { sql } from '../../../platform/db/sql.js';
import { ValidationError } from '../../../platform/errors.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import type { Scope } from '../../../platform/scope.js';
import '../community.events.js';
import { Category } from '../category.entity.js';

/**
 * Admins set the display order of every category in one call: `ids` lists each category exactly
 * once, first to last. The categories are locked (in id order, so two reorders queue rather than
 * deadlock) and checked against the list under the lock; one statement writes every position;
 * `categories.reordered` records the order before and after. A list that misses, repeats or
 * invents a category is BAD_USER_INPUT naming the problem, and nothing is written.
 */
export async function reorderCategories(scope: Scope, ids: number[]): Promise<Category[]> {
  scope.guardian.ensureCan('category.manage', null);
  const actor = scope.guardian.requireActor();
  await transact(scope.em, async (tx) => {
    const rows = await sql<{ id: number; position: number; name: string }>(
      tx,
      'select id, position, name from categories order by id for update',
    );
    const problem = orderProblem(
      ids,
      rows.map((r) => r.id),
    );
    if (problem) throw new ValidationError({ ids: problem });
    const before = [...rows]
      .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name) || a.id - b.id)
      .map((r) => r.id);
    await sql(
      tx,
      `update categories c set position = o.position - 1, updated_at = now()
         from unnest(?::int[]) with ordinality as o (id, position)
        where c.id = o.id and c.position <> o.position - 1`,
      [`{${ids.join(',')}}`],
    );
    await recordEvent(tx, actor, {
      name: 'categories.reordered',
      subject: ref('category', ids[0]!),
      related: ids.slice(1).map((id) => ref('category', id)),
      data: { before: { order: before }, after: { order: ids } },
    });
  });
  return scope.em.find(Category, {}, { orderBy: { position: 'asc', name: 'asc' }, refresh: true });
}

/** What is wrong with `ids` as the order of the categories `existing`, or null. */
export function orderProblem(ids: number[], existing: number[]): string | null {
  if (ids.length === 0) return 'List every category, first to last.';
  const known = new Set(existing);
  const seen = new Set<number>();
  const repeated = ids.filter((id) => seen.has(id) || !seen.add(id));
  if (repeated.length > 0) return `Each category must appear once; listed more than once: ${repeated.join(', ')}.`;
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) return `No such category: ${unknown.join(', ')}.`;
  const missing = existing.filter((id) => !seen.has(id));
  if (missing.length > 0) return `The order must list every category; missing: ${missing.join(', ')}.`;
  return null;
}
