import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import { ValidationError } from '../../../platform/errors.js';
import type { Scope } from '../../../platform/scope.js';
import { ArticleState, type Article } from '../article.entity.js';
import { validateArticleEdit, type ArticleEdit } from '../article.rules.js';
import type { SourceRevision } from '../article-source.js';
import { readableArticle } from '../article-visibility.js';
import { changedFields, insertVersion, writeContent } from '../article-writes.js';
import { latestVersion, reloadArticle } from '../article.queries.js';
import '../knowledge.events.js';

/**
 * Staff edit an article: every edit is a new version (its provenance, the source revisions,
 * carried over). A draft changes at once; a published article's edit is staged above the
 * published version (readers see the old one until it is published) and waits in the queue.
 */
export async function updateArticle(scope: Scope, input: ArticleEdit & { articleId: number; note?: string | null }) {
  const viewer = scope.guardian.requireViewer();
  return transact(scope.em, async (tx): Promise<Article> => {
    const article = await readableArticle(tx, viewer, input.articleId, { lock: true });
    scope.guardian.ensureCan('article.edit', article);
    const latest = await latestVersion(tx, article);
    const [{ today }] = (await sql<{ today: string }>(
      tx,
      `select (now() at time zone 'utc')::date::text as today`,
    )) as [{ today: string }];
    const { content, reviewBy } = validateArticleEdit(latest.content, input, today);
    const changed = changedFields(latest.content, content);
    const reviewByChanged = reviewBy !== null && reviewBy !== article.reviewBy;
    if (changed.length === 0 && !reviewByChanged)
      throw new ValidationError({ articleId: 'Your edit changes nothing.' });

    const staged = article.state === ArticleState.PUBLISHED;
    let version = article.currentVersion;
    if (changed.length > 0) {
      version += 1;
      await insertVersion(tx, {
        articleId: article.id,
        number: version,
        authorId: viewer.id,
        content,
        sources: latest.sources as SourceRevision[],
        changed,
        note: input.note?.trim().slice(0, 500) || null,
      });
      if (!staged) await writeContent(tx, scope.services.markdown, article.id, content);
    }
    await sql(
      tx,
      `update articles set current_version = ?, review_by = coalesce(?::date, review_by), updated_at = now(),
              queued_at = case when ? then coalesce(queued_at, now()) else queued_at end
        where id = ?`,
      [version, reviewBy, staged && changed.length > 0, article.id],
    );
    await recordEvent(tx, scope.guardian.requireActor(), {
      name: 'article.updated',
      subject: ref('article', article.id),
      related: [],
      data: {
        articleId: article.id,
        version,
        staged: staged && changed.length > 0,
        changed: [...changed, ...(reviewByChanged ? ['reviewBy'] : [])],
        automatic: false,
      },
    });
    return reloadArticle(tx, article.id);
  });
}
