import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../platform/authz/guardian.js';
import { sql } from '../../platform/db/sql.js';
import { decodeCursor, toConnection, type Connection } from '../../graphql/pagination.js';
import type { CategoryKind } from '../community/category.entity.js';
import { isListedPost, isListedThread, listedPostSql, listedThreadSql } from '../community/visibility.js';
import type { NotificationKind } from './notification-kinds.js';
import { notificationMessage, notificationPath } from './notification-message.js';
import type { Notification } from './notification.types.js';

/**
 * SQL: the notification aliased `n` (its thread `t` and post `p` left-joined) is listed for the
 * viewer: its thread is still listed for them and its post still readable (hidden or deleted
 * since: only for its author and staff). What the viewer may no longer read is left out of the
 * list and the count alike, as if it had never been.
 */
const stillReadableSql = (viewer: Viewer): string =>
  `(n.thread_id is null or (t.id is not null and ${listedThreadSql(viewer, 't')}))
   and (n.post_id is null or p.author_id = ${Number(viewer.id)}
        or (p.id is not null and p.deleted_at is null and ${listedPostSql(viewer, 'p')}))`;

const COLUMNS = `n.id::text as id, n.kind, n.read_at, n.created_at, n.actor_id, n.thread_id, n.post_id, n.data,
  a.handle as actor_handle, t.title as thread_title`;

const FROM = `notifications n
  left join threads t on t.id = n.thread_id
  left join posts p on p.id = n.post_id`;

interface Row {
  id: string;
  kind: NotificationKind;
  read_at: Date | null;
  created_at: Date;
  actor_id: number | null;
  thread_id: number | null;
  post_id: number | null;
  data: Record<string, unknown>;
  actor_handle: string | null;
  thread_title: string | null;
}

/** The viewer's notifications, newest first (keyset on id), with their sentences built. */
export async function listNotifications(
  em: EntityManager,
  viewer: Viewer,
  opts: { first: number; after?: string | null; unreadOnly?: boolean | null },
): Promise<Connection<Notification>> {
  const [afterId] = decodeCursor(opts.after, ['bigid']) ?? [];
  const nodes = await selectNotifications(
    em,
    viewer,
    `${opts.unreadOnly ? 'and n.read_at is null' : ''} ${afterId ? 'and n.id < ?::bigint' : ''}`,
    afterId ? [afterId] : [],
    'n.id desc',
    opts.first + 1,
  );
  return toConnection(nodes, opts.first, (n) => [n.id]);
}

/**
 * The viewer's notifications after `afterId` (oldest first, at most `limit`), or those of `ids`,
 * that they may still read: what a live subscription delivers and catches up on.
 */
export function newNotifications(
  em: EntityManager,
  viewer: Viewer,
  opts: { afterId: string; limit: number } | { ids: string[] },
): Promise<Notification[]> {
  return 'ids' in opts
    ? selectNotifications(
        em,
        viewer,
        'and n.id = any(?::bigint[])',
        [`{${opts.ids.join(',')}}`],
        'n.id',
        opts.ids.length,
      )
    : selectNotifications(em, viewer, 'and n.id > ?::bigint', [opts.afterId], 'n.id', opts.limit);
}

async function selectNotifications(
  em: EntityManager,
  viewer: Viewer,
  where: string,
  params: unknown[],
  orderBy: string,
  limit: number,
): Promise<Notification[]> {
  const rows = await sql<Row>(
    em,
    `select ${COLUMNS} from ${FROM}
       left join members a on a.id = n.actor_id
      where n.recipient_id = ? ${where}
        and ${stillReadableSql(viewer)}
      order by ${orderBy} limit ?`,
    [viewer.id, ...params, limit],
  );
  return rows.map(toNotification);
}

function toNotification(r: Row): Notification {
  const parts = {
    kind: r.kind,
    actor: r.actor_handle,
    threadTitle: r.thread_title,
    threadId: r.thread_id,
    postId: r.post_id,
    data: r.data,
  };
  return {
    id: r.id,
    kind: r.kind,
    readAt: r.read_at ? new Date(r.read_at) : null,
    createdAt: new Date(r.created_at),
    message: notificationMessage(parts),
    path: notificationPath(parts),
    actorId: r.actor_id,
    threadId: r.thread_id,
    postId: r.post_id,
  };
}

