import type { EntityManager } from '@mikro-orm/postgresql';
import { isStaffViewer, type Viewer } from '../../platform/authz/guardian.js';
import { snapshotShape } from '../../platform/db/snapshots.js';
import { sql } from '../../platform/db/sql.js';
import { NotFoundError } from '../../platform/errors.js';
import { readableCategorySql } from '../community/visibility.js';
import { Article, ArticleState } from './article.entity.js';

/**
 * Who reads an article: staff read every article in every state; everyone else reads a
 * published article whose category they may read (the forum's one rule, so an article made
 * from the advocates' lounge stays in the lounge). Anything else is absent, never forbidden.
 */
export const readableArticleSql = (viewer: Viewer | null, a = 'a'): string =>
  isStaffViewer(viewer)
    ? 'true'
    : `${a}.state = '${ArticleState.PUBLISHED}' and (${a}.category_id is null or exists (
         select 1 from categories c where c.id = ${a}.category_id and ${readableCategorySql(viewer, 'c')}))`;

/** The article, if the viewer may read it; with `lock`, locked NO KEY UPDATE for a command. */
export async function readableArticle(
  em: EntityManager,
  viewer: Viewer | null,
  articleId: number,
  opts: { lock?: boolean } = {},
): Promise<Article> {
  const articles = snapshotShape(em, Article);
  const [row] = await sql<Record<string, unknown>>(
    em,
    `select ${articles.columns('a')} from articles a
      where a.id = ? and ${readableArticleSql(viewer)} ${opts.lock ? 'for no key update of a' : ''}`,
    [articleId],
  );
  if (!row) throw new NotFoundError('Article');
  return articles.map(row);
}
