import { z } from 'zod';
import type { SettingFieldSpec } from '../../platform/settings-store.js';

/**
 * Routing settings, read through `settings.routing`: ROUTING_RULES (a JSON object of the keys to
 * change) sets the startup values, and admins change them at run time (/admin/settings).
 * `perThread` 0 turns routing off.
 */
export const routingRulesSchema = z
  .object({
    /** Members asked per new question (N); 0 turns routing off. */
    perThread: z.number().int().min(0).max(20).default(3),
    /** Routed questions one member receives per day at most (K). */
    dailyCap: z.number().int().min(1).max(100).default(3),
    /** Accepted answers counted: those of the last windowDays days. */
    windowDays: z.number().int().min(1).max(730).default(90),
    /** A candidate must have posted in the last activeDays days. */
    activeDays: z.number().int().min(1).max(365).default(14),
    /** An accepted answer weighs half as much after this many days. */
    halfLifeDays: z.number().min(1).max(730).default(30),
    /** Weight of each of the question's tags an accepted answer's thread shares. */
    tagWeight: z.number().min(0).max(100).default(2),
    /** Weight of an accepted answer in the question's category. */
    categoryWeight: z.number().min(0).max(100).default(1),
  })
  .strict();

export type RoutingRules = z.infer<typeof routingRulesSchema>;

export const routingSettingFields: readonly SettingFieldSpec[] = [
  {
    path: 'perThread',
    label: 'Members asked per question',
    help: 'Members notified of a new question; 0 turns routing off.',
  },
  {
    path: 'dailyCap',
    label: 'Routed questions per member per day',
    help: 'Most routed questions one member receives in 24 hours.',
  },
  {
    path: 'windowDays',
    label: 'Answers counted (days)',
    help: 'Accepted answers of this many past days make a member a candidate.',
  },
  { path: 'activeDays', label: 'Active within (days)', help: 'A candidate must have posted within this many days.' },
  {
    path: 'halfLifeDays',
    label: 'Half-life of an answer (days)',
    help: 'An accepted answer counts half as much after this many days.',
  },
  {
    path: 'tagWeight',
    label: 'Weight per shared tag',
    help: "What each of the question's tags on an answered thread adds.",
  },
  {
    path: 'categoryWeight',
    label: 'Weight of the same category',
    help: "What an accepted answer in the question's category adds.",
  },
];

export const DEFAULT_ROUTING_RULES: RoutingRules = routingRulesSchema.parse({});

export function parseRoutingRules(json: string): RoutingRules {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error('ROUTING_RULES: not valid JSON');
  }
  const parsed = routingRulesSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `ROUTING_RULES: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}
