import { systemActor } from '../../../platform/authz/actor.js';
import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import type { Scope } from '../../../platform/scope.js';
import type { Article } from '../article.entity.js';
import { shouldFlagUnhelpful, validateReason } from '../article.rules.js';
import { readableArticle } from '../article-visibility.js';
import { flagArticle } from '../article-writes.js';
import { reloadArticle } from '../article.queries.js';
import '../knowledge.events.js';

/**
 * "Was this helpful?": one vote per reader (a member, or a visitor by their hashed key), which
 * they may change. The rating row and both counters move in one statement, so concurrent
 * votes never lose a count. When the unhelpful votes pass the threshold the article is
 * flagged for review.
 */
export async function rateArticle(
  scope: Scope,
  input: { articleId: number; helpful: boolean; reason?: string | null; raterKey: string },
): Promise<Article> {
  const reason = validateReason('rateReason', input.reason);
  return transact(scope.em, async (tx) => {
    const article = await readableArticle(tx, scope.guardian.viewer, input.articleId, { lock: true });
    scope.guardian.ensureCan('article.rate', article);
    const [row] = await sql<{ previous: boolean | null; helpful_count: number; not_helpful_count: number }>(
      tx,
      // The article's lock (taken above) orders votes on it, so this plain read is the vote
      // before this one; FOR UPDATE would skip the row the upsert below changes in this statement.
      `with before as (
         select helpful from article_ratings where article_id = ? and rater_key = ?),
       rated as (
         insert into article_ratings (article_id, rater_key, helpful, reason) values (?, ?, ?, ?)
         on conflict (article_id, rater_key) do update set helpful = excluded.helpful, reason = excluded.reason,
                                                           created_at = now()
         returning helpful),
       counted as (
         update articles a set
           helpful_count = helpful_count + (case when ? then 1 else 0 end)
                           - (case when (select helpful from before) is true then 1 else 0 end),
           not_helpful_count = not_helpful_count + (case when ? then 0 else 1 end)
                               - (case when (select helpful from before) is false then 1 else 0 end)
          where a.id = ? and (select count(*) from rated) = 1
         returning helpful_count, not_helpful_count)
       select (select helpful from before) as previous, helpful_count, not_helpful_count from counted`,
      [
        article.id,
        input.raterKey,
        article.id,
        input.raterKey,
        input.helpful,
        reason,
        input.helpful,
        input.helpful,
        article.id,
      ],
    );
    if (row!.previous !== input.helpful) {
      // A visitor's vote counts too (by a hashed key); its event names no member.
      await recordEvent(tx, scope.guardian.actor ?? systemActor('visitor'), {
        name: 'article.rated',
        subject: ref('article', article.id),
        related: [],
        data: { articleId: article.id, helpful: input.helpful, previous: row!.previous },
      });
    }
    if (shouldFlagUnhelpful(row!.helpful_count, row!.not_helpful_count)) {
      await flagArticle(
        tx,
        systemActor('knowledge.ratings'),
        article,
        `Readers found it unhelpful: ${row!.not_helpful_count} of ${row!.helpful_count + row!.not_helpful_count} votes.`,
        null,
      );
    }
    return reloadArticle(tx, article.id);
  });
}
