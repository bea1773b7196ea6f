import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../platform/authz/guardian.js';
import { sql } from '../../platform/db/sql.js';
import type { WatchLevel } from './notification.types.js';

declare module '../../platform/module.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Loaders extends ReturnType<typeof notificationLoaders> {}
}

function watchLoader(em: EntityManager, viewer: Viewer | null, column: 'thread_id' | 'category_id') {
  return new DataLoader<number, WatchLevel | null>(async (ids) => {
    if (!viewer) return ids.map(() => null);
    const rows = await sql<{ target: number; level: WatchLevel }>(
      em,
      `select ${column} as target, level from notification_watches where member_id = ? and ${column} = any(?::int[])`,
      [viewer.id, `{${ids.join(',')}}`],
    );
    const map = new Map(rows.map((r) => [r.target, r.level]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

/** The viewer's watch of each thread or category on a page, in one statement per kind. */
export function notificationLoaders(em: EntityManager, viewer: Viewer | null) {
  return {
    viewerWatchByThreadId: watchLoader(em, viewer, 'thread_id'),
    viewerWatchByCategoryId: watchLoader(em, viewer, 'category_id'),
  };
}
