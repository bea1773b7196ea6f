import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../../platform/db/sql.js';
import type { DomainEvent } from '../../../platform/events/events.js';
import '../../community/community.events.js';
import { memberReadsThreadSql } from '../../community/visibility.js';
import { alreadyNotifiedSql, watchLevelSql } from '../recipients.sql.js';
import { newMentions, notifyMentions } from './mentions.js';

/**
 * New threads and replies, set-based: each step is one INSERT … SELECT for the whole batch, so a
 * thread with a thousand followers costs the same few statements as one with none. One
 * notification per recipient per event, the most specific first: MENTION, then REPLY (the asker),
 * then FOLLOWED_REPLY or NEW_THREAD (watchers); each later step leaves out who an earlier one told.
 */
export async function fanOutThreads(
  tx: EntityManager,
  render: (markdown: string) => string,
  events: DomainEvent<'thread.created'>[],
): Promise<void> {
  if (events.length === 0) return;
  const items = await mentionsFirst(tx, render, events);
  await sql(
    tx,
    `insert into notifications (recipient_id, kind, event_id, actor_id, thread_id, post_id)
     select m.id, 'NEW_THREAD', e.event_id, e.actor_id, t.id, e.post_id
       from jsonb_to_recordset(?::jsonb) as e(event_id bigint, thread_id int, post_id int, actor_id int)
       join threads t on t.id = e.thread_id and not t.question_hidden
       join categories c on c.id = t.category_id
       join notification_watches w on w.category_id = t.category_id and w.level = 'FOLLOWING'
       join members m on m.id = w.member_id
      where m.id <> e.actor_id
        and ${memberReadsThreadSql('m', 't', 'c')}
        and not ${alreadyNotifiedSql('m', 'e.event_id', ['MENTION'])}
     on conflict do nothing`,
    [JSON.stringify(items)],
  );
  await followByDefault(tx, items);
}

export async function fanOutReplies(
  tx: EntityManager,
  render: (markdown: string) => string,
  events: DomainEvent<'post.created'>[],
): Promise<void> {
  if (events.length === 0) return;
  const items = await mentionsFirst(tx, render, events);
  const json = JSON.stringify(items);
  // The reply as it stands now: hidden or deleted since it was written, it notifies nobody.
  const replies = `jsonb_to_recordset(?::jsonb) as e(event_id bigint, thread_id int, post_id int, actor_id int)
       join posts p on p.id = e.post_id and p.hidden_at is null and p.deleted_at is null
       join threads t on t.id = p.thread_id
       join categories c on c.id = t.category_id`;
  await sql(
    tx,
    `insert into notifications (recipient_id, kind, event_id, actor_id, thread_id, post_id)
     select m.id, 'REPLY', e.event_id, e.actor_id, t.id, p.id
       from ${replies}
       join members m on m.id = t.author_id
      where m.id <> e.actor_id
        and ${memberReadsThreadSql('m', 't', 'c')}
        and ${watchLevelSql('m', 't')} is distinct from 'MUTED'
        and not ${alreadyNotifiedSql('m', 'e.event_id', ['MENTION'])}
     on conflict do nothing`,
    [json],
  );
  await sql(
    tx,
    `insert into notifications (recipient_id, kind, event_id, actor_id, thread_id, post_id)
     select m.id, 'FOLLOWED_REPLY', e.event_id, e.actor_id, t.id, p.id
       from ${replies}
       join lateral (
         select w.member_id from notification_watches w where w.thread_id = t.id and w.level = 'FOLLOWING'
         union
         select w.member_id from notification_watches w
          where w.category_id = t.category_id and w.level = 'FOLLOWING'
            and not exists (select 1 from notification_watches x
                             where x.member_id = w.member_id and x.thread_id = t.id and x.level = 'MUTED')
       ) f on true
       join members m on m.id = f.member_id
      where m.id <> e.actor_id
        and ${memberReadsThreadSql('m', 't', 'c')}
        and not ${alreadyNotifiedSql('m', 'e.event_id', ['MENTION', 'REPLY'])}
     on conflict do nothing`,
    [json],
  );
  await followByDefault(tx, items);
}

/**
 * The new posts of `events` as the fan-out's statements take them (one JSON record each), once
 * their mentions are notified: MENTION is the most specific kind, so it goes first.
 */
async function mentionsFirst(
  tx: EntityManager,
  render: (markdown: string) => string,
  events: (DomainEvent<'thread.created'> | DomainEvent<'post.created'>)[],
) {
  const posts = events.map((e) => ({ eventId: e.id, postId: e.data.postId, revision: 1, actorId: e.data.authorId }));
  await notifyMentions(tx, await newMentions(tx, render, posts));
  return posts.map((p, i) => ({
    event_id: p.eventId,
    thread_id: events[i]!.data.threadId,
    post_id: p.postId,
    actor_id: p.actorId,
  }));
}

/** Mentions added by an edit notify their new members (those already mentioned were told before). */
export async function fanOutEdits(
  tx: EntityManager,
  render: (markdown: string) => string,
  events: DomainEvent<'post.edited'>[],
): Promise<void> {
  const bodyEdits = events.filter((e) => e.data.changed.includes('body'));
  await notifyMentions(
    tx,
    await newMentions(
      tx,
      render,
      bodyEdits.map((e) => ({ eventId: e.id, postId: e.data.postId, revision: e.data.revision, actorId: e.actor.id })),
    ),
  );
}

/** Askers and repliers follow their threads; one who muted the thread stays muted (the row exists). */
async function followByDefault(tx: EntityManager, items: { thread_id: number; actor_id: number }[]): Promise<void> {
  await sql(
    tx,
    `insert into notification_watches (member_id, thread_id, level)
     select distinct e.actor_id, e.thread_id, 'FOLLOWING'
       from jsonb_to_recordset(?::jsonb) as e(thread_id int, actor_id int)
       join threads t on t.id = e.thread_id
     on conflict do nothing`,
    [JSON.stringify(items)],
  );
}
