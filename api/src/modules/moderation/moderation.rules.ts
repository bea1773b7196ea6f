import { z } from 'zod';

/**
 * Moderation settings, in one object read through `services.config.moderation` (an admin area
 * will make them editable at run time; until then MODERATION_RULES, a JSON object of the keys to
 * change, overrides the defaults). Weights follow Discourse's flag score
 * (ReviewableScore.user_flag_score): 1 + the flagger's trust level (staff 5) + an accuracy bonus.
 * Here the trust level is the member's reputation level (0 for the first level, capped at
 * `maxLevel`), so an ordinary member holding the flag privilege (level 1) weighs 2 and three
 * of them reach the default threshold of 6; a staff flag hides at once.
 */
export const moderationRulesSchema = z
  .object({
    /** Summed weight of a post's open flags at which it is hidden pending review. */
    hideThreshold: z.number().min(0.01).max(1000).default(6),
    weights: z
      .object({
        /** Every flag's starting weight. */
        base: z.number().min(0).max(100).default(1),
        /** Added per reputation level above the first, up to maxLevel levels. */
        perLevel: z.number().min(0).max(100).default(1),
        maxLevel: z.number().int().min(0).max(20).default(4),
        /** What staff add instead of their level. */
        staff: z.number().min(0).max(100).default(5),
      })
      .strict()
      .default({}),
    accuracy: z
      .object({
        /** Decided flags (agreed + disagreed) a flagger needs before accuracy counts (Discourse: more than 5). */
        minDecided: z.number().int().min(1).max(1000).default(6),
        /** The share agreed at which the bonus is zero: above it positive, below it negative. */
        axis: z.number().gt(0).lt(1).default(0.7),
        /** Bonus at 100% (or penalty at 0%) per log4 of the decided flags. */
        scale: z.number().min(0).max(100).default(5),
      })
      .strict()
      .default({}),
    /** How long a reviewer's claim on an item holds. */
    claimMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(10),
    /** Longest flag note. */
    noteMaxLength: z.number().int().min(1).max(500).default(500),
  })
  .strict();

export type ModerationRules = z.infer<typeof moderationRulesSchema>;

export const DEFAULT_MODERATION_RULES: ModerationRules = moderationRulesSchema.parse({});

export function parseModerationRules(json: string): ModerationRules {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error('MODERATION_RULES: not valid JSON');
  }
  const parsed = moderationRulesSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `MODERATION_RULES: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}
