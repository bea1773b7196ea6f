import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../platform/authz/guardian.js';
import { NotFoundError } from '../../platform/errors.js';
import {
  decodeCursor,
  decodeSectionCursor,
  toConnection,
  type Connection,
  type CursorKind,
  type CursorValue,
} from '../../graphql/pagination.js';
import { primeSnapshot, snapshotShape, snapshots } from '../../platform/db/snapshots.js';
import { sql } from '../../platform/db/sql.js';
import { Member } from '../accounts/member.entity.js';
import type { Loaders } from '../../platform/module.js';
import { Category } from './category.entity.js';
import { listedPostSql, listedThreadSql, mayReadCategory, mayReadThread, readableThreadIdSql } from './visibility.js';
import { Post } from './post.entity.js';
import { Thread } from './thread.entity.js';

export enum ThreadOrder {
  LATEST = 'LATEST',
  NEWEST = 'NEWEST',
  UNANSWERED = 'UNANSWERED',
  TOP = 'TOP',
}

export interface ThreadFilter {
  categoryId?: number;
  tag?: string;
  authorId?: number;
}

/** Categories the viewer may read, in display order. */
export async function listCategories(em: EntityManager, viewer: Viewer | null): Promise<Category[]> {
  const all = await em.find(Category, {}, { orderBy: { position: 'asc', name: 'asc' } });
  return all.filter((c) => mayReadCategory(viewer, c));
}

/** A thread the viewer may read, or NOT_FOUND (deleted and restricted look the same as absent). */
export async function visibleThread(loaders: Loaders, viewer: Viewer | null, id: number): Promise<Thread> {
  const thread = await loaders.threadById.load(id);
  const category = thread && (await loaders.categoryById.load(thread.categoryId));
  if (!thread || !category || !mayReadThread(viewer, thread, category)) throw new NotFoundError('Thread');
  return thread;
}

/** A post (question or reply) the viewer may read, with its thread, or NOT_FOUND. */
export async function visiblePost(loaders: Loaders, viewer: Viewer | null, id: number) {
  const post = await loaders.postById.load(id);
  if (!post || post.deletedAt) throw new NotFoundError('Post');
  const thread = await visibleThread(loaders, viewer, post.threadId).catch(() => {
    throw new NotFoundError('Post');
  });
  return { post, thread };
}

const ORDERS: Record<
  ThreadOrder,
  { orderBy: string; keyset: string; cursor: (t: Thread) => CursorValue[]; shape: CursorKind[] }
> = {
  [ThreadOrder.LATEST]: {
    orderBy: 't.last_activity_at desc, t.id desc',
    keyset: '(t.last_activity_at, t.id) < (?::timestamptz, ?)',
    cursor: (t) => [t.lastActivityAt.toISOString(), t.id],
    shape: ['timestamp', 'id'],
  },
  [ThreadOrder.NEWEST]: {
    orderBy: 't.id desc',
    keyset: 't.id < ?',
    cursor: (t) => [t.id],
    shape: ['id'],
  },
  [ThreadOrder.UNANSWERED]: {
    orderBy: 't.id desc',
    keyset: 't.id < ?',
    cursor: (t) => [t.id],
    shape: ['id'],
  },
  [ThreadOrder.TOP]: {
    orderBy: 't.score desc, t.id desc',
    keyset: '(t.score, t.id) < (?, ?)',
    cursor: (t) => [t.score, t.id],
    shape: ['int', 'id'],
  },
};

/** Pinned rows' cursor: when pinned, then the id (a 3-value shape, unlike every order's). */
const PIN_SHAPE: CursorKind[] = ['timestamp', 'id', 'int'];
const pinCursor = (t: Thread): CursorValue[] => [t.pinnedAt!.toISOString(), t.id, 0];

/**
 * Which pinned threads lead a list: in a category's list its pinned threads (either scope), on
 * the home list (no filter) the GLOBAL ones; browsing orders only (LATEST, NEWEST), not the
 * rankings (TOP, UNANSWERED) nor tag or author lists. `exclude` keeps them out of the rest.
 */
