import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeCursor, toConnection, type Connection } from '../../graphql/pagination.js';
import type { Viewer } from '../../platform/authz/guardian.js';
import { snapshotShape } from '../../platform/db/snapshots.js';
import { placeholders, sql } from '../../platform/db/sql.js';
import { ValidationError } from '../../platform/errors.js';
import { Article, ArticleState, ContributorRole } from './article.entity.js';
import type { ArticleContent, SourceRevision } from './article-source.js';
import { readableArticleSql } from './article-visibility.js';
import { CONTENT_FIELDS } from './article-writes.js';
import { textDiff } from './article-source.js';

export async function reloadArticle(em: EntityManager, id: number): Promise<Article> {
  const articles = snapshotShape(em, Article);
  const [row] = await sql<Record<string, unknown>>(em, `select ${articles.columns('a')} from articles a where id = ?`, [
    id,
  ]);
  return articles.map(row!);
}

export interface ArticleVersionRow {
  articleId: number;
  number: number;
  authorId: number | null;
  content: ArticleContent;
  sources: SourceRevision[];
  changed: string[];
  note: string | null;
  createdAt: Date;
}

const versionRow = (r: Record<string, unknown>): ArticleVersionRow => ({
  articleId: r.article_id as number,
  number: r.number as number,
  authorId: r.author_id as number | null,
  content: {
    title: r.title as string,
    issue: r.issue as string,
    environment: r.environment as string,
    resolution: r.resolution as string,
    cause: r.cause as string | null,
    tags: r.tags as string[],
    categoryId: r.category_id as number | null,
  },
  sources: r.sources as SourceRevision[],
  changed: r.changed as string[],
  note: r.note as string | null,
  createdAt: new Date(r.created_at as string),
});

/** The article's latest version (the staged one, when a published article is being edited). */
export async function latestVersion(em: EntityManager, article: Pick<Article, 'id' | 'currentVersion'>) {
  const [row] = await sql(em, 'select * from article_versions where article_id = ? and number = ?', [
    article.id,
    article.currentVersion,
  ]);
  return versionRow(row!);
}

export async function articleVersions(em: EntityManager, articleId: number): Promise<ArticleVersionRow[]> {
  const rows = await sql(em, 'select * from article_versions where article_id = ? order by number desc', [articleId]);
  return rows.map(versionRow);
}

/** What changed between two versions, field by field, as unified diffs (tags and category as lines). */
export async function versionDiff(
  em: EntityManager,
  articleId: number,
  from: number,
  to: number,
): Promise<{ field: string; diff: string }[]> {
  const rows = await sql(em, 'select * from article_versions where article_id = ? and number in (?, ?)', [
    articleId,
    from,
    to,
  ]);
  const a = rows.map(versionRow).find((v) => v.number === from);
  const b = rows.map(versionRow).find((v) => v.number === to);
  if (!a || !b) throw new ValidationError({ versions: `Article ${articleId} has no version ${!a ? from : to}.` });
  const asText = (v: ArticleContent[keyof ArticleContent]) =>
    Array.isArray(v) ? v.join('\n') : v === null ? '' : String(v);
  return CONTENT_FIELDS.map((field) => ({
    field,
    diff: textDiff(field, asText(a.content[field]), asText(b.content[field])),
  })).filter((d) => d.diff !== '');
}

export interface ArticleFilter {
  categoryId?: number | null;
  tag?: string | null;
  state?: ArticleState | null;
  needsReview?: boolean | null;
}

/**
 * Articles the viewer may read, newest publication first (drafts and archived ones, which only
 * staff see, by creation), keyset-paged on (time, id). Each filter has an index for published
 * articles (category, tags GIN); staff lists of other states are small.
 */
export async function listArticles(
  em: EntityManager,
  viewer: Viewer | null,
  filter: ArticleFilter,
  args: { first: number; after?: string | null },
): Promise<Connection<Article>> {
  const articles = snapshotShape(em, Article);
  const state = filter.state ?? ArticleState.PUBLISHED;
  const time = state === ArticleState.PUBLISHED ? 'a.published_at' : 'a.created_at';
  const where = [readableArticleSql(viewer), 'a.state = ?'];
  const params: unknown[] = [state];
  if (filter.categoryId != null) {
    where.push('a.category_id = ?');
    params.push(filter.categoryId);
  }
  if (filter.tag != null) {
    where.push('a.tags @> array[?]::text[]');
    params.push(filter.tag.trim().toLowerCase().slice(0, 30));
  }
  if (filter.needsReview != null) {
    where.push('a.needs_review = ?');
    params.push(filter.needsReview);
  }
  const cursor = decodeCursor(args.after, ['timestamp', 'id']);
  if (cursor) {
    where.push(`(${time}, a.id) < (?::timestamptz, ?)`);
    params.push(cursor[0], cursor[1]);
  }
  params.push(args.first + 1);
  const rows = await sql(
    em,
    `select ${articles.columns('a')} from articles a where ${where.join(' and ')}
      order by ${time} desc, a.id desc limit ?`,
    params,
  );
  const list = rows.map(articles.map);
  return toConnection(list, args.first, (a) => [
    (state === ArticleState.PUBLISHED ? a.publishedAt! : a.createdAt).toISOString(),
    a.id,
  ]);
}

