import type { EntityManager } from '@mikro-orm/postgresql';
import { isStaffViewer, type GuardianSettings, type Viewer } from '../../platform/authz/guardian.js';
import { snapshotShape } from '../../platform/db/snapshots.js';
import { sql } from '../../platform/db/sql.js';
import { NotFoundError } from '../../platform/errors.js';
import { Category, CategoryKind } from './category.entity.js';
import { advocatesIn, mayEnterRestricted } from './community.policy.js';
import { Post } from './post.entity.js';
import { Thread } from './thread.entity.js';

/**
 * The one visibility rule for forum content, in the two forms callers need: a predicate for
 * rows in hand and SQL for `where` clauses. A viewer reads a category unless it is restricted
 * and they may not enter it (staff and advocates may); a thread when it is not deleted and its
 * category is readable; a post when it and its thread are. Everything else (lists, nested
 * fields, badge reasons, reputation history, leaderboards, search) asks here, so what a viewer
 * may not read is indistinguishable from absent everywhere.
 */
export const mayReadCategory = (viewer: Viewer | null, category: Pick<Category, 'kind'>): boolean =>
  category.kind !== CategoryKind.RESTRICTED || mayEnterRestricted(viewer);

export const mayReadThread = (
  viewer: Viewer | null,
  thread: Pick<Thread, 'deletedAt'>,
  category: Pick<Category, 'kind'>,
): boolean => !thread.deletedAt && mayReadCategory(viewer, category);

/**
 * Hidden posts (pending review): read in full by staff, by their author (with a notice), and by
 * those who review them: members with the review-queue privilege and advocates of the post's
 * category. Everyone else sees a placeholder where the post stands in its thread, and the post
 * (a hidden question: its thread) is left out of lists and search.
 */
export const mayReadHiddenPost = (
  viewer: Viewer | null,
  post: Pick<Post, 'authorId'>,
  thread: Pick<Thread, 'categoryId'>,
  settings: Pick<GuardianSettings, 'privileges'>,
): boolean =>
  !!viewer &&
  (isStaffViewer(viewer) ||
    post.authorId === viewer.id ||
    viewer.reputation >= settings.privileges.reviewQueue ||
    advocatesIn(viewer, thread.categoryId));

/** What those who may not read a hidden post see in its place (body and bodyHtml alike). */
export const HIDDEN_PLACEHOLDER = 'This post is hidden pending review.';
/** The title of a thread whose question is hidden, for the same viewers. */
export const HIDDEN_TITLE = 'Hidden pending review';

/** Whether `viewer` reads this post's content, or only its placeholder. */
export const mayReadPostContent = (
  viewer: Viewer | null,
  post: Pick<Post, 'authorId' | 'hiddenAt'>,
  thread: Pick<Thread, 'categoryId'>,
  settings: Pick<GuardianSettings, 'privileges'>,
): boolean => !post.hiddenAt || mayReadHiddenPost(viewer, post, thread, settings);

/** Whether a post in hand is listed for `viewer`: the predicate form of listedPostSql (deleted posts never are). */
export const isListedPost = (viewer: Viewer | null, post: Pick<Post, 'authorId' | 'hiddenAt' | 'deletedAt'>): boolean =>
  !post.deletedAt && (!post.hiddenAt || isStaffViewer(viewer) || (!!viewer && post.authorId === viewer.id));

/** Whether a thread in hand is listed for `viewer`: the predicate form of listedThreadSql. */
export const isListedThread = (
  viewer: Viewer | null,
  thread: Pick<Thread, 'deletedAt' | 'authorId' | 'questionHidden'>,
  category: Pick<Category, 'kind'>,
): boolean =>
  mayReadThread(viewer, thread, category) &&
  (!thread.questionHidden || isStaffViewer(viewer) || (!!viewer && thread.authorId === viewer.id));

/**
 * SQL: the post aliased `p` is listed for `viewer` (not hidden, or the viewer's own, or staff).
 * Lists stay simple: reviewers find hidden posts in the review queue.
 */
export const listedPostSql = (viewer: Viewer | null, p = 'p'): string =>
  isStaffViewer(viewer)
    ? 'true'
    : viewer
      ? `(${p}.hidden_at is null or ${p}.author_id = ${Number(viewer.id)})`
      : `${p}.hidden_at is null`;

