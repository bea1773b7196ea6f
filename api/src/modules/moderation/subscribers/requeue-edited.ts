import type { SubscriberDefinition } from '../../../platform/events/subscribers.js';
import { sql } from '../../../platform/db/sql.js';
import type { Services } from '../../../platform/scope.js';
import '../../community/community.events.js';

/**
 * An edit of a hidden post sends it back to the review queue: its open item becomes
 * EDITED_AFTER_HIDE, or a new one opens (the one-open-item-per-post index makes a redelivered
 * event a no-op). A post shown again or deleted since is left alone.
 */
export const requeueEditedHiddenPosts: SubscriberDefinition<Services> = {
  name: 'moderation.requeue-edited',
  events: ['post.edited'],
  startAt: 'now',
  handle: async (events, { tx }) => {
    const postIds = events.flatMap((e) => {
      const data = e.data as { postId: number; hidden?: boolean };
      return data.hidden ? [data.postId] : [];
    });
    if (postIds.length === 0) return;
    await sql(
      tx,
      `insert into review_items (kind, post_id, author_id, category_id)
       select 'EDITED_AFTER_HIDE', p.id, p.author_id, t.category_id
         from posts p join threads t on t.id = p.thread_id
        where p.id = any(?::int[]) and p.hidden_at is not null and p.deleted_at is null
       on conflict (post_id) where status = 'OPEN' do update set kind = 'EDITED_AFTER_HIDE'`,
      [`{${[...new Set(postIds)].join(',')}}`],
    );
  },
};
