import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../../platform/db/sql.js';
import type { DomainEvent } from '../../../platform/events/events.js';
import '../../badges/badges.events.js';
import '../../community/community.events.js';
import '../../knowledge/knowledge.events.js';
import '../../moderation/moderation.events.js';
import '../../sanctions/sanctions.events.js';
import { badgeByKey } from '../../badges/badge.definitions.js';
import { memberReadsThreadSql } from '../../community/visibility.js';
import type { DirectNotification } from './insert-direct.js';

/** The events that tell one member about their own post, badge or standing. */
export const OUTCOME_EVENTS = [
  'answer.accepted',
  'post.staff_picked',
  'article.published',
  'badge.awarded',
  'post.hidden',
  'post.unhidden',
  'post.removed',
  'post.restored',
  'member.silenced',
  'member.suspended',
  'member.sanction_lifted',
  'member.sanction_expired',
] as const;

const MODERATION_ACTIONS = {
  'post.hidden': 'HIDDEN',
  'post.unhidden': 'UNHIDDEN',
  'post.removed': 'REMOVED',
  'post.restored': 'RESTORED',
} as const;

const SANCTION_CHANGES = {
  'member.silenced': 'SILENCED',
  'member.suspended': 'SUSPENDED',
  'member.sanction_lifted': 'LIFTED',
  'member.sanction_expired': 'EXPIRED',
} as const;

/** The notification an outcome event means for its member (null: none). */
export function outcomeNotification(event: DomainEvent): DirectNotification | null {
  const base = { eventId: event.id, actorId: event.actor.id };
  const d = event.data as Record<string, unknown>;
  switch (event.name) {
    case 'answer.accepted': {
      const e = event as DomainEvent<'answer.accepted'>;
      return {
        ...base,
        kind: 'ANSWER_ACCEPTED',
        recipientId: e.data.answerAuthorId,
        threadId: e.data.threadId,
        postId: e.data.postId,
      };
    }
    case 'post.staff_picked': {
      const e = event as DomainEvent<'post.staff_picked'>;
      return {
        ...base,
        kind: 'STAFF_PICKED',
        recipientId: e.data.authorId,
        threadId: e.data.threadId,
        postId: e.data.postId,
      };
    }
    case 'badge.awarded': {
      const e = event as DomainEvent<'badge.awarded'>;
      const badge = badgeByKey.get(e.data.badge);
      return {
        ...base,
        actorId: null,
        kind: 'BADGE_AWARDED',
        recipientId: e.data.memberId,
        threadId: e.data.threadId,
        postId: e.data.postId,
        data: { badge: e.data.badge, name: badge?.name ?? e.data.badge },
      };
    }
    case 'post.hidden':
    case 'post.unhidden':
    case 'post.removed':
    case 'post.restored':
      return {
        ...base,
        kind: 'POST_MODERATED',
        recipientId: d.authorId as number,
        threadId: d.threadId as number,
        postId: d.postId as number,
        data: { action: MODERATION_ACTIONS[event.name], reason: (d.reason as string | null | undefined) ?? null },
      };
    case 'member.silenced':
    case 'member.suspended':
    case 'member.sanction_lifted':
    case 'member.sanction_expired': {
      const e = event as DomainEvent<'member.silenced'>;
      const state = e.data.after ?? e.data.before;
      return {
        ...base,
        kind: 'SANCTION',
        recipientId: e.data.memberId,
        data: {
          change: SANCTION_CHANGES[event.name],
          sanction: e.data.kind,
          reason: e.data.reason,
          until: state?.until ?? null,
        },
      };
    }
    default:
      return null;
  }
}

/**
 * ARTICLE_FROM_ANSWER when an article made from an answer is first published: the answer's
 * author is told, with the article's title and id (its source thread and post as the target).
 */
export async function articleNotifications(
  tx: EntityManager,
  events: DomainEvent<'article.published'>[],
): Promise<DirectNotification[]> {
  const firsts = events.filter((e) => e.data.firstPublication && e.data.answerAuthorId);
  if (firsts.length === 0) return [];
  const rows = await sql<{ id: number; title: string; source_thread_id: number | null; source_post_id: number | null }>(
    tx,
    'select id, title, source_thread_id, source_post_id from articles where id = any(?::int[])',
    [`{${firsts.map((e) => e.data.articleId).join(',')}}`],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return firsts.flatMap((e) => {
    const article = byId.get(e.data.articleId);
    if (!article) return [];
    return [
      {
        eventId: e.id,
        actorId: e.actor.id,
        kind: 'ARTICLE_FROM_ANSWER' as const,
        recipientId: e.data.answerAuthorId!,
        threadId: article.source_thread_id,
        postId: article.source_post_id,
        data: { articleId: article.id, title: article.title },
      },
    ];
  });
}

/**
 * FLAG_RESOLVED to each member whose flag a post's review decided (agreed, disagreed or ignored;
 * an item handed to staff is not decided yet: its flaggers hear when staff decide), in one
 * statement for the batch.
 */
export async function notifyFlaggers(tx: EntityManager, events: DomainEvent<'review.resolved'>[]): Promise<void> {
  const decided = events
    .filter((e) => e.data.postId !== null && e.data.decision !== 'ESCALATE')
    .map((e) => ({ event_id: e.id, item_id: e.data.itemId, actor_id: e.actor.id, decision: e.data.decision }));
  if (decided.length === 0) return;
  await sql(
    tx,
    `insert into notifications (recipient_id, kind, event_id, actor_id, thread_id, post_id, data)
     select m.id, 'FLAG_RESOLVED', e.event_id, e.actor_id, t.id, p.id, jsonb_build_object('decision', e.decision)
       from jsonb_to_recordset(?::jsonb) as e(event_id bigint, item_id int, actor_id int, decision text)
       join flags f on f.review_item_id = e.item_id and f.status in ('AGREED', 'DISAGREED', 'IGNORED')
       join posts p on p.id = f.post_id
       join threads t on t.id = p.thread_id
       join categories c on c.id = t.category_id
       join members m on m.id = f.flagger_id
      where m.id is distinct from e.actor_id and ${memberReadsThreadSql('m', 't', 'c')}
     on conflict do nothing`,
    [JSON.stringify(decided)],
  );
}
