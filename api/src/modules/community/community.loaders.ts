import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../platform/authz/guardian.js';
import { primeSnapshot, snapshotShape, snapshots, snapshotsById } from '../../platform/db/snapshots.js';
import { placeholders, sql } from '../../platform/db/sql.js';
import { Category } from './category.entity.js';
import { PostRevision } from './post-revision.entity.js';
import { Post } from './post.entity.js';
import { Thread } from './thread.entity.js';

function byId<T extends { id: number }>(load: (ids: readonly number[]) => Promise<T[]>) {
  return new DataLoader<number, T | null>(async (ids) => {
    const rows = await load(ids);
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

declare module '../../platform/module.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Loaders extends ReturnType<typeof communityLoaders> {}
}

/**
 * Per-request batch loaders for the forum: whatever a page asks for, each kind of row is
 * fetched once per nesting level, so statements per page do not grow with its items.
 * They return read snapshots of rows as stored (deleted ones too); visibility is decided by
 * the callers.
 */
export function communityLoaders(em: EntityManager, viewer: Viewer | null) {
  const categoryById = byId((ids) => snapshotsById(em, Category, ids));
  /** Each thread comes with its category (primed), which every visibility check reads next. */
  const threadById = byId(async (ids) => {
    const threads = snapshotShape(em, Thread);
    const rows = await sql<Record<string, unknown> & { category: Record<string, unknown> }>(
      em,
      `select ${threads.columns('t')}, to_jsonb(c) as category
         from threads t join categories c on c.id = t.category_id
        where t.id in (${placeholders(ids)})`,
      [...ids],
    );
    for (const row of rows) primeSnapshot(em, Category, row.category, categoryById);
    return rows.map(threads.map);
  });
  return {
    categoryById,
    threadById,
    /** Each post comes with its thread and category (primed): mutations check all three. */
    postById: byId(async (ids) => {
      const posts = snapshotShape(em, Post);
      const rows = await sql<Record<string, unknown> & Record<'thread' | 'category', Record<string, unknown>>>(
        em,
        `select ${posts.columns('p')}, to_jsonb(t) as thread, to_jsonb(c) as category
           from posts p join threads t on t.id = p.thread_id join categories c on c.id = t.category_id
          where p.id in (${placeholders(ids)})`,
        [...ids],
      );
      for (const row of rows) {
        primeSnapshot(em, Thread, row.thread, threadById);
        primeSnapshot(em, Category, row.category, categoryById);
      }
      return rows.map(posts.map);
    }),
    revisionsByPostId: new DataLoader<number, PostRevision[]>(async (postIds) => {
      const rows = await snapshots(
        em,
        PostRevision,
        'r',
        `select {columns} from post_revisions r where r.post_id in (${placeholders(postIds)})
          order by r.post_id, r.revision desc`,
        [...postIds],
      );
      return postIds.map((id) => rows.filter((r) => r.postId === id));
    }),
    /** The viewer's vote (1, -1) per post id; 0 when none or for visitors. */
    viewerVoteByPostId: new DataLoader<number, number>(async (postIds) => {
      if (!viewer) return postIds.map(() => 0);
      const rows = await em
        .getConnection()
        .execute<{ post_id: number; value: number }[]>(
          `select post_id, value from post_votes where voter_id = ? and post_id in (${placeholders(postIds)})`,
          [viewer.id, ...postIds],
        );
      const map = new Map(rows.map((r) => [r.post_id, r.value]));
      return postIds.map((id) => map.get(id) ?? 0);
    }),
  };
}
