import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../../platform/db/sql.js';
import type { NotificationKind } from '../notification-kinds.js';
import { memberReadsThreadSql } from '../../community/visibility.js';

/** One notification for one known recipient (an outcome about their own post, badge or standing). */
export interface DirectNotification {
  recipientId: number;
  kind: NotificationKind;
  eventId: string;
  actorId: number | null;
  threadId?: number | null;
  postId?: number | null;
  data?: Record<string, unknown>;
}

/**
 * Writes a batch's direct notifications in one statement. The actor is never told of their own
 * action; a notification about a thread is written only when the recipient may read that thread
 * now; a redelivered event writes nothing twice (the unique recipient, kind and event).
 */
export async function insertDirect(tx: EntityManager, rows: DirectNotification[]): Promise<void> {
  if (rows.length === 0) return;
  const json = rows.map((r) => ({
    recipient_id: r.recipientId,
    kind: r.kind,
    event_id: r.eventId,
    actor_id: r.actorId,
    thread_id: r.threadId ?? null,
    post_id: r.postId ?? null,
    data: r.data ?? {},
  }));
  await sql(
    tx,
    `insert into notifications (recipient_id, kind, event_id, actor_id, thread_id, post_id, data)
     select e.recipient_id, e.kind, e.event_id, e.actor_id, e.thread_id, e.post_id, e.data
       from jsonb_to_recordset(?::jsonb) as e(recipient_id int, kind text, event_id bigint, actor_id int,
                                               thread_id int, post_id int, data jsonb)
       join members m on m.id = e.recipient_id
       left join threads t on t.id = e.thread_id
       left join categories c on c.id = t.category_id
      where e.recipient_id is distinct from e.actor_id
        and (e.thread_id is null or (t.id is not null and ${memberReadsThreadSql('m', 't', 'c')}))
        and (e.post_id is null or exists (select 1 from posts p where p.id = e.post_id))
     on conflict do nothing`,
    [JSON.stringify(json)],
  );
}
