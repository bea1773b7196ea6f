import { z } from 'zod';

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
