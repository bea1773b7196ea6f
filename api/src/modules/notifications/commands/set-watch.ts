import { snapshotsById } from '../../../platform/db/snapshots.js';
import { sql } from '../../../platform/db/sql.js';
import { NotFoundError } from '../../../platform/errors.js';
import type { Scope } from '../../../platform/scope.js';
import { Category } from '../../community/category.entity.js';
import { mayReadCategory, readableThread } from '../../community/visibility.js';
import type { WatchLevel } from '../notification.types.js';

/**
 * Follows or mutes a thread for the viewer (null: back to no choice, so the category's watch and
 * the asker's own replies apply). A thread the viewer may not read is NOT_FOUND. One statement:
 * the unique (member, thread) makes a repeated click a no-op.
 */
export async function setThreadWatch(scope: Scope, threadId: number, level: WatchLevel | null) {
  const viewer = scope.guardian.requireViewer();
  const { thread } = await readableThread(scope.em, viewer, threadId);
  if (level === null) {
    await sql(scope.em, 'delete from notification_watches where member_id = ? and thread_id = ?', [
      viewer.id,
      thread.id,
    ]);
  } else {
    await sql(
      scope.em,
      `insert into notification_watches (member_id, thread_id, level) values (?, ?, ?)
       on conflict (member_id, thread_id) where thread_id is not null
       do update set level = excluded.level, created_at = now()`,
      [viewer.id, thread.id, level],
    );
  }
  return thread;
}

/** Follows or mutes a category (null: unwatch); a category the viewer may not read is NOT_FOUND. */
export async function setCategoryWatch(scope: Scope, categoryId: number, level: WatchLevel | null) {
  const viewer = scope.guardian.requireViewer();
  const [category] = await snapshotsById(scope.em, Category, [categoryId]);
  if (!category || !mayReadCategory(viewer, category)) throw new NotFoundError('Category');
  if (level === null) {
    await sql(scope.em, 'delete from notification_watches where member_id = ? and category_id = ?', [
      viewer.id,
      category.id,
    ]);
  } else {
    await sql(
      scope.em,
      `insert into notification_watches (member_id, category_id, level) values (?, ?, ?)
       on conflict (member_id, category_id) where category_id is not null
       do update set level = excluded.level, created_at = now()`,
      [viewer.id, category.id, level],
    );
  }
  return category;
}
