import type { MessageParts } from '../notification-message.js';
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
  QUESTION_ROUTED: 'questions you may be able to answer',
  WEBHOOK_DISABLED: 'webhook endpoints disabled (administrators)',
};

/** A notification as an email shows it: the same parts, and so the same sentence and link, as in the app. */
export interface EmailedNotification extends MessageParts {
  id: string;
}
