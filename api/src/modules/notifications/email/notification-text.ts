import type { NotificationKind } from '../notification-kinds.js';

/** What a kind of email is about, as "Stop emails about …" and the unsubscribe page say it. */
export const KIND_LABELS: Record<NotificationKind, string> = {
  REPLY: 'replies to your questions',
  FOLLOWED_REPLY: 'replies in threads you follow',
  NEW_THREAD: 'new questions in categories you follow',
  MENTION: 'mentions of you',
  ANSWER_ACCEPTED: 'your answers being accepted',
  STAFF_PICKED: 'your answers picked by staff',
  ARTICLE_FROM_ANSWER: 'articles made from your answers',
  BADGE_AWARDED: 'badges you earn',
  LEVEL_REACHED: 'levels you reach',
  POST_MODERATED: 'moderation of your posts',
  FLAG_RESOLVED: 'the outcome of your flags',
  SANCTION: 'restrictions on your account',
};

/** A notification as an email shows it. */
export interface EmailedNotification {
  id: string;
  kind: NotificationKind;
  threadId: number | null;
  postId: number | null;
  threadTitle: string | null;
  actorHandle: string | null;
  data: Record<string, unknown>;
}

const quoted = (title: string | null) => (title ? `“${title}”` : 'a thread');
const named = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);

/** One line saying what happened, e.g. `@ann replied to your question “Printer offline”`. */
export function describeNotification(n: EmailedNotification): string {
  const who = n.actorHandle ? `@${n.actorHandle}` : 'Someone';
  const title = quoted(n.threadTitle);
  switch (n.kind) {
    case 'REPLY':
      return `${who} replied to your question ${title}`;
    case 'FOLLOWED_REPLY':
      return `${who} replied in ${title}, a thread you follow`;
    case 'NEW_THREAD':
      return `${who} asked ${title}`;
    case 'MENTION':
      return `${who} mentioned you in ${title}`;
    case 'ANSWER_ACCEPTED':
      return `Your answer in ${title} was accepted`;
    case 'STAFF_PICKED':
      return `Your answer in ${title} was picked by staff`;
    case 'ARTICLE_FROM_ANSWER':
      return `An article was made from your answer in ${title}`;
    case 'BADGE_AWARDED': {
      const badge = named(n.data.badgeName) ?? named(n.data.badge);
      return badge ? `You earned the ${badge} badge` : 'You earned a badge';
    }
    case 'LEVEL_REACHED': {
      const level = named(n.data.levelName) ?? named(n.data.level);
      return level ? `You reached the level ${level}` : 'You reached a new level';
    }
    case 'POST_MODERATED':
      return `A moderator acted on your post in ${title}`;
    case 'FLAG_RESOLVED':
      return 'A flag you raised was resolved';
    case 'SANCTION':
      return 'A moderator restricted your account';
  }
}

/** Where the notification leads: the post in its thread, the thread, or the notifications page. */
export function notificationPath(n: Pick<EmailedNotification, 'kind' | 'threadId' | 'postId'>): string {
  if (n.threadId && n.postId) return `/t/${n.threadId}#post-${n.postId}`;
  if (n.threadId) return `/t/${n.threadId}`;
  if (n.kind === 'BADGE_AWARDED') return '/badges';
  return '/notifications';
}