function pinsOf(
  filter: ThreadFilter,
  order: ThreadOrder,
): { where: string; params: unknown[]; exclude: string } | null {
  if (order !== ThreadOrder.LATEST && order !== ThreadOrder.NEWEST) return null;
  if (filter.tag !== undefined || filter.authorId !== undefined) return null;
  if (filter.categoryId !== undefined) {
    return {
      where: 't.category_id = ? and t.pinned_at is not null',
      params: [filter.categoryId],
      exclude: 't.pinned_at is null',
    };
  }
  return { where: "t.pinned_scope = 'GLOBAL'", params: [], exclude: "t.pinned_scope is distinct from 'GLOBAL'" };
}

/**
 * Whether any thread is pinned in a list's scope, remembered for a few seconds per process: most
 * lists have no pins, and asking every time cost a first page a second statement (the home
 * page's throughput fell by two fifths). A pin on this instance forgets it at once (forgetPins);
 * another instance shows a new pin within PIN_MEMORY_MS.
 */
const PIN_MEMORY_MS = 5_000;
const pinScopes = new Map<string, { any: boolean; until: number }>();

export const forgetPins = () => pinScopes.clear();

async function anyPinned(em: EntityManager, pins: { where: string; params: unknown[] }): Promise<boolean> {
  const key = `${pins.where} ${JSON.stringify(pins.params)}`;
  const known = pinScopes.get(key);
  if (known && known.until > Date.now()) return known.any;
  const [row] = await sql<{ any: boolean }>(
    em,
    `select exists (select 1 from threads t where ${pins.where} and t.deleted_at is null) as any`,
    pins.params,
  );
  pinScopes.set(key, { any: row!.any, until: Date.now() + PIN_MEMORY_MS });
  return row!.any;
}

/**
 * One page of threads by keyset: each order has a matching partial index (see the foundation
 * migration), so page 100 costs what page 1 does. Restricted categories and threads whose
 * question is hidden pending review are filtered in the `where` clause, so they never leak
 * through the list; threads merged into another are pointers, not listed. Pinned threads
 * (pinsOf) come first, in pin order, from their own indexes; the cursor says which section a
 * page ends in, so paging crosses from the pinned rows to the rest without repeating or
 * skipping one.
 */
export async function listThreads(
  em: EntityManager,
  viewer: Viewer | null,
  args: { first: number; after?: string | null; filter?: ThreadFilter; order: ThreadOrder },
): Promise<Connection<Thread>> {
  const spec = ORDERS[args.order];
  const filter = args.filter ?? {};
  const pins = pinsOf(filter, args.order);
  const cursor = decodeSectionCursor(args.after, pins ? [spec.shape, PIN_SHAPE] : [spec.shape]);
  const visible = `${listedThreadSql(viewer, 't')} and t.merged_into_id is null`;

  let pinned: Thread[] = [];
  if (pins && (cursor?.section === 1 || (cursor === null && (await anyPinned(em, pins))))) {
    const keyset = cursor ? 'and (t.pinned_at, t.id) > (?::timestamptz, ?)' : '';
    pinned = await snapshots(
      em,
      Thread,
      't',
      `select {columns} from threads t where ${pins.where} and ${visible} ${keyset}
        order by t.pinned_at, t.id limit ?`,
      [...pins.params, ...(cursor ? cursor.values.slice(0, 2) : []), args.first + 1],
    );
    if (pinned.length > args.first) return toConnection(pinned, args.first, pinCursor);
  }

  const where: string[] = [];
  const params: unknown[] = [];
  const { categoryId, tag, authorId } = filter;
  if (categoryId !== undefined) {
    where.push('t.category_id = ?');
    params.push(categoryId);
  }
  if (tag !== undefined) {
    where.push('t.tags @> array[?]::text[]');
    params.push(tag.trim().toLowerCase());
  }
  if (authorId !== undefined) {
    where.push('t.author_id = ?');
    params.push(authorId);
  }
  if (args.order === ThreadOrder.UNANSWERED) where.push('t.reply_count = 0');
  if (pins) where.push(pins.exclude);
  where.push(visible);
  if (cursor && cursor.section === 0) {
    where.push(spec.keyset);
    params.push(...cursor.values);
  }
  params.push(args.first - pinned.length + 1);
  const threads = await snapshots(
    em,
    Thread,
    't',
    `select {columns} from threads t where ${where.join(' and ')} order by ${spec.orderBy} limit ?`,
    params,
  );
  const pinnedIds = new Set(pinned.map((t) => t.id));
  return toConnection([...pinned, ...threads], args.first, (t) =>
    pinnedIds.has(t.id) ? pinCursor(t) : spec.cursor(t),
  );
}

