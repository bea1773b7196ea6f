import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../../platform/db/sql.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import type { Scope } from '../../../platform/scope.js';
import type { Article } from '../../knowledge/article.entity.js';
import { flagArticle } from '../../knowledge/article-writes.js';
import { readableArticle } from '../../knowledge/article-visibility.js';
import { ARTICLE_REPORT_REASON_TEXT, type ArticleReportReasonKey } from '../article-report.rules.js';
import type { ReviewState } from '../moderation.events.js';
import {
  closeReviewItem,
  ensureOpenFor,
  loadReviewItem,
  toReviewItem,
  type ReviewDecision,
  type ReviewItemRow,
} from '../review-item.js';

const stateOf = (item: ReviewItemRow, article: Article): ReviewState => ({
  status: item.status,
  staffOnly: item.staffOnly,
  needsReview: article.needsReview,
});

/** Why the article goes back for revision: the reports' reasons, and the reviewer's words. */
async function revisionReason(tx: EntityManager, itemId: number, reason: string | null): Promise<string> {
  const reports = await sql<{ reason: ArticleReportReasonKey; n: number }>(
    tx,
    `select reason, count(*)::int as n from article_reports where review_item_id = ? group by reason order by n desc, reason`,
    [itemId],
  );
  const said = reports.map((r) => `${ARTICLE_REPORT_REASON_TEXT[r.reason]} (${r.n})`).join(', ');
  return `Readers reported it: ${said || 'no reason given'}.${reason ? ` Reviewer: ${reason}` : ''}`;
}

/**
 * Decides a report of a published article. Locks the article (the knowledge module's readable
 * article, as the reviewer may read it), then the item. AGREE marks the article for revision
 * through the knowledge module's freshness flag (flagArticle: it joins staff's knowledge
 * review queue with the reports' reasons; an article already flagged keeps its first reason);
 * DISAGREE and IGNORE close the report and leave the article as it is; ESCALATE hands it to
 * staff. Records `review.resolved`.
 */
export async function decideArticleReport(
  scope: Scope,
  item: ReviewItemRow,
  decision: ReviewDecision,
  reason: string | null,
  tx: EntityManager,
): Promise<ReviewItemRow> {
  const viewer = scope.guardian.requireViewer();
  const actor = scope.guardian.requireActor();
  const article = await readableArticle(tx, viewer, item.articleId!, { lock: true });
  const locked = await loadReviewItem(tx, item.id, { lock: true });
  scope.guardian.ensureCan('review.act', locked);
  await ensureOpenFor(tx, locked, viewer.id);
  const before = stateOf(locked, article);

  let resolved: ReviewItemRow;
  if (decision === 'ESCALATE') {
    const [row] = await sql(
      tx,
      `update review_items set staff_only = true, claimed_by = null, claim_expires_at = null where id = ? returning *`,
      [locked.id],
    );
    resolved = toReviewItem(row!);
  } else {
    if (decision === 'AGREE') await flagArticle(tx, actor, article, await revisionReason(tx, locked.id, reason), null);
    resolved = await closeReviewItem(tx, locked.id, decision, viewer.id, reason);
  }
  const after = await readableArticle(tx, viewer, article.id);
  await recordEvent(tx, actor, {
    name: 'review.resolved',
    subject: ref('review_item', resolved.id),
    related: [ref('article', article.id)],
    data: {
      itemId: resolved.id,
      kind: resolved.kind,
      postId: null,
      threadId: null,
      authorId: null,
      articleId: article.id,
      decision,
      reason,
      agreedFlaggerIds: [],
      before,
      after: stateOf(resolved, after),
    },
  });
  return resolved;
}
