import { transact } from '../../../platform/db/transact.js';
import { NotFoundError } from '../../../platform/errors.js';
import { sql } from '../../../platform/db/sql.js';
import type { Scope } from '../../../platform/scope.js';
import type { Loaders } from '../../loaders.js';
import { visiblePost } from '../community.queries.js';

/**
 * Soft-deletes a post. Deleting the question deletes the thread; deleting a reply lowers the
 * reply count and, if it was the solution, re-opens the thread. Rows stay for audit and undo.
 */
export async function deletePost(scope: Scope & { loaders: Loaders }, postId: number): Promise<boolean> {
  const viewer = scope.guardian.requireViewer();
  const { post, thread } = await visiblePost(scope.loaders, viewer, postId);
  scope.guardian.ensureCan('post.delete', { post, thread });

  await transact(scope.em, async (tx) => {
    const deleted = await sql(
      tx,
      'update posts set deleted_at = now() where id = ? and deleted_at is null returning id',
      [post.id],
    );
    if (deleted.length === 0) throw new NotFoundError('Post'); // deleted concurrently
    if (post.isQuestion) {
      await sql(tx, 'update threads set deleted_at = now() where id = ?', [thread.id]);
      await sql(tx, 'update categories set thread_count = thread_count - 1 where id = ?', [thread.categoryId]);
    } else {
      await sql(
        tx,
        `update threads set reply_count = reply_count - 1,
            accepted_post_id = case when accepted_post_id = ? then null else accepted_post_id end,
            status = case when accepted_post_id = ? and status = 'ANSWERED' then 'OPEN' else status end
          where id = ?`,
        [post.id, post.id, thread.id],
      );
    }
  });
  scope.loaders.postById.clear(post.id);
  scope.loaders.threadById.clear(thread.id);
  return true;
}
