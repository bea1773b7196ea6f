import type { EventName } from '../../platform/events/events.js';
import '../accounts/accounts.events.js';
import '../community/community.events.js';
import '../knowledge/knowledge.events.js';
import type { SearchRef } from './search-index.js';

/**
 * What an event asks an index to look at again: single documents, and threads whose replies
 * change with them (`threads`: a question's title or tags, a thread deleted or restored, a
 * solution accepted: replies carry the thread's title, tags and solved).
 */
export interface SearchTargets {
  refs: SearchRef[];
  threads: number[];
}

/** The events that change what search finds. */
export const SEARCH_EVENTS = [
  'thread.created',
  'post.created',
  'post.edited',
  'post.deleted',
  'post.removed',
  'post.restored',
  'post.hidden',
  'post.unhidden',
  'answer.accepted',
  'answer.unaccepted',
  'thread.status_changed',
  'thread.moved',
  'thread.merged',
  'member.registered',
  'member.approved',
  'article.created',
  'article.updated',
  'article.submitted',
  'article.published',
  'article.archived',
  'article.flagged',
  'article.verified',
] as const satisfies readonly EventName[];

/**
 * Maps events to what to sync, without reading anything (both engines' subscribers use it;
 * `threadsWithReplies` expands `threads` in SQL). Documents are read afresh when synced, so
 * an event only has to name what may have changed, never how.
 */
export function searchTargets(events: readonly { name: EventName; data: unknown }[]): SearchTargets {
  const refs: SearchRef[] = [];
  const threads: number[] = [];
  for (const event of events) {
    const data = event.data as Record<string, unknown>;
    const threadId = data.threadId as number;
    const postId = data.postId as number;
    switch (event.name) {
      case 'thread.created':
        refs.push({ kind: 'THREAD', id: threadId });
        break;
      case 'post.created':
        refs.push({ kind: 'POST', id: postId });
        break;
      case 'post.edited': {
        const changed = data.changed as string[];
        if (!data.isQuestion) refs.push({ kind: 'POST', id: postId });
        else if (changed.includes('title') || changed.includes('tags')) threads.push(threadId);
        else refs.push({ kind: 'THREAD', id: threadId });
        break;
      }
      case 'post.deleted':
      case 'post.removed':
      case 'post.restored':
      case 'post.hidden':
      case 'post.unhidden':
        // A question stands for its thread; a deleted solution unsolves the thread.
        if (data.isQuestion || data.wasAccepted) threads.push(threadId);
        else refs.push({ kind: 'POST', id: postId });
        break;
      case 'answer.accepted':
      case 'answer.unaccepted':
      case 'thread.status_changed':
      case 'thread.moved':
        threads.push(threadId);
        break;
      case 'thread.merged':
        // The duplicate's replies now belong to the target (its title, tags, category).
        threads.push(threadId, data.intoThreadId as number);
        break;
      case 'article.created':
      case 'article.updated':
      case 'article.submitted':
      case 'article.published':
      case 'article.archived':
      case 'article.flagged':
      case 'article.verified':
        refs.push({ kind: 'ARTICLE', id: data.articleId as number });
        break;
      case 'member.registered':
      case 'member.approved':
        refs.push({ kind: 'MEMBER', id: data.memberId as number });
        break;
    }
  }
  return { refs, threads: [...new Set(threads)] };
}
