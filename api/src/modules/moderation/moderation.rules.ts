import { z } from 'zod';
import type { SettingFieldSpec } from '../../platform/settings-store.js';

/**
 * Moderation settings, read through `scope.settings.moderation`: MODERATION_RULES (a JSON object
 * of the keys to change) sets the startup values, and admins change them at run time. Weights follow Discourse's flag score
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

/** Every moderation rule is editable at run time. */
export const moderationSettingFields: readonly SettingFieldSpec[] = [
  {
    path: 'hideThreshold',
    label: 'Hide threshold',
    help: "Summed weight of a post's open flags at which it is hidden pending review.",
  },
  { path: 'weights.base', label: 'Flag weight: base', help: "Every flag's starting weight." },
  { path: 'weights.perLevel', label: 'Flag weight: per level', help: 'Added per reputation level above the first.' },
  { path: 'weights.maxLevel', label: 'Flag weight: levels counted', help: 'Most levels that add weight.' },
  { path: 'weights.staff', label: 'Flag weight: staff', help: 'What staff add instead of their level.' },
  {
    path: 'accuracy.minDecided',
    label: 'Accuracy: decided flags needed',
    help: 'Decided flags a flagger needs before accuracy counts.',
  },
  {
    path: 'accuracy.axis',
    label: 'Accuracy: neutral share',
    help: 'Share of flags agreed at which accuracy adds nothing (0–1).',
  },
  {
    path: 'accuracy.scale',
    label: 'Accuracy: scale',
    help: 'Bonus at 100% agreed (penalty at 0%) per log4 of decided flags.',
  },
  { path: 'claimMinutes', label: 'Claim minutes', help: "How long a reviewer's claim on an item holds." },
  { path: 'noteMaxLength', label: 'Longest flag note', help: 'Characters a flag note may have.' },
];

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
