import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../../platform/db/sql.js';
import { mentionedHandles } from '../../community/markdown.js';
import { memberReadsThreadSql } from '../../community/visibility.js';
import { watchLevelSql } from '../recipients.sql.js';

/** A post's new mentions, by the event that made them. */
export interface Mentions {
  eventId: string;
  postId: number;
  actorId: number | null;
  handles: string[];
}

/**
 * The handles a post's revision mentions that the revision before did not (for a new post, all
 * of them), rendered by the same renderer that wrote the post, so what is a mention (not in code,
 * not in a link) is decided in one place. Revisions are read in one statement per batch.
 */
export async function newMentions(
  tx: EntityManager,
  render: (markdown: string) => string,
  items: { eventId: string; postId: number; revision: number; actorId: number | null }[],
): Promise<Mentions[]> {
  if (items.length === 0) return [];
  const rows = await sql<{ post_id: number; revision: number; body: string }>(
    tx,
    `select r.post_id, r.revision, r.body
       from post_revisions r
       join jsonb_to_recordset(?::jsonb) as i(post_id int, revision int)
         on r.post_id = i.post_id and r.revision in (i.revision, i.revision - 1)`,
    [JSON.stringify(items.map((i) => ({ post_id: i.postId, revision: i.revision })))],
  );
  const bodies = new Map(rows.map((r) => [`${r.post_id}:${r.revision}`, r.body]));
  const handlesOf = (postId: number, revision: number) => {
    const body = bodies.get(`${postId}:${revision}`);
    return body === undefined ? [] : mentionedHandles(render(body));
  };
  return items.flatMap((i) => {
    const before = new Set(i.revision > 1 ? handlesOf(i.postId, i.revision - 1) : []);
    const handles = handlesOf(i.postId, i.revision).filter((h) => !before.has(h));
    return handles.length ? [{ eventId: i.eventId, postId: i.postId, actorId: i.actorId, handles }] : [];
  });
}

/**
 * MENTION for each mentioned member who may read the post's thread, has not muted it (or its
 * category), and is not the one who wrote the mention. A post hidden or deleted by now notifies
 * nobody. One statement for the batch.
 */
export async function notifyMentions(tx: EntityManager, mentions: Mentions[]): Promise<void> {
  const rows = mentions.flatMap((m) =>
    m.handles.map((handle) => ({ event_id: m.eventId, post_id: m.postId, actor_id: m.actorId, handle })),
  );
  if (rows.length === 0) return;
  await sql(
    tx,
    `insert into notifications (recipient_id, kind, event_id, actor_id, thread_id, post_id)
     select distinct on (m.id, e.event_id) m.id, 'MENTION', e.event_id, e.actor_id, t.id, p.id
       from jsonb_to_recordset(?::jsonb) as e(event_id bigint, post_id int, actor_id int, handle text)
       join posts p on p.id = e.post_id and p.hidden_at is null and p.deleted_at is null
       join threads t on t.id = p.thread_id
       join categories c on c.id = t.category_id
       join members m on lower(m.handle) = e.handle
      where m.id is distinct from e.actor_id
        and ${memberReadsThreadSql('m', 't', 'c')}
        and ${watchLevelSql('m', 't')} is distinct from 'MUTED'
     on conflict do nothing`,
    [JSON.stringify(rows)],
  );
}
