import { z } from 'zod';
import { RateLimitedError } from './errors.js';
import type { SettingFieldSpec } from './settings-store.js';

const seconds = (fallback: number) => z.number().int().min(0).max(86_400).default(fallback);
const count = (fallback: number) => z.number().int().min(0).max(1_000_000).default(fallback);

/**
 * Abuse limits (SECURITY.md "Posting and voting", Discourse and Stack Overflow numbers), set with
 * ABUSE_LIMITS, a JSON object of the keys to change. 0 turns a limit off. Staff are exempt from
 * all of them; "new members" are those the reputation rules call new (under the upvote
 * privilege and younger than `newMembers.trustedAfterDays`).
 */
export const abuseLimitsSchema = z
  .object({
    /** Least time between two posts (questions or replies) of one member. */
    postIntervalSeconds: seconds(5),
    newMemberPostIntervalSeconds: seconds(30),
    /** Least time between two threads of one member. */
    threadIntervalSeconds: seconds(15),
    newMemberThreadIntervalSeconds: seconds(120),
    /** The same body (ignoring case, whitespace and invisible characters) again is refused this long. */
    identicalPostSeconds: seconds(300),
    /** Threads one member may start in any 24 hours (new members: 3 on their first day, a reputation rule). */
    threadsPerDay: count(20),
    /** Replies a new member may post in their first 24 hours. */
    firstDayReplies: count(10),
    /** Votes cast or changed per UTC day (retracting one is free, and gives none back). */
    votesPerDay: count(40),
    /** Flags one member may raise in any 24 hours. */
    flagsPerDay: count(20),
    /** Edits (of anyone's posts) in any 24 hours. */
    editsPerDay: count(30),
    /** Sign-ups from one network (IPv4 address or IPv6 /64) in any 24 hours; more wait for staff approval. */
    signupsPerNetworkPerDay: count(3),
    /** Composer previews and tag/handle suggestions per minute of one member (visitors: one address). */
    composerRequestsPerMinute: count(120),
    /** Avatar uploads one member may make in any hour (each one is decoded and re-encoded). */
    avatarUploadsPerHour: count(10),
    /** Verification emails one member may ask for again in any hour (the button must not flood an inbox). */
    verificationEmailsPerHour: count(3),
  })
  .strict();

export type AbuseLimits = z.infer<typeof abuseLimitsSchema>;

/** Every abuse limit is editable at run time. */
export const abuseLimitFields: readonly SettingFieldSpec[] = [
  { path: 'postIntervalSeconds', label: 'Seconds between posts', help: 'Least time between two posts of one member.' },
  {
    path: 'newMemberPostIntervalSeconds',
    label: 'Seconds between posts (new members)',
    help: 'The same for new members.',
  },
  {
    path: 'threadIntervalSeconds',
    label: 'Seconds between threads',
    help: 'Least time between two threads of one member.',
  },
  {
    path: 'newMemberThreadIntervalSeconds',
    label: 'Seconds between threads (new members)',
    help: 'The same for new members.',
  },
  {
    path: 'identicalPostSeconds',
    label: 'Identical post refused for (seconds)',
    help: 'The same body again is refused this long.',
  },
  { path: 'threadsPerDay', label: 'Threads per day', help: 'Threads one member may start in any 24 hours.' },
  {
    path: 'firstDayReplies',
    label: 'Replies on the first day',
    help: 'Replies a new member may post in their first 24 hours.',
  },
  { path: 'votesPerDay', label: 'Votes per day', help: 'Votes cast or changed per UTC day.' },
  { path: 'flagsPerDay', label: 'Flags per day', help: 'Flags one member may raise in any 24 hours.' },
  { path: 'editsPerDay', label: 'Edits per day', help: "Edits of anyone's posts in any 24 hours." },
  {
    path: 'signupsPerNetworkPerDay',
    label: 'Sign-ups per network per day',
    help: 'More from one network wait for staff approval.',
  },
  {
    path: 'composerRequestsPerMinute',
    label: 'Composer requests per minute',
    help: 'Previews and tag or handle suggestions one member may ask for in a minute.',
  },
  { path: 'avatarUploadsPerHour', label: 'Avatar uploads per hour', help: 'Uploads one member may make in an hour.' },
  {
    path: 'verificationEmailsPerHour',
    label: 'Verification emails per hour',
    help: 'Times one member may ask for another verification email in an hour.',
  },
];

/** Every limit off: for tests that are not about limits, and for seeding through the commands. */
export const NO_ABUSE_LIMITS: AbuseLimits = Object.freeze(
  Object.fromEntries(Object.keys(abuseLimitsSchema.shape).map((k) => [k, 0])) as AbuseLimits,
);

export function parseAbuseLimits(json: string): AbuseLimits {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error('ABUSE_LIMITS: not valid JSON');
  }
  const parsed = abuseLimitsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `ABUSE_LIMITS: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

/** "4 seconds", "3 minutes", "5 hours": a wait as a person would say it (rounded up). */
export function describeWait(totalSeconds: number): string {
  const s = Math.max(1, Math.ceil(totalSeconds));
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (s < 90) return unit(s, 'second');
  if (s < 90 * 60) return unit(Math.ceil(s / 60), 'minute');
  return unit(Math.ceil(s / 3600), 'hour');
}

/** A refusal: RATE_LIMITED (HTTP 429) with Retry-After in whole seconds, at least 1. */
export function limited(message: string, retryAfterSeconds: number): RateLimitedError {
  return new RateLimitedError(message, Math.max(1, Math.ceil(retryAfterSeconds)));
}
