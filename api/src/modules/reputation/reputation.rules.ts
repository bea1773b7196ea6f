import { z } from 'zod';
import type { SettingFieldSpec } from '../../platform/settings-store.js';

/**
 * Reputation rules (PRODUCT.md capability 2). Defaults after Stack Overflow; any of them can be
 * overridden with REPUTATION_RULES, a JSON object of the keys to change.
 */
export const reputationRulesSchema = z
  .object({
    questionUpvoted: z.number().int().min(0).default(5),
    answerUpvoted: z.number().int().min(0).default(10),
    downvoteReceived: z.number().int().max(0).default(-2),
    /** What the voter pays for downvoting an answer (questions are free to downvote). */
    downvoteCastOnAnswer: z.number().int().max(0).default(-1),
    answerAccepted: z.number().int().min(0).default(15),
    /** The asker's reward for accepting someone else's answer. */
    acceptedAnAnswer: z.number().int().min(0).default(2),
    /** Staff picked the member's answer (exempt from the vote cap). */
    staffPick: z.number().int().min(0).default(25),
    /** The member's answer became a published knowledge article (exempt from the vote cap). */
    articlePromoted: z.number().int().min(0).default(50),
    /** A moderator removed the member's post as spam or abuse (reversed if it is restored). */
    postRemovedAsSpamOrAbuse: z.number().int().max(0).default(-100),
    /** Most a member can earn from votes in one UTC day; accepts and staff picks are exempt. */
    dailyVoteCap: z.number().int().min(0).default(200),
    /** Reputation each privilege needs (staff hold them all). */
    privileges: z
      .object({
        upvote: z.number().int().min(0).default(15),
        flag: z.number().int().min(0).default(15),
        downvote: z.number().int().min(0).default(125),
        createTags: z.number().int().min(0).default(300),
        reviewQueue: z.number().int().min(0).default(2000),
        editOthers: z.number().int().min(0).default(2000),
        closeReopen: z.number().int().min(0).default(3000),
      })
      .strict()
      .default({}),
    /** Members below the upvote privilege and younger than trustedAfterDays are new (Discourse's TL0). */
    newMembers: z
      .object({
        trustedAfterDays: z.number().min(0).default(3),
        maxLinksPerPost: z.number().int().min(0).default(2),
        maxMentionsPerPost: z.number().int().min(0).default(2),
        maxThreadsFirstDay: z.number().int().min(0).default(3),
      })
      .strict()
      .default({}),
    /** More votes than this from one voter for one member within 24 hours are reversed. */
    serialVoting: z
      .object({
        maxVotesPerDay: z.number().int().min(1).default(10),
        /** When the detection job runs (cron, UTC). */
        cron: z.string().min(9).default('*/15 * * * *'),
      })
      .strict()
      .default({}),
    levels: z
      .array(z.object({ name: z.string().min(1), min: z.number().int().min(0) }))
      .min(1)
      .refine((ls) => ls[0]!.min === 0 && ls.every((l, i) => i === 0 || l.min > ls[i - 1]!.min), {
        message: 'levels must start at 0 and rise strictly',
      })
      .default([
        { name: 'Newcomer', min: 0 },
        { name: 'Member', min: 10 },
        { name: 'Contributor', min: 100 },
        { name: 'Regular', min: 500 },
        { name: 'Expert', min: 2000 },
        { name: 'Guru', min: 10000 },
      ]),
  })
  .strict();

export type ReputationRules = z.infer<typeof reputationRulesSchema>;

/** What admins may change at run time (level names and the serial-voting schedule are startup-only). */
export const reputationSettingFields: readonly SettingFieldSpec[] = [
  { path: 'questionUpvoted', label: 'Question upvoted', help: 'Points the asker gets for each upvote on a question.' },
  { path: 'answerUpvoted', label: 'Answer upvoted', help: 'Points the author gets for each upvote on an answer.' },
  {
    path: 'downvoteReceived',
    label: 'Downvote received',
    help: "Points (negative) a post's author gets per downvote.",
  },
  {
    path: 'downvoteCastOnAnswer',
    label: 'Downvoting an answer',
    help: 'What the voter pays (negative) to downvote an answer.',
  },
  {
    path: 'answerAccepted',
    label: 'Answer accepted',
    help: 'Points the answerer gets when the asker accepts the answer.',
  },
  {
    path: 'acceptedAnAnswer',
    label: 'Accepting an answer',
    help: "The asker's reward for accepting someone else's answer.",
  },
  { path: 'staffPick', label: 'Staff pick', help: 'Points for an answer staff picked (not subject to the daily cap).' },
  {
    path: 'articlePromoted',
    label: 'Answer became an article',
    help: 'Points when an answer becomes a published article.',
  },
  {
    path: 'postRemovedAsSpamOrAbuse',
    label: 'Removed as spam or abuse',
    help: 'Penalty (negative) when staff remove a post as spam or abuse.',
  },
  { path: 'dailyVoteCap', label: 'Daily vote cap', help: 'Most a member can earn from votes in one UTC day.' },
  { path: 'privileges.upvote', label: 'Privilege: upvote', help: 'Reputation needed to upvote.' },
  { path: 'privileges.flag', label: 'Privilege: flag', help: 'Reputation needed to flag posts.' },
  { path: 'privileges.downvote', label: 'Privilege: downvote', help: 'Reputation needed to downvote.' },
  { path: 'privileges.createTags', label: 'Privilege: create tags', help: 'Reputation needed to create new tags.' },
  {
    path: 'privileges.reviewQueue',
    label: 'Privilege: review queue',
    help: 'Reputation needed to work the review queue.',
  },
  {
    path: 'privileges.editOthers',
    label: "Privilege: edit others' posts",
    help: "Reputation needed to edit other members' posts.",
  },
  {
    path: 'privileges.closeReopen',
    label: 'Privilege: close and reopen',
    help: 'Reputation needed to close and reopen threads.',
  },
  {
    path: 'newMembers.trustedAfterDays',
    label: 'New member for (days)',
    help: 'Members under the upvote privilege are new for this many days.',
  },
  {
    path: 'newMembers.maxLinksPerPost',
    label: 'Links per post (new members)',
    help: 'Most links a new member may put in one post.',
  },
  {
    path: 'newMembers.maxMentionsPerPost',
    label: 'Mentions per post (new members)',
    help: 'Most members a new member may @mention in one post.',
  },
  {
    path: 'newMembers.maxThreadsFirstDay',
    label: 'Threads on the first day',
    help: 'Most threads a new member may start on their first day.',
  },
  {
    path: 'serialVoting.maxVotesPerDay',
    label: 'Serial voting threshold',
    help: 'Votes from one voter for one member in 24 hours above which they are reversed.',
  },
];

export function parseReputationRules(json: string): ReputationRules {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error('REPUTATION_RULES: not valid JSON');
  }
  const parsed = reputationRulesSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `REPUTATION_RULES: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

export interface LevelProgress {
  name: string;
  min: number;
  /** Reputation at which the next level starts; null at the top. */
  next: number | null;
  /** 0–1 of the way from this level to the next (1 at the top). */
  progress: number;
}

export function levelFor(rules: ReputationRules, reputation: number): LevelProgress {
  const levels = rules.levels;
  let i = 0;
  while (i + 1 < levels.length && reputation >= levels[i + 1]!.min) i++;
  const level = levels[i]!;
  const next = levels[i + 1]?.min ?? null;
  const progress = next === null ? 1 : Math.max(0, (reputation - level.min) / (next - level.min));
  return { name: level.name, min: level.min, next, progress: Math.min(1, progress) };
}
