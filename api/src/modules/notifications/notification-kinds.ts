/**
 * What a member can be notified of (the `notifications.kind` check in the migration lists the
 * same names), and how each goes out by email unless the member chose otherwise. In-app
 * notifications always show; email is IMMEDIATELY (within the email sweep's minute), in the
 * DAILY_DIGEST, or NEVER. What concerns the member's own question, words or standing is sent at
 * once; the rest waits for the digest, so following a busy thread never floods an inbox.
 */
export const NOTIFICATION_KINDS = [
  'REPLY',
  'FOLLOWED_REPLY',
  'NEW_THREAD',
  'MENTION',
  'ANSWER_ACCEPTED',
  'STAFF_PICKED',
  'ARTICLE_FROM_ANSWER',
  'BADGE_AWARDED',
  'LEVEL_REACHED',
  'POST_MODERATED',
  'FLAG_RESOLVED',
  'SANCTION',
  'QUESTION_ROUTED',
  'WEBHOOK_DISABLED',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const EMAIL_MODES = ['IMMEDIATELY', 'DAILY_DIGEST', 'NEVER'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

export const DEFAULT_EMAIL_MODE: Record<NotificationKind, EmailMode> = {
  REPLY: 'IMMEDIATELY',
  FOLLOWED_REPLY: 'DAILY_DIGEST',
  NEW_THREAD: 'DAILY_DIGEST',
  MENTION: 'IMMEDIATELY',
  ANSWER_ACCEPTED: 'IMMEDIATELY',
  STAFF_PICKED: 'DAILY_DIGEST',
  ARTICLE_FROM_ANSWER: 'DAILY_DIGEST',
  BADGE_AWARDED: 'DAILY_DIGEST',
  LEVEL_REACHED: 'DAILY_DIGEST',
  POST_MODERATED: 'IMMEDIATELY',
  FLAG_RESOLVED: 'NEVER',
  SANCTION: 'IMMEDIATELY',
  QUESTION_ROUTED: 'IMMEDIATELY',
  // Administrators only: integrations stopped receiving events until someone acts.
  WEBHOOK_DISABLED: 'IMMEDIATELY',
};

/**
 * Kinds a member may turn off entirely (not even shown in the app): an invitation to answer is
 * optional; what concerns the member's own posts and standing is not. The
 * `notification_preferences_optional_off` check in the migration holds the same list.
 */
export const OPTIONAL_KINDS: readonly NotificationKind[] = ['QUESTION_ROUTED'];

/** Kinds only administrators are sent, so only they are offered a choice about them. */
export const ADMIN_KINDS: readonly NotificationKind[] = ['WEBHOOK_DISABLED'];

export const isNotificationKind = (value: string): value is NotificationKind =>
  (NOTIFICATION_KINDS as readonly string[]).includes(value);