/** SQL: the thread aliased `t` is listed for `viewer`: readable, and its question not hidden from them. */
export const listedThreadSql = (viewer: Viewer | null, t = 't'): string => {
  const hidden = `${t}.question_hidden`;
  const shown = isStaffViewer(viewer)
    ? 'true'
    : viewer
      ? `(${t}.author_id = ${Number(viewer.id)} or not ${hidden})`
      : `not ${hidden}`;
  return `${readableThreadSql(viewer, t)} and ${shown}`;
};

/** SQL: the category aliased `c` is readable by `viewer`. */
export const readableCategorySql = (viewer: Viewer | null, c = 'c'): string =>
  mayEnterRestricted(viewer) ? 'true' : `${c}.kind <> '${CategoryKind.RESTRICTED}'`;

/** SQL: the thread aliased `t` is readable by `viewer`. */
export const readableThreadSql = (viewer: Viewer | null, t = 't'): string =>
  mayEnterRestricted(viewer)
    ? `${t}.deleted_at is null`
    : `${t}.deleted_at is null and exists (select 1 from categories rc where rc.id = ${t}.category_id
                                            and ${readableCategorySql(viewer, 'rc')})`;

/**
 * SQL: the member row aliased `m` may read the thread `t` in category `c` — mayReadThread written
 * over a members row instead of a viewer, so one statement decides for many members at once
 * (the notification fan-out's recipients).
 */
export const memberReadsThreadSql = (m: string, t: string, c: string): string =>
  `(${t}.deleted_at is null and (${c}.kind <> '${CategoryKind.RESTRICTED}' or ${m}.role in ('MODERATOR', 'ADMIN') or ${m}.is_advocate))`;

/** SQL: the thread with id column `threadIdColumn` exists and is readable by `viewer`. */
export const readableThreadIdSql = (viewer: Viewer | null, threadIdColumn: string): string =>
  `exists (select 1 from threads rt where rt.id = ${threadIdColumn} and ${readableThreadSql(viewer, 'rt')})`;

export interface PostInContext {
  post: Post;
  thread: Thread;
  category: Category;
}

/**
 * A post with its thread and category, in one statement; with `lock`, the post and then its
 * thread are locked NO KEY UPDATE (the strength of the updates that follow: foreign-key checks
 * of concurrent inserts are not blocked, and no lock is upgraded later, which could deadlock),
 * so a command's checks on them hold until it commits. Posts before threads is the lock order
 * of every command.
 */
export async function loadPost(
  em: EntityManager,
  postId: number,
  opts: { lock?: boolean } = {},
): Promise<PostInContext | null> {
  const posts = snapshotShape(em, Post);
  const [row] = await sql<Record<string, unknown> & Record<'thread' | 'category', Record<string, unknown>>>(
    em,
    `select ${posts.columns('p')}, to_jsonb(t) as thread, to_jsonb(c) as category
       from posts p join threads t on t.id = p.thread_id join categories c on c.id = t.category_id
      where p.id = ? ${opts.lock ? 'for no key update of p, t' : ''}`,
    [postId],
  );
  if (!row) return null;
  return {
    post: posts.map(row),
    thread: snapshotShape(em, Thread).map(row.thread),
    category: snapshotShape(em, Category).map(row.category),
  };
}

/** A post the viewer may read (and its thread), or NOT_FOUND: deleted and hidden look absent. */
export async function readablePost(
  em: EntityManager,
  viewer: Viewer | null,
  postId: number,
  opts: { lock?: boolean } = {},
): Promise<PostInContext> {
  const found = await loadPost(em, postId, opts);
  if (!found || found.post.deletedAt || !mayReadThread(viewer, found.thread, found.category)) {
    throw new NotFoundError('Post');
  }
  return found;
}

/** A thread the viewer may read, with its category, or NOT_FOUND. */
export async function readableThread(
  em: EntityManager,
  viewer: Viewer | null,
  threadId: number,
  opts: { lock?: boolean } = {},
): Promise<{ thread: Thread; category: Category }> {
  const threads = snapshotShape(em, Thread);
  const lock = opts.lock ? 'for no key update of t' : '';
  const [row] = await sql<Record<string, unknown> & { category: Record<string, unknown> }>(
    em,
    `select ${threads.columns('t')}, to_jsonb(c) as category
       from threads t join categories c on c.id = t.category_id where t.id = ? ${lock}`,
    [threadId],
  );
  if (!row) throw new NotFoundError('Thread');
  const found = { thread: threads.map(row), category: snapshotShape(em, Category).map(row.category) };
  if (!mayReadThread(viewer, found.thread, found.category)) throw new NotFoundError('Thread');
  return found;
}
