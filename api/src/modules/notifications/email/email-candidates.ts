import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../../platform/db/sql.js';
import { Member } from '../../accounts/member.entity.js';
import { viewerOf } from '../../accounts/viewer.js';
import { listedPostSql, listedThreadSql } from '../../community/visibility.js';
import { DEFAULT_EMAIL_MODE, NOTIFICATION_KINDS, type EmailMode } from '../notification-kinds.js';
import type { EmailedNotification } from './notification-text.js';

/** Emailed at once only while fresh: a member verifying later is not sent a backlog of old news. */
const IMMEDIATE_WINDOW = `interval '2 days'`;
/** A digest covers at most this far back (a first digest, or after a long pause). */
const DIGEST_WINDOW = `interval '8 days'`;

/** The default email mode of every kind, as a table (the kinds and modes are code constants). */
const DEFAULT_MODES_SQL = `(values ${NOTIFICATION_KINDS.map((k) => `('${k}', '${DEFAULT_EMAIL_MODE[k]}')`).join(', ')}) as d(kind, mode)`;

/**
 * Notifications aliased `n` that are due by email in `mode`: the recipient's choice for the
 * kind (else the default), unread, never emailed, to a verified address, recent enough.
 */
function dueSql(mode: Exclude<EmailMode, 'NEVER'>): { from: string; where: string } {
  const since =
    mode === 'IMMEDIATELY'
      ? `n.created_at > now() - ${IMMEDIATE_WINDOW}`
      : `n.created_at > now() - ${DIGEST_WINDOW} and n.created_at > coalesce(m.last_digest_at, '-infinity')`;
  return {
    from: `notifications n
      join members m on m.id = n.recipient_id
      join ${DEFAULT_MODES_SQL} on d.kind = n.kind
      left join notification_preferences np on np.member_id = n.recipient_id and np.kind = n.kind`,
    where: `n.read_at is null and ${since}
       and m.email_verified_at is not null
       and coalesce(np.email, d.mode) = '${mode}'
       and not exists (select 1 from notification_emails e where e.notification_id = n.id)`,
  };
}

/** Members with notifications due in `mode`, a batch in id order after `afterMemberId`. */
export async function recipientsDue(
  em: EntityManager,
  mode: Exclude<EmailMode, 'NEVER'>,
  limit: number,
  afterMemberId = 0,
): Promise<number[]> {
  const due = dueSql(mode);
  const rows = await sql<{ id: number }>(
    em,
    `select distinct n.recipient_id as id from ${due.from} where ${due.where} and n.recipient_id > ? order by 1 limit ?`,
    [afterMemberId, limit],
  );
  return rows.map((r) => r.id);
}

export interface Recipient {
  id: number;
  handle: string;
  email: string;
}

/**
 * The member's notifications due in `mode` that they may still read, oldest first: the
 * community's visibility rule for this member (a thread deleted or moved to a restricted
 * category, or a post hidden since, is emailed to no one who could not open it).
 */
export async function dueFor(
  em: EntityManager,
  memberId: number,
  mode: Exclude<EmailMode, 'NEVER'>,
): Promise<{ recipient: Recipient; notifications: EmailedNotification[] } | null> {
  const member = await em.findOne(Member, { id: memberId });
  if (!member) return null;
  const viewer = viewerOf(member, []);
  const due = dueSql(mode);
  const rows = await sql<{
    id: string;
    kind: EmailedNotification['kind'];
    thread_id: number | null;
    post_id: number | null;
    thread_title: string | null;
    actor_handle: string | null;
    data: Record<string, unknown>;
  }>(
    em,
    `select n.id::text as id, n.kind, n.thread_id, n.post_id, t.title as thread_title, a.handle as actor_handle, n.data
       from ${due.from}
       left join threads t on t.id = n.thread_id
       left join posts p on p.id = n.post_id
       left join members a on a.id = n.actor_id
      where ${due.where} and n.recipient_id = ?
        and (n.thread_id is null or (${listedThreadSql(viewer, 't')}))
        and (n.post_id is null or (p.deleted_at is null and ${listedPostSql(viewer, 'p')}))
      order by n.id`,
    [memberId],
  );
  return {
    recipient: { id: member.id, handle: member.handle, email: member.email },
    notifications: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      threadId: r.thread_id,
      postId: r.post_id,
      threadTitle: r.thread_title,
      actor: r.actor_handle,
      data: r.data ?? {},
    })),
  };
}
