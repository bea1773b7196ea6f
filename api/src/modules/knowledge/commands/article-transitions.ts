import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import type { Scope } from '../../../platform/scope.js';
import { applyArticlePromotionReputation } from '../../reputation/ledger.js';
import { ArticleState, type Article } from '../article.entity.js';
import { validateReason } from '../article.rules.js';
import { answerFor, baselineOf, loadThreadSource } from '../article-source.js';
import { readableArticle } from '../article-visibility.js';
import { setBaseline, writeContent } from '../article-writes.js';
import { latestVersion, reloadArticle } from '../article.queries.js';
import '../knowledge.events.js';

type Action = 'article.submit' | 'article.publish' | 'article.archive' | 'article.verify';

/** Locks the article, checks the action against its state now, runs `work`, returns it fresh. */
function transition(
  scope: Scope,
  articleId: number,
  action: Action,
  work: (tx: EntityManager, article: Article, viewerId: number) => Promise<void>,
): Promise<Article> {
  const viewer = scope.guardian.requireViewer();
  return transact(scope.em, async (tx) => {
    const article = await readableArticle(tx, viewer, articleId, { lock: true });
    scope.guardian.ensureCan(action, article);
    await work(tx, article, viewer.id);
    return reloadArticle(tx, article.id);
  });
}

/** A draft goes to review: it stays in the staff queue, now marked ready to publish. */
export const submitArticle = (scope: Scope, articleId: number) =>
  transition(scope, articleId, 'article.submit', async (tx, article) => {
    await sql(tx, `update articles set state = 'IN_REVIEW', queued_at = now(), updated_at = now() where id = ?`, [
      article.id,
    ]);
    await recordEvent(tx, scope.guardian.requireActor(), {
      name: 'article.submitted',
      subject: ref('article', article.id),
      related: [],
      data: { articleId: article.id, version: article.currentVersion },
    });
  });

/**
 * Publishes the latest version (a draft, an article in review, a staged edit, or an archived
 * article brought back). The first publication, and a publication after archiving, credit the
 * answer's author with the promotion points (the ledger keeps it to one live credit per
 * article); Knowledge Contributor follows the event.
 */
export const publishArticle = (scope: Scope, articleId: number) =>
  transition(scope, articleId, 'article.publish', async (tx, article, viewerId) => {
    const latest = await latestVersion(tx, article);
    await writeContent(tx, scope.services.markdown, article.id, latest.content);
    await sql(
      tx,
      `update articles set state = 'PUBLISHED', published_version = current_version,
              published_at = case when state = 'PUBLISHED' then published_at else now() end, published_by = ?,
              archived_at = null, archive_reason = null,
              queued_at = case when needs_review then queued_at end
        where id = ?`,
      [viewerId, article.id],
    );
    const answerAuthorId = await answerAuthor(tx, article);
    await applyArticlePromotionReputation(tx, scope.settings.reputation, {
      articleId: article.id,
      authorId: answerAuthorId,
      postId: article.sourcePostId,
      threadId: article.sourceThreadId,
      actorId: viewerId,
      published: true,
    });
    await recordEvent(tx, scope.guardian.requireActor(), {
      name: 'article.published',
      subject: ref('article', article.id),
      related: [
        ...(article.sourceThreadId ? [ref('thread', article.sourceThreadId)] : []),
        ...(answerAuthorId ? [ref('member', answerAuthorId)] : []),
      ],
      data: {
        articleId: article.id,
        version: article.currentVersion,
        answerAuthorId,
        firstPublication: article.publishedAt === null,
      },
    });
  });

/** Withdraws a published article (its promotion credit and badge go with it) or rejects a draft. */
export const archiveArticle = (scope: Scope, input: { articleId: number; reason: string }) => {
  const reason = validateReason('archiveReason', input.reason)!;
  return transition(scope, input.articleId, 'article.archive', async (tx, article, viewerId) => {
    await sql(
      tx,
      `update articles set state = 'ARCHIVED', archived_at = now(), archive_reason = ?, queued_at = null,
              needs_review = false, updated_at = now()
        where id = ?`,
      [reason, article.id],
    );
    const answerAuthorId = await answerAuthor(tx, article);
    await applyArticlePromotionReputation(tx, scope.settings.reputation, {
      articleId: article.id,
      authorId: answerAuthorId,
      postId: article.sourcePostId,
      threadId: article.sourceThreadId,
      actorId: viewerId,
      published: false,
    });
    await recordEvent(tx, scope.guardian.requireActor(), {
      name: 'article.archived',
      subject: ref('article', article.id),
      related: answerAuthorId ? [ref('member', answerAuthorId)] : [],
      data: {
        articleId: article.id,
        reason,
        wasPublished: article.state === ArticleState.PUBLISHED,
        answerAuthorId,
      },
    });
  });
};

/**
 * Staff confirm a published article is right: the flag clears, who and when are recorded, the
 * next review is due in six months, and the source as it is now becomes the baseline later
 * changes are compared with.
 */
export const verifyArticle = (scope: Scope, articleId: number) =>
  transition(scope, articleId, 'article.verify', async (tx, article, viewerId) => {
    const [row] = await sql<{ review_by: string }>(
      tx,
      `update articles set needs_review = false, needs_review_reason = null, needs_review_diff = null,
              verified_at = now(), verified_by = ?,
              review_by = (now() at time zone 'utc')::date + interval '6 months',
              queued_at = case when current_version > published_version then queued_at end, updated_at = now()
        where id = ? returning review_by::text`,
      [viewerId, article.id],
    );
    if (article.sourceThreadId !== null && article.sourceBaseline) {
      const b = article.sourceBaseline;
      const source = await loadThreadSource(tx, article.sourceThreadId, b.answerPostId);
      if (source) {
        await setBaseline(
          tx,
          article.id,
          baselineOf(source, answerFor(source, b.answerChosen ? b.answerPostId : null), b.answerChosen),
        );
      }
    }
    await recordEvent(tx, scope.guardian.requireActor(), {
      name: 'article.verified',
      subject: ref('article', article.id),
      related: [],
      data: { articleId: article.id, reviewBy: row!.review_by },
    });
  });

/** The author of the answer the article was made from, if it still exists. */
async function answerAuthor(tx: EntityManager, article: Article): Promise<number | null> {
  if (article.sourcePostId === null) return null;
  const [row] = await sql<{ author_id: number }>(tx, 'select author_id from posts where id = ?', [
    article.sourcePostId,
  ]);
  return row?.author_id ?? null;
}
