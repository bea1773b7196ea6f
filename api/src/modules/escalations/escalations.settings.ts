import { z } from 'zod';
import type { SettingFieldSpec } from '../../platform/settings-store.js';

/**
 * Escalation settings, read through `scope.settings.escalations`: ESCALATION_RULES (a JSON object
 * of the keys to change) sets the startup values, and admins change them at /admin/settings.
 * Sentiment scores are vader's compound in thousandths (-1000..1000); values in minor units.
 */
export const escalationRulesSchema = z
  .object({
    /** A post this negative or more (with an urgency or churn-risk cue) may escalate its thread. */
    negativeScoreAtMost: z.number().int().min(-1000).max(0).default(-500),
    /** …when its author is linked to a customer whose lifetime value is at least this (minor units). */
    minLifetimeValueCents: z.number().int().min(0).max(1e15).default(100_000),
    /** Priority at or above which an escalation is urgent, and high. */
    urgentPriority: z.number().int().min(1).max(1000).default(60),
    highPriority: z.number().int().min(1).max(1000).default(35),
    /** Minutes to answer an urgent, high and normal escalation (its SLA). */
    urgentSlaMinutes: z.number().int().min(1).max(43_200).default(60),
    highSlaMinutes: z.number().int().min(1).max(43_200).default(240),
    normalSlaMinutes: z.number().int().min(1).max(43_200).default(1440),
    /** "Needs staff" requests one member may make per hour (staff exempt); 0 turns the limit off. */
    requestsPerHour: z.number().int().min(0).max(1000).default(10),
  })
  .strict();

export type EscalationRules = z.infer<typeof escalationRulesSchema>;

export const escalationSettingFields: readonly SettingFieldSpec[] = [
  {
    path: 'negativeScoreAtMost',
    label: 'Negative post: score at most',
    help: 'A post at or below this sentiment (-1000 to 0) with an urgency or churn-risk cue is escalated.',
  },
  {
    path: 'minLifetimeValueCents',
    label: 'Negative post: customer value at least',
    help: "…when its author's customer has at least this lifetime value, in cents.",
  },
  { path: 'urgentPriority', label: 'Urgent from priority', help: 'Priority at which an escalation is urgent.' },
  { path: 'highPriority', label: 'High from priority', help: 'Priority at which an escalation is high.' },
  { path: 'urgentSlaMinutes', label: 'SLA: urgent (minutes)', help: 'Time to answer an urgent escalation.' },
  { path: 'highSlaMinutes', label: 'SLA: high (minutes)', help: 'Time to answer a high escalation.' },
  { path: 'normalSlaMinutes', label: 'SLA: normal (minutes)', help: 'Time to answer any other escalation.' },
  {
    path: 'requestsPerHour',
    label: '"Needs staff" requests per hour',
    help: 'Per member (staff exempt); 0 turns the limit off.',
  },
];

export const DEFAULT_ESCALATION_RULES: EscalationRules = escalationRulesSchema.parse({});

export function parseEscalationRules(json: string): EscalationRules {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error('ESCALATION_RULES: not valid JSON');
  }
  const parsed = escalationRulesSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `ESCALATION_RULES: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}