/** A notification just written, with what deciding who may read it needs (see `stillReadable`). */
export interface AddedNotification {
  recipientId: number;
  notification: Notification;
  thread: {
    deletedAt: Date | null;
    authorId: number;
    questionHidden: boolean;
    category: { kind: CategoryKind };
  } | null;
  post: { authorId: number; hiddenAt: Date | null; deletedAt: Date | null } | null;
}

/**
 * The notifications with ids in (`from`, `to`] of the members `recipientIds`, each with its
 * thread's and post's standing: one statement for a whole fan-out batch, however many
 * recipients; who may read each is decided in memory (`stillReadable`), per recipient.
 */
export async function addedNotifications(
  em: EntityManager,
  range: { from: string; to: string },
  recipientIds: number[],
): Promise<AddedNotification[]> {
  const rows = await sql<
    Row & {
      recipient_id: number;
      t_deleted_at: Date | null;
      t_author_id: number | null;
      t_question_hidden: boolean | null;
      c_kind: CategoryKind | null;
      p_author_id: number | null;
      p_hidden_at: Date | null;
      p_deleted_at: Date | null;
    }
  >(
    em,
    `select ${COLUMNS}, n.recipient_id,
            t.deleted_at as t_deleted_at, t.author_id as t_author_id, t.question_hidden as t_question_hidden,
            c.kind as c_kind, p.author_id as p_author_id, p.hidden_at as p_hidden_at, p.deleted_at as p_deleted_at
       from ${FROM}
       left join members a on a.id = n.actor_id
       left join categories c on c.id = t.category_id
      where n.id > ?::bigint and n.id <= ?::bigint and n.recipient_id = any(?::int[])
      order by n.id`,
    [range.from, range.to, `{${recipientIds.join(',')}}`],
  );
  return rows.map((r) => ({
    recipientId: r.recipient_id,
    notification: toNotification(r),
    thread:
      r.t_author_id === null
        ? null
        : {
            deletedAt: r.t_deleted_at,
            authorId: r.t_author_id,
            questionHidden: !!r.t_question_hidden,
            category: { kind: r.c_kind! },
          },
    post:
      r.p_author_id === null ? null : { authorId: r.p_author_id, hiddenAt: r.p_hidden_at, deletedAt: r.p_deleted_at },
  }));
}

/** The predicate form of `stillReadableSql`: whether `viewer` may still read this notification. */
export function stillReadable(viewer: Viewer, added: AddedNotification): boolean {
  const { notification: n, thread, post } = added;
  if (added.recipientId !== viewer.id) return false;
  if (n.threadId !== null && !(thread && isListedThread(viewer, thread, thread.category))) return false;
  return (
    n.postId === null ||
    post?.authorId === viewer.id ||
    (post !== null && !post.deletedAt && isListedPost(viewer, post))
  );
}

/** Unread notifications the viewer may still read (the header's badge). */
export async function unreadCount(em: EntityManager, viewer: Viewer): Promise<number> {
  const [row] = await sql<{ n: number }>(
    em,
    `select count(*)::int as n from ${FROM} where n.recipient_id = ? and n.read_at is null and ${stillReadableSql(viewer)}`,
    [viewer.id],
  );
  return row!.n;
}

/** Marks the viewer's own notifications read: those of `ids`, or all when none are given. */
export async function markRead(em: EntityManager, viewer: Viewer, ids: string[] | null): Promise<number> {
  const rows = await sql<{ id: string }>(
    em,
    `update notifications set read_at = now()
      where recipient_id = ? and read_at is null ${ids ? 'and id = any(?::bigint[])' : ''}
      returning id`,
    [viewer.id, ...(ids ? [`{${ids.join(',')}}`] : [])],
  );
  return rows.length;
}
