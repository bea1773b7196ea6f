/**
 * Moderation in words: flag reasons, review decisions, close reasons, and how long a wait is.
 */
export const FLAG_REASONS = [
  { value: 'SPAM', label: 'Spam', hint: 'an advertisement or links that are not about the question' },
  { value: 'ABUSIVE', label: 'Abusive', hint: 'rude, harassing or hateful' },
  { value: 'OFF_TOPIC', label: 'Off-topic', hint: 'not about this community' },
  { value: 'PERSONAL_DATA', label: 'Personal data', hint: 'someone’s email, phone, address or account details' },
  { value: 'OTHER', label: 'Other', hint: 'say what is wrong in the note' },
] as const;

export const flagReasonLabel = (reason: string) => FLAG_REASONS.find((r) => r.value === reason)?.label ?? reason;

export const CLOSE_REASONS = [
  { value: 'DUPLICATE', label: 'Duplicate of another thread' },
  { value: 'OFF_TOPIC', label: 'Off-topic' },
  { value: 'RESOLVED', label: 'Resolved' },
  { value: 'OTHER', label: 'Other' },
] as const;

export const CLOSE_REASON_TEXT: Record<string, string> = {
  DUPLICATE: 'as a duplicate',
  OFF_TOPIC: 'as off-topic',
  RESOLVED: 'as resolved',
  OTHER: '',
};

export const REVIEW_DECISIONS = [
  { value: 'AGREE', label: 'Agree', hint: 'hide it (staff remove spam and abuse)' },
  { value: 'DISAGREE', label: 'Disagree', hint: 'show it again' },
  { value: 'IGNORE', label: 'Ignore', hint: 'close the item, leave the post' },
  { value: 'ESCALATE', label: 'Escalate', hint: 'hand it to staff' },
] as const;

/** A held sign-up's decisions, in the words staff use for sign-ups (no escalation: staff decide). */
export const SIGNUP_DECISIONS = [
  { value: 'AGREE', label: 'Approve', hint: 'the member can log in' },
  { value: 'DISAGREE', label: 'Reject', hint: 'suspend the account until staff lift it; the reason is shown to them' },
  { value: 'IGNORE', label: 'Leave held', hint: 'close the item; the sign-up stays held' },
] as const;

/** An article report's decisions. */
export const ARTICLE_REPORT_DECISIONS = [
  { value: 'AGREE', label: 'Agree', hint: 'mark the article for revision' },
  { value: 'DISAGREE', label: 'Disagree', hint: 'close the report, the article is fine' },
  { value: 'IGNORE', label: 'Ignore', hint: 'close the report' },
  { value: 'ESCALATE', label: 'Escalate', hint: 'hand it to staff' },
] as const;

export const decisionsFor = (kind: string) =>
  kind === 'HELD_SIGNUP' ? SIGNUP_DECISIONS : kind === 'ARTICLE_REPORT' ? ARTICLE_REPORT_DECISIONS : REVIEW_DECISIONS;

export const REVIEW_KIND_TEXT: Record<string, string> = {
  FLAGGED_POST: 'Flagged',
  HIDDEN_POST: 'Hidden by flags',
  EDITED_AFTER_HIDE: 'Edited while hidden',
  HELD_SIGNUP: 'Held sign-up',
  ARTICLE_REPORT: 'Article reported',
};

export const ARTICLE_REPORT_REASONS = [
  { value: 'OUTDATED', label: 'Outdated', hint: 'the product or its settings changed since' },
  { value: 'INCORRECT', label: 'Incorrect', hint: 'the solution does not work or is wrong' },
  { value: 'SPAM', label: 'Spam', hint: 'an advertisement or unrelated links' },
  { value: 'OTHER', label: 'Other', hint: 'say what is wrong in the note' },
] as const;

export const articleReportReasonLabel = (reason: string) =>
  ARTICLE_REPORT_REASONS.find((r) => r.value === reason)?.label ?? reason;

/**
 * A number of seconds as people say it: "under a minute", "about 40 minutes", "about 3 hours",
 * "about 2 days". Rounded, since a projection is no more precise than that.
 */
export function durationInWords(seconds: number): string {
  if (seconds < 60) return 'under a minute';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(seconds / 3600);
  if (hours < 48) return `about ${hours} hour${hours === 1 ? '' : 's'}`;
  const days = Math.round(seconds / 86400);
  return `about ${days} days`;
}

/**
 * "Actor pasts": the audit log's kinds as a sentence fragment after the moderator's handle. Kinds
 * not named here read as their event name.
 */
export const AUDIT_KINDS: Record<string, string> = {
  'post.hidden': 'hid a post',
  'post.unhidden': 'showed a hidden post again',
  'post.removed': 'removed a post',
  'post.restored': 'restored a post',
  'post.edited': 'edited a post',
  'post.deleted': 'deleted a post',
  'post.staff_picked': 'staff-picked an answer',
  'post.staff_pick_withdrawn': 'withdrew a staff pick',
  'review.resolved': 'decided a review item',
  'thread.status_changed': 'changed a thread’s status',
  'thread.moved': 'moved a thread',
  'thread.merged': 'merged a thread',
  'thread.pinned': 'pinned a thread',
  'thread.unpinned': 'unpinned a thread',
  'member.silenced': 'silenced a member',
  'member.suspended': 'suspended a member',
  'member.sanction_lifted': 'lifted a sanction',
  'member.sanction_expired': 'sanction ran out',
  'member.staff_note_added': 'added a staff note',
  'member.staff_note_deleted': 'deleted a staff note',
  'advocate.granted': 'made a member an advocate',
  'advocate.revoked': 'revoked an advocate',
  'reputation.adjusted': 'adjusted reputation',
  'category.created': 'created a category',
  'category.changed': 'changed a category',
  'categories.reordered': 'reordered the categories',
  'member.role_changed': 'changed a member’s role',
  'settings.changed': 'changed site settings',
  'service_token.created': 'created a service token',
  'service_token.rotated': 'rotated a service token',
  'service_token.revoked': 'revoked a service token',
};

/** When the queue would be clear at the last 7 days' rate, as the capacity view says it. */
export function projectionInWords(open: number, projectedClearSeconds: number | null | undefined): string {
  if (open === 0) return 'nothing waits';
  if (projectedClearSeconds == null) return 'no pace yet: nothing decided this week';
  return `${durationInWords(projectedClearSeconds)} at this week’s pace`;
}

/** An account's age from seconds: "3 days old", "2 years old". */
export function accountAgeInWords(seconds: number): string {
  const days = Math.floor(seconds / 86400);
  if (days < 1) return 'new today';
  if (days < 60) return `${days} day${days === 1 ? '' : 's'} old`;
  if (days < 730) return `${Math.floor(days / 30)} months old`;
  return `${Math.floor(days / 365)} years old`;
}
