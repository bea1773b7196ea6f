import { snapshotsById } from '../../../platform/db/snapshots.js';
import { sql } from '../../../platform/db/sql.js';
import { NotFoundError } from '../../../platform/errors.js';
import type { Scope } from '../../../platform/scope.js';
import { Category } from '../../community/category.entity.js';
import { mayReadCategory, readableThread } from '../../community/visibility.js';
import type { WatchLevel } from '../notification.types.js';

/**
 * Sets the member's watch on a thread or a category (null: back to no choice). One statement:
 * the unique (member, thread) and (member, category) make a repeated click a no-op.
 */
async function setWatch(
  scope: Scope,
  memberId: number,
  on: { column: 'thread_id' | 'category_id'; id: number },
  level: WatchLevel | null,
): Promise<void> {
  if (level === null) {
    await sql(scope.em, `delete from notification_watches where member_id = ? and ${on.column} = ?`, [memberId, on.id]);
    return;
  }
  await sql(
    scope.em,
    `insert into notification_watches (member_id, ${on.column}, level) values (?, ?, ?)
     on conflict (member_id, ${on.column}) where ${on.column} is not null
     do update set level = excluded.level, created_at = now()`,
    [memberId, on.id, level],
  );
}

/**
 * Follows or mutes a thread for the viewer (null: back to no choice, so the category's watch and
 * the asker's own replies apply). A thread the viewer may not read is NOT_FOUND.
 */
export async function setThreadWatch(scope: Scope, threadId: number, level: WatchLevel | null) {
  const viewer = scope.guardian.requireViewer();
  const { thread } = await readableThread(scope.em, viewer, threadId);
  await setWatch(scope, viewer.id, { column: 'thread_id', id: thread.id }, level);
  return thread;
}

/** Follows or mutes a category (null: unwatch); a category the viewer may not read is NOT_FOUND. */
export async function setCategoryWatch(scope: Scope, categoryId: number, level: WatchLevel | null) {
  const viewer = scope.guardian.requireViewer();
  const [category] = await snapshotsById(scope.em, Category, [categoryId]);
  if (!category || !mayReadCategory(viewer, category)) throw new NotFoundError('Category');
  await setWatch(scope, viewer.id, { column: 'category_id', id: category.id }, level);
  return category;
}
