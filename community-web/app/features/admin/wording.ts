/** What each kind of category means, as the admin area explains it (and who can see it). */
export const KIND_HELP: Record<string, { label: string; help: string }> = {
  QA: { label: 'Questions & answers', help: 'Everyone reads; members ask questions and accept answers.' },
  DISCUSSION: { label: 'Discussion', help: 'Everyone reads; members start open conversations.' },
  IDEAS: { label: 'Ideas', help: 'Everyone reads; members suggest and discuss ideas.' },
  ANNOUNCEMENTS: {
    label: 'Announcements',
    help: 'Everyone reads and replies; only moderators and administrators start threads.',
  },
  RESTRICTED: {
    label: 'Restricted',
    help: 'Only moderators, administrators and advocates see it, read it and post in it. Members and visitors do not see it at all.',
  },
};

export const KINDS = Object.keys(KIND_HELP);

/** A slow mode in words: "off", "1 post every 30 seconds", "1 post every 2 hours". */
export function slowModeInWords(seconds: number): string {
  if (seconds <= 0) return 'off';
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const every =
    seconds % 3600 === 0
      ? unit(seconds / 3600, 'hour')
      : seconds % 60 === 0
        ? unit(seconds / 60, 'minute')
        : unit(seconds, 'second');
  return `1 post every ${every}`;
}

/** A category's answer target: "off", "escalated after 4 hours", "escalated after 90 minutes". */
export function answerTargetInWords(minutes: number | null | undefined): string {
  if (!minutes || minutes <= 0) return 'off';
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (minutes % 1440 === 0) return `escalated after ${unit(minutes / 1440, 'day')}`;
  if (minutes % 60 === 0) return `escalated after ${unit(minutes / 60, 'hour')}`;
  return `escalated after ${unit(minutes, 'minute')}`;
}

/** Roles as the members page names them. */
export const ROLE_LABEL: Record<string, string> = {
  MEMBER: 'Member',
  MODERATOR: 'Moderator',
  ADMIN: 'Administrator',
};

/**
 * The order after moving `id` one place up or down (unchanged at either end): what the move
 * buttons send to reorderCategories, which takes the whole order.
 */
export function moved(order: string[], id: string, direction: 'up' | 'down'): string[] {
  const at = order.indexOf(id);
  const to = direction === 'up' ? at - 1 : at + 1;
  if (at < 0 || to < 0 || to >= order.length) return order;
  const next = [...order];
  [next[at], next[to]] = [next[to]!, next[at]!];
  return next;
}
