import { z } from 'zod';
import type { FieldErrors } from '../../../platform/errors.js';

export const RULE_CUES = ['FRUSTRATION', 'URGENCY', 'CONFUSION', 'CHURN_RISK'] as const;
export type RuleCue = (typeof RULE_CUES)[number];

const list = (item: z.ZodString, max: number, what: string) =>
  z
    .array(item)
    .max(max, `At most ${max} ${what}.`)
    .transform((xs) => [...new Set(xs)]);

/**
 * A routing rule as an admin writes it (GraphQL input), checked and normalised: names trimmed,
 * lists deduplicated, tags lower-cased. Conditions are each optional (all given must hold);
 * at least one action. The database checks the same bounds.
 */
export const ruleInputSchema = z
  .object({
    name: z.string().trim().min(1, 'Give the rule a name.').max(100, 'The name can be at most 100 characters.'),
    enabled: z.boolean().default(true),
    categoryIds: z.array(z.number().int().positive()).max(50, 'At most 50 categories.').default([]),
    tags: list(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^[a-z0-9+#.-]{1,30}$/, 'A tag is 1 to 30 letters, digits or + # . -'),
      20,
      'tags',
    ).default([]),
    segments: list(z.string().trim().min(1, 'A segment cannot be empty.').max(100), 20, 'segments').default([]),
    sentimentNegative: z.boolean().default(false),
    sentimentScoreAtMost: z
      .number()
      .int()
      .min(-1000, 'The score is between -1000 and 1000.')
      .max(1000, 'The score is between -1000 and 1000.')
      .nullable()
      .default(null),
    sentimentCues: z.array(z.enum(RULE_CUES)).default([]),
    notifyHandles: list(z.string().trim().min(1), 20, 'members to notify').default([]),
    notifyModerators: z.boolean().default(false),
    raisePriority: z
      .number()
      .int()
      .min(0, 'Raise the priority by 0 to 100 points.')
      .max(100, 'Raise the priority by 0 to 100 points.')
      .default(0),
    escalate: z.boolean().default(false),
  })
  .strict()
  .refine((r) => r.notifyModerators || r.notifyHandles.length > 0 || r.raisePriority > 0 || r.escalate, {
    message: 'Choose at least one action: notify someone, raise the priority or escalate.',
    path: ['actions'],
  });

export type RuleInput = z.infer<typeof ruleInputSchema>;

/** A ZodError as field errors ("tags": "…"), the first message per field. */
export function ruleFieldErrors(err: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of err.issues) {
    const key = String(issue.path[0] ?? 'input');
    fields[key] ??= issue.message;
  }
  return fields;
}