/** Published articles a member contributed to (asked, answered or edited), newest first. */
export async function memberArticles(
  em: EntityManager,
  viewer: Viewer | null,
  memberId: number,
  args: { first: number; after?: string | null },
): Promise<Connection<Article>> {
  const articles = snapshotShape(em, Article);
  const cursor = decodeCursor(args.after, ['timestamp', 'id']);
  const rows = await sql(
    em,
    `select ${articles.columns('a')} from articles a
      where a.state = 'PUBLISHED' and ${readableArticleSql(viewer)}
        and exists (select 1 from article_contributors c where c.article_id = a.id and c.member_id = ?)
        ${cursor ? 'and (a.published_at, a.id) < (?::timestamptz, ?)' : ''}
      order by a.published_at desc, a.id desc limit ?`,
    [memberId, ...(cursor ?? []), args.first + 1],
  );
  return toConnection(rows.map(articles.map), args.first, (a) => [a.publishedAt!.toISOString(), a.id]);
}

/**
 * What waits for staff, oldest first: drafts, articles in review, staged edits and flagged
 * articles, by when they started waiting (one index: articles_queue_idx).
 */
export async function reviewQueue(
  em: EntityManager,
  args: { first: number; after?: string | null },
): Promise<Connection<Article>> {
  const articles = snapshotShape(em, Article);
  const cursor = decodeCursor(args.after, ['timestamp', 'id']);
  const rows = await sql(
    em,
    `select ${articles.columns('a')} from articles a
      where a.queued_at is not null ${cursor ? 'and (a.queued_at, a.id) > (?::timestamptz, ?)' : ''}
      order by a.queued_at, a.id limit ?`,
    [...(cursor ?? []), args.first + 1],
  );
  return toConnection(rows.map(articles.map), args.first, (a) => [a.queuedAt!.toISOString(), a.id]);
}

declare module '../../platform/module.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Loaders extends ReturnType<typeof knowledgeLoaders> {}
}

/** A loader of the readable article whose `key` (its id, or its source thread) is each id. */
function readableArticlesBy(em: EntityManager, viewer: Viewer | null, key: 'id' | 'sourceThreadId') {
  const column = key === 'id' ? 'a.id' : 'a.source_thread_id';
  return new DataLoader<number, Article | null>(async (ids) => {
    const articles = snapshotShape(em, Article);
    const rows = await sql(
      em,
      `select ${articles.columns('a')} from articles a where ${column} in (${placeholders(ids)}) and ${readableArticleSql(viewer)}`,
      [...ids],
    );
    const byKey = new Map(rows.map(articles.map).map((a) => [a[key], a]));
    return ids.map((id) => byKey.get(id) ?? null);
  });
}

/** Per-request loaders: an article's contributors, and the article made from a thread. */
export function knowledgeLoaders(em: EntityManager, viewer: Viewer | null) {
  return {
    articleContributors: new DataLoader<number, { memberId: number; role: ContributorRole }[]>(async (ids) => {
      const rows = await sql<{ article_id: number; member_id: number; role: ContributorRole }>(
        em,
        `select article_id, member_id, role from article_contributors where article_id in (${placeholders(ids)})
          order by article_id, case role when 'ANSWERER' then 0 when 'ASKER' then 1 else 2 end, created_at`,
        [...ids],
      );
      return ids.map((id) =>
        rows.filter((r) => r.article_id === id).map((r) => ({ memberId: r.member_id, role: r.role })),
      );
    }),
    /** Articles by id, when the viewer may read them (null otherwise). */
    articleById: readableArticlesBy(em, viewer, 'id'),
    /** The readable article made from each thread, if any. */
    articleByThread: readableArticlesBy(em, viewer, 'sourceThreadId'),
  };
}
