import { snapshotShape } from '../../../platform/db/snapshots.js';
import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import { ConflictError, NotFoundError } from '../../../platform/errors.js';
import type { Scope } from '../../../platform/scope.js';
import { readablePost } from '../../community/visibility.js';
import { Article } from '../article.entity.js';
import { loadThreadSource } from '../article-source.js';
import { draftFromThread } from './draft-from-thread.js';

/**
 * Staff start an article from any answer by hand: the draft the subscriber would make, built
 * from the answer they chose (it stays the source while it lives, even if another is accepted).
 */
export async function createArticle(scope: Scope, input: { postId: number }): Promise<Article> {
  const viewer = scope.guardian.requireViewer();
  scope.guardian.ensureCan('article.create', null);
  return transact(scope.em, async (tx) => {
    const { post, thread } = await readablePost(tx, viewer, input.postId, { lock: true });
    if (post.isQuestion) throw new NotFoundError('Answer');
    const [existing] = await sql<{ id: number }>(tx, 'select id from articles where source_thread_id = ?', [thread.id]);
    if (existing) throw new ConflictError(`This thread already has an article (#${existing.id}).`);
    const source = await loadThreadSource(tx, thread.id, post.id);
    const id =
      source &&
      (await draftFromThread(tx, scope.guardian.requireActor(), source, {
        authorId: viewer.id,
        chosenPostId: post.id,
        render: scope.services.markdown,
      }));
    if (!id) throw new ConflictError('This thread already has an article.');
    const articles = snapshotShape(tx, Article);
    const [row] = await sql<Record<string, unknown>>(
      tx,
      `select ${articles.columns('a')} from articles a where id = ?`,
      [id],
    );
    return articles.map(row!);
  });
}
