/**
 * How the staff activity log shows a domain event: who did it, what in words, and where to
 * look. The log itself comes from the API's `events` query (the audit trail).
 */
export interface ActivityEvent {
  name: string;
  subject: string;
  actorType: string;
  actorLabel: string | null;
  actor: { handle: string } | null;
  data: Record<string, unknown>;
}

/** Every kind the API records, as the filter offers them, with how a line reads. */
export const ACTIVITY_KINDS: Record<string, string> = {
  'thread.created': 'asked a question',
  'post.created': 'replied',
  'post.edited': 'edited a post',
  'post.deleted': 'deleted a post',
  'post.removed': 'removed a post',
  'post.restored': 'restored a post',
  'post.voted': 'voted',
  'answer.accepted': 'accepted an answer',
  'answer.unaccepted': 'withdrew an accepted answer',
  'post.staff_picked': 'staff-picked an answer',
  'post.staff_pick_withdrawn': 'withdrew a staff pick',
  'thread.status_changed': 'changed a thread’s status',
  'category.created': 'created a category',
  'category.changed': 'changed a category',
  'tags.created': 'created tags',
  'member.registered': 'signed up',
  'member.approved': 'approved a sign-up',
  'member.email_verified': 'verified their email address',
  'advocate.granted': 'made a member an advocate',
  'advocate.revoked': 'revoked an advocate',
  'reputation.adjusted': 'adjusted reputation',
  'reputation.serial_voting_reversed': 'reversed serial votes',
  'badge.awarded': 'awarded a badge',
};

/** `kind:id` as the filter accepts it. */
export const SUBJECT_PATTERN = /^[a-z_]+:[0-9]{1,18}$/;

export function actorName(e: Pick<ActivityEvent, 'actorType' | 'actorLabel' | 'actor'>): string {
  if (e.actor) return `@${e.actor.handle}`;
  if (e.actorType === 'system') return `System${e.actorLabel ? ` (${e.actorLabel})` : ''}`;
  return e.actorLabel ?? e.actorType;
}

const VOTES: Record<number, string> = { 1: 'upvoted a post', [-1]: 'downvoted a post', 0: 'took back a vote' };

/** What happened, in words ("changed a thread from ANSWERED to LOCKED"). */
export function describeEvent(e: Pick<ActivityEvent, 'name' | 'data'>): string {
  const d = e.data;
  switch (e.name) {
    case 'post.voted':
      return VOTES[Number(d.value)] ?? 'voted';
    case 'post.removed':
      return `removed a post as ${String(d.reason).toLowerCase().replace('_', '-')}`;
    case 'thread.status_changed':
      return `changed a thread from ${String(d.from)} to ${String(d.to)}`;
    case 'badge.awarded':
      return `awarded the ${String(d.badge)} badge`;
    case 'reputation.adjusted': {
      const points = Number(d.points);
      return `adjusted reputation by ${points > 0 ? '+' : ''}${points}: ${String(d.reason)}`;
    }
    case 'post.edited':
      return `edited a post (${(d.changed as string[] | undefined)?.join(', ') || 'no change'})`;
    case 'tags.created':
      return `created tags ${(d.tags as string[] | undefined)?.join(', ') ?? ''}`.trim();
    default:
      return ACTIVITY_KINDS[e.name] ?? e.name;
  }
}

/** Where the event happened, when it is a thread or a post in one. */
export function eventLink(e: Pick<ActivityEvent, 'subject' | 'data'>): string | null {
  const [kind, id] = e.subject.split(':');
  const threadId = kind === 'thread' ? id : e.data.threadId != null ? String(e.data.threadId) : null;
  if (!threadId) return null;
  const postId = kind === 'post' ? id : e.data.postId != null ? String(e.data.postId) : null;
  return `/t/${threadId}${postId ? `#post-${postId}` : ''}`;
}
