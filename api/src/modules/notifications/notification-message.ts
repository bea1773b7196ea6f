import type { NotificationKind } from './notification-kinds.js';

/** What a listed notification row holds for its sentence. */
export interface MessageParts {
  kind: NotificationKind;
  actor: string | null;
  threadTitle: string | null;
  threadId: number | null;
  postId: number | null;
  data: Record<string, unknown>;
}

const quote = (title: string | null) => `“${title ?? 'a thread'}”`;

const MODERATED: Record<string, string> = {
  HIDDEN: 'was hidden pending review',
  UNHIDDEN: 'is visible again',
  REMOVED: 'was removed',
  RESTORED: 'was restored',
};

const SANCTIONED: Record<string, string> = {
  SILENCED: 'You have been silenced',
  SUSPENDED: 'You have been suspended',
};

/** The sentence a notification reads as (plain text: the web app escapes it). */
export function notificationMessage(n: MessageParts): string {
  const who = n.actor ?? 'Someone';
  const title = quote(n.threadTitle);
  const d = n.data;
  switch (n.kind) {
    case 'REPLY':
      return `${who} answered your question ${title}`;
    case 'FOLLOWED_REPLY':
      return `${who} replied in ${title}`;
    case 'NEW_THREAD':
      return `${who} asked ${title}`;
    case 'MENTION':
      return `${who} mentioned you in ${title}`;
    case 'ANSWER_ACCEPTED':
      return `${who} accepted your answer to ${title}`;
    case 'STAFF_PICKED':
      return `Staff picked your answer to ${title}`;
    case 'ARTICLE_FROM_ANSWER':
      return `Your answer to ${title} became the article “${String(d.title ?? '')}”`;
    case 'BADGE_AWARDED':
      return `You earned the badge “${String(d.name ?? d.badge)}”`;
    case 'LEVEL_REACHED':
      return `You reached the level ${String(d.level)}`;
    case 'POST_MODERATED': {
      const reason = d.reason ? `: ${String(d.reason)}` : '';
      return `Your post in ${title} ${MODERATED[String(d.action)] ?? 'was moderated'}${reason}`;
    }
    case 'FLAG_RESOLVED':
      if (d.decision === 'AGREE') return `Moderators agreed with your flag on a post in ${title}`;
      if (d.decision === 'IGNORE') return `Moderators reviewed your flag on a post in ${title} and took no action`;
      return `Moderators reviewed your flag on a post in ${title} and left the post up`;
    case 'QUESTION_ROUTED': {
      const reason = d.reason ? `. ${String(d.reason)}` : '';
      return `A question you may be able to answer: ${title}${reason}`;
    }
    case 'SANCTION': {
      const kind = d.sanction === 'SUSPEND' ? 'suspension' : 'silence';
      if (d.change === 'LIFTED') return `Staff lifted your ${kind}`;
      if (d.change === 'EXPIRED') return `Your ${kind} has ended`;
      const until = d.until ? ` until ${new Date(String(d.until)).toUTCString()}` : '';
      return `${SANCTIONED[String(d.change)] ?? 'You were sanctioned'}${until}: ${String(d.reason)}`;
    }
    case 'WEBHOOK_DISABLED':
      return `The webhook endpoint ${String(d.url)} was disabled: ${String(d.reason)}`;
  }
}

/** Where a notification leads in the web app. */
export function notificationPath(n: MessageParts): string {
  if (n.kind === 'ARTICLE_FROM_ANSWER' && n.data.articleId) return `/kb/${String(n.data.articleId)}`;
  if (n.kind === 'BADGE_AWARDED' && !n.threadId) return '/badges';
  if (n.kind === 'WEBHOOK_DISABLED') return `/admin/webhooks/${String(n.data.endpointId)}`;
  if (n.kind === 'LEVEL_REACHED' || n.kind === 'SANCTION') return '/notifications';
  if (n.kind === 'QUESTION_ROUTED' && n.threadId) return `/t/${n.threadId}`;
  if (n.threadId) return n.postId ? `/t/${n.threadId}#post-${n.postId}` : `/t/${n.threadId}`;
  return '/notifications';
}