/**
 * Replies by score (then oldest first), keyset-paginated; the accepted one is shown apart by
 * clients. Each reply's author comes in the same statement (primed into the member loader), as
 * every client shows who wrote a reply.
 */
export async function listReplies(
  em: EntityManager,
  loaders: Loaders,
  threadId: number,
  args: { first: number; after?: string | null },
): Promise<Connection<Post>> {
  const params: unknown[] = [threadId];
  let keyset = '';
  const cursor = decodeCursor(args.after, ['int', 'id']);
  if (cursor) {
    keyset = 'and (p.score < ? or (p.score = ? and p.id > ?))';
    params.push(cursor[0], cursor[0], cursor[1]);
  }
  params.push(args.first + 1);
  const posts = snapshotShape(em, Post);
  const rows = await sql<Record<string, unknown> & { author: Record<string, unknown> }>(
    em,
    `select ${posts.columns('p')}, to_jsonb(m) - 'password_hash' as author
       from posts p join members m on m.id = p.author_id
      where p.thread_id = ? and p.deleted_at is null and not p.is_question ${keyset}
      order by p.score desc, p.id asc limit ?`,
    params,
  );
  for (const row of rows) primeSnapshot(em, Member, row.author, loaders.memberById);
  return toConnection(rows.map(posts.map), args.first, (p) => [p.score, p.id]);
}

/**
 * Deleted and removed posts, most recently deleted first, for moderators to review and
 * restore (posts_deleted_idx). Every category's: only staff may list them (post.listRemoved),
 * and staff enter every category.
 */
export async function listRemovedPosts(
  em: EntityManager,
  args: { first: number; after?: string | null },
): Promise<Connection<Post>> {
  return pageOfPosts(em, ['p.deleted_at is not null'], [], 'deleted_at', args);
}

/**
 * A member's answers that are their thread's solution now, most recently accepted first; only
 * those in threads the viewer may see. One range of posts_accepted_idx.
 */
export async function listAcceptedAnswers(
  em: EntityManager,
  viewer: Viewer | null,
  args: { authorId: number; first: number; after?: string | null },
): Promise<Connection<Post>> {
  const where = [
    'p.author_id = ?',
    'p.accepted_at is not null',
    'p.deleted_at is null',
    listedPostSql(viewer, 'p'),
    readableThreadIdSql(viewer, 'p.thread_id'),
  ];
  return pageOfPosts(em, where, [args.authorId], 'accepted_at', args);
}

/** One keyset page of posts newest first by `column` (a timestamp), then id. */
async function pageOfPosts(
  em: EntityManager,
  where: string[],
  params: unknown[],
  column: 'deleted_at' | 'accepted_at',
  args: { first: number; after?: string | null },
): Promise<Connection<Post>> {
  const cursor = decodeCursor(args.after, ['timestamp', 'id']);
  if (cursor) {
    where.push(`(p.${column}, p.id) < (?::timestamptz, ?)`);
    params.push(...cursor);
  }
  params.push(args.first + 1);
  const posts = await snapshots(
    em,
    Post,
    'p',
    `select {columns} from posts p where ${where.join(' and ')} order by p.${column} desc, p.id desc limit ?`,
    params,
  );
  const at = column === 'deleted_at' ? (p: Post) => p.deletedAt! : (p: Post) => p.acceptedAt!;
  return toConnection(posts, args.first, (p) => [at(p).toISOString(), p.id]);
}
