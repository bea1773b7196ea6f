import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../platform/authz/actor.js';
import { sql, textArray } from '../../platform/db/sql.js';
import { recordEvent, ref } from '../../platform/events/events.js';
import { ArticleState, type Article, type ContributorRole, type SourceBaseline } from './article.entity.js';
import type { ArticleContent, SourceRevision } from './article-source.js';
import './knowledge.events.js';

/** The fields a version holds, in the order staff read them. */
export const CONTENT_FIELDS = ['title', 'issue', 'environment', 'resolution', 'cause', 'tags', 'categoryId'] as const;

export function changedFields(before: ArticleContent, after: ArticleContent): string[] {
  return CONTENT_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}

export const contentOf = (a: ArticleContent): ArticleContent => ({
  title: a.title,
  issue: a.issue,
  environment: a.environment,
  resolution: a.resolution,
  cause: a.cause,
  tags: a.tags,
  categoryId: a.categoryId,
});

/**
 * Writes version `number` of an article. The primary key (article, number) makes two writers
 * racing for one number fail rather than both succeed; callers hold the article's row lock.
 */
export async function insertVersion(
  tx: EntityManager,
  v: {
    articleId: number;
    number: number;
    authorId: number | null;
    content: ArticleContent;
    sources: SourceRevision[];
    changed: string[];
    note?: string | null;
  },
): Promise<void> {
  const c = v.content;
  await sql(
    tx,
    `insert into article_versions
       (article_id, number, author_id, title, issue, environment, resolution, cause, tags, category_id, sources, changed, note)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?::jsonb, ?::text[], ?)`,
    [
      v.articleId,
      v.number,
      v.authorId,
      c.title,
      c.issue,
      c.environment,
      c.resolution,
      c.cause,
      textArray(c.tags),
      c.categoryId,
      JSON.stringify(v.sources),
      textArray(v.changed),
      v.note ?? null,
    ],
  );
}

/** Credits people once per role; later versions add, never drop (provenance is kept). */
export async function addContributors(
  tx: EntityManager,
  articleId: number,
  contributors: { memberId: number; role: ContributorRole }[],
): Promise<void> {
  if (contributors.length === 0) return;
  await sql(
    tx,
    `insert into article_contributors (article_id, member_id, role)
     select ?, c.member_id, c.role from jsonb_to_recordset(?::jsonb) as c(member_id int, role text)
     on conflict do nothing`,
    [articleId, JSON.stringify(contributors.map((c) => ({ member_id: c.memberId, role: c.role })))],
  );
}

/** Markdown → sanitized HTML: the posts' renderer (`services.markdown`). */
export type Render = (markdown: string) => string;

/**
 * Sets what readers see (or, before publication, what the article is) to `content`, rendered
 * once here, on write, as posts are: reading an article renders nothing.
 */
export async function writeContent(
  tx: EntityManager,
  render: Render,
  articleId: number,
  content: ArticleContent,
): Promise<void> {
  await sql(
    tx,
    `update articles set title = ?, issue = ?, environment = ?, resolution = ?, cause = ?, tags = ?::text[],
            category_id = ?, issue_html = ?, environment_html = ?, resolution_html = ?, cause_html = ?,
            updated_at = now()
      where id = ?`,
    [
      content.title,
      content.issue,
      content.environment,
      content.resolution,
      content.cause,
      textArray(content.tags),
      content.categoryId,
      render(content.issue),
      render(content.environment),
      render(content.resolution),
      content.cause === null ? null : render(content.cause),
      articleId,
    ],
  );
}

/**
 * Flags a published article for review with why and what changed, and queues it for staff.
 * An article already flagged keeps its first reason (the oldest signal decides its place in
 * the queue); returns whether this flagged it.
 */
export async function flagArticle(
  tx: EntityManager,
  actor: Actor,
  article: Pick<Article, 'id'>,
  reason: string,
  diff: string | null,
): Promise<boolean> {
  const [flagged] = await sql<{ id: number }>(
    tx,
    `update articles set needs_review = true, needs_review_reason = ?, needs_review_diff = ?,
            queued_at = coalesce(queued_at, now()), updated_at = now()
      where id = ? and not needs_review and state <> '${ArticleState.ARCHIVED}'
      returning id`,
    [reason, diff || null, article.id],
  );
  if (!flagged) return false;
  await recordEvent(tx, actor, {
    name: 'article.flagged',
    subject: ref('article', article.id),
    related: [],
    data: { articleId: article.id, reason },
  });
  return true;
}

/** Moves the article's baseline to the thread as it is now (after a rebuild or a verification). */
export async function setBaseline(
  tx: EntityManager,
  articleId: number,
  baseline: SourceBaseline | null,
): Promise<void> {
  await sql(tx, 'update articles set source_baseline = ?::jsonb where id = ?', [
    baseline && JSON.stringify(baseline),
    articleId,
  ]);
}
