import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../platform/authz/guardian.js';
import { Category } from './category.entity.js';
import { PostRevision } from './post-revision.entity.js';
import { Post } from './post.entity.js';
import { Thread } from './thread.entity.js';

function byId<T extends { id: number }>(load: (ids: number[]) => Promise<T[]>) {
  return new DataLoader<number, T | null>(async (ids) => {
    const rows = await load([...ids]);
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

/**
 * Per-request batch loaders for the forum: whatever a page asks for, each kind of row is
 * fetched once per nesting level, so statements per page do not grow with its items.
 * They return rows as stored (deleted ones too); visibility is decided by the callers.
 */
export function communityLoaders(em: EntityManager, viewer: Viewer | null) {
  return {
    categoryById: byId((ids) => em.find(Category, { id: { $in: ids } })),
    threadById: byId((ids) => em.find(Thread, { id: { $in: ids } })),
    postById: byId((ids) => em.find(Post, { id: { $in: ids } })),
    revisionsByPostId: new DataLoader<number, PostRevision[]>(async (postIds) => {
      const rows = await em.find(
        PostRevision,
        { postId: { $in: [...postIds] } },
        { orderBy: { postId: 'asc', revision: 'desc' } },
      );
      return postIds.map((id) => rows.filter((r) => r.postId === id));
    }),
    /** The viewer's vote (1, -1) per post id; 0 when none or for visitors. */
    viewerVoteByPostId: new DataLoader<number, number>(async (postIds) => {
      if (!viewer) return postIds.map(() => 0);
      const rows = await em
        .getConnection()
        .execute<{ post_id: number; value: number }[]>(
          `select post_id, value from post_votes where voter_id = ? and post_id in (${postIds.map(() => '?').join(',')})`,
          [viewer.id, ...postIds],
        );
      const map = new Map(rows.map((r) => [r.post_id, r.value]));
      return postIds.map((id) => map.get(id) ?? 0);
    }),
  };
}
