import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import { assertValid, ConflictError, NotFoundError, type FieldErrors } from '../../../platform/errors.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import type { Scope } from '../../../platform/scope.js';
import { ArticleState, type Article } from '../../knowledge/article.entity.js';
import { readableArticle } from '../../knowledge/article-visibility.js';
import { ARTICLE_REPORT_REASONS, validateReportNote, type ArticleReportReasonKey } from '../article-report.rules.js';
import { ensureFlagAllowed } from '../flag-cap.js';
import '../moderation.events.js';

export interface ArticleReportRow {
  id: number;
  articleId: number;
  reporterId: number;
  reviewItemId: number;
  reason: ArticleReportReasonKey;
  note: string | null;
  createdAt: Date;
}

export const toArticleReport = (r: Record<string, unknown>): ArticleReportRow => ({
  id: r.id as number,
  articleId: r.article_id as number,
  reporterId: r.reporter_id as number,
  reviewItemId: r.review_item_id as number,
  reason: r.reason as ArticleReportReasonKey,
  note: (r.note as string | null) ?? null,
  createdAt: new Date(r.created_at as string),
});

/**
 * A member with the flag privilege reports a published article (outdated, incorrect, spam or
 * other, with a note for other) to reviewers: once per member and article, counted in the daily
 * flags cap. The report joins the article's open ARTICLE_REPORT item (one per article, made by
 * the first report, in the article's category for its advocates), under the article's lock so
 * concurrent reports make one item. An article the member may not read, or not published, is
 * NOT_FOUND; any refusal writes nothing.
 */
export async function reportArticle(
  scope: Scope,
  input: { articleId: number; reason: ArticleReportReasonKey; note?: string | null },
): Promise<{ article: Article; report: ArticleReportRow }> {
  const viewer = scope.guardian.requireViewer();
  const published = async (em: Scope['em'], lock: boolean) => {
    const article = await readableArticle(em, viewer, input.articleId, { lock });
    if (article.state !== ArticleState.PUBLISHED) throw new NotFoundError('Article');
    return article;
  };
  await published(scope.em, false);
  scope.guardian.ensureCan('article.report', null);
  const errors: FieldErrors = {};
  if (!ARTICLE_REPORT_REASONS.includes(input.reason)) errors.reason = 'Choose one of the listed reasons.';
  const note = validateReportNote(input.reason, input.note, scope.settings.moderation.noteMaxLength, errors);
  assertValid(errors);

  return transact(scope.em, async (tx) => {
    await ensureFlagAllowed(tx, scope.guardian, scope.settings.abuseLimits.flagsPerDay);
    const article = await published(tx, true);
    const [item] = await sql<{ id: number }>(
      tx,
      `insert into review_items (kind, article_id, category_id) values ('ARTICLE_REPORT', ?, ?)
       on conflict (article_id) where status = 'OPEN' do update set article_id = excluded.article_id
       returning id`,
      [article.id, article.categoryId],
    );
    const [row] = await sql(
      tx,
      `insert into article_reports (article_id, reporter_id, review_item_id, reason, note) values (?, ?, ?, ?, ?)
       on conflict (article_id, reporter_id) do nothing returning *`,
      [article.id, viewer.id, item!.id, input.reason, note],
    );
    if (!row) throw new ConflictError('You have already reported this article.');
    await recordEvent(tx, scope.guardian.requireActor(), {
      name: 'article.reported',
      subject: ref('article', article.id),
      related: [ref('review_item', item!.id), ref('member', viewer.id)],
      data: { articleId: article.id, reporterId: viewer.id, reviewItemId: item!.id, reason: input.reason },
    });
    return { article, report: toArticleReport(row) };
  });
}
