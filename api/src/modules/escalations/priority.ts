import type { EscalationRules } from './escalations.settings.js';

/**
 * An escalation's priority: the sum of four parts, each bounded, so no one signal swamps the
 * others, with an advocate's boost. The parts are stored with the escalation and shown with
 * the number (`explainPriority`), so staff see why it sits where it does in the queue.
 *
 * - value: the customer's lifetime value on a log scale, 6 points per factor of ten of the
 *   major unit (1,000 → 18, 100,000 → 30), at most 40;
 * - influence: the member's influence score (modules/insights), 4 × log2(1 + score), at most 20;
 * - sentiment: how negative the post is (score −1000…0 → 0…10) plus its cues (urgency 5,
 *   churn risk 5, frustration 3), at most 20;
 * - waited: 2 points per full hour since the question was asked, at most 48 (a day);
 * - advocate: an advocate asked for staff: +10, and first in the queue (its order, not only its sum).
 */
export const PRIORITY = {
  VALUE_PER_DECADE: 6,
  VALUE_MAX: 40,
  INFLUENCE_FACTOR: 4,
  INFLUENCE_MAX: 20,
  SENTIMENT_NEGATIVE_MAX: 10,
  CUE_POINTS: { URGENCY: 5, CHURN_RISK: 5, FRUSTRATION: 3 } as Record<string, number>,
  SENTIMENT_MAX: 20,
  WAITED_PER_HOUR: 2,
  WAITED_MAX: 48,
  ADVOCATE_BOOST: 10,
} as const;

export type PriorityPartName = 'value' | 'influence' | 'sentiment' | 'waited' | 'advocate' | 'rule';

/**
 * An extra part added by another module (a routing rule raising the priority: detail is the
 * rule's name). Kept when the computed parts are refreshed; shown as "rule <name> +N".
 */
export const rulePart = (ruleName: string, points: number): PriorityPart => ({
  name: 'rule',
  points,
  detail: ruleName,
});

/** The parts added from outside (rules), to carry over a recomputation. */
export const extraParts = (parts: readonly PriorityPart[]): PriorityPart[] => parts.filter((p) => p.name === 'rule');

export interface PriorityPart {
  name: PriorityPartName;
  points: number;
  /** What the points come from, in words with the numbers. */
  detail: string;
}

export interface PriorityInputs {
  /** The customer's lifetime value in minor units; null with no linked customer. */
  lifetimeValueCents: number | null;
  currency: string | null;
  /** The member's influence score; 0 without one. */
  influence: number;
  /** The post's sentiment score (−1000…1000) and cues; null when not scored. */
  sentimentScore: number | null;
  cues: readonly string[];
  /** Hours since the question was asked. */
  hoursWaited: number;
  advocate: boolean;
}

const clamp = (n: number, max: number) => Math.max(0, Math.min(max, n));

export function priorityParts(inputs: PriorityInputs): PriorityPart[] {
  const major = inputs.lifetimeValueCents === null ? 0 : Math.max(0, inputs.lifetimeValueCents) / 100;
  const value = clamp(Math.round(PRIORITY.VALUE_PER_DECADE * Math.log10(1 + major)), PRIORITY.VALUE_MAX);
  const influence = clamp(
    Math.round(PRIORITY.INFLUENCE_FACTOR * Math.log2(1 + Math.max(0, inputs.influence))),
    PRIORITY.INFLUENCE_MAX,
  );
  const negative =
    inputs.sentimentScore === null
      ? 0
      : Math.round((PRIORITY.SENTIMENT_NEGATIVE_MAX * Math.max(0, -inputs.sentimentScore)) / 1000);
  const cues = [...new Set(inputs.cues)].filter((c) => PRIORITY.CUE_POINTS[c] !== undefined);
  const cuePoints = cues.reduce((sum, c) => sum + PRIORITY.CUE_POINTS[c]!, 0);
  const sentiment = clamp(negative + cuePoints, PRIORITY.SENTIMENT_MAX);
  const hours = Math.max(0, Math.floor(inputs.hoursWaited));
  const waited = clamp(hours * PRIORITY.WAITED_PER_HOUR, PRIORITY.WAITED_MAX);
  const money =
    inputs.lifetimeValueCents === null
      ? 'no linked customer'
      : `lifetime value ${(inputs.lifetimeValueCents / 100).toFixed(2)}${inputs.currency ? ` ${inputs.currency}` : ''}`;
  const parts: PriorityPart[] = [
    { name: 'value', points: value, detail: money },
    { name: 'influence', points: influence, detail: `influence score ${Math.round(inputs.influence * 10) / 10}` },
    {
      name: 'sentiment',
      points: sentiment,
      detail:
        inputs.sentimentScore === null
          ? 'not scored'
          : `score ${inputs.sentimentScore}${cues.length ? `, ${cues.map((c) => c.toLowerCase().replace('_', ' ')).join(', ')}` : ''}`,
    },
    { name: 'waited', points: waited, detail: `${hours} h waiting × ${PRIORITY.WAITED_PER_HOUR}` },
  ];
  if (inputs.advocate) {
    parts.push({ name: 'advocate', points: PRIORITY.ADVOCATE_BOOST, detail: 'an advocate asked: first in queue' });
  }
  return parts;
}

export const priorityOf = (parts: readonly PriorityPart[]): number => parts.reduce((sum, p) => sum + p.points, 0);

/** "value 18 + influence 7 + sentiment 12 + waited 5 h × 2 = 47; advocate: first in queue". */
export function explainPriority(parts: readonly PriorityPart[]): string {
  const sum = parts
    .map((p) => {
      if (p.name === 'waited') return `waited ${p.points / PRIORITY.WAITED_PER_HOUR} h × ${PRIORITY.WAITED_PER_HOUR}`;
      if (p.name === 'advocate') return `advocate ${p.points}`;
      if (p.name === 'rule') return `rule ${p.detail} +${p.points}`;
      return `${p.name} ${p.points}`;
    })
    .join(' + ');
  const advocate = parts.some((p) => p.name === 'advocate') ? '; advocate: first in queue' : '';
  return `${sum} = ${priorityOf(parts)}${advocate}`;
}

export type PriorityBand = 'URGENT' | 'HIGH' | 'NORMAL';

export function bandOf(priority: number, rules: EscalationRules): PriorityBand {
  if (priority >= rules.urgentPriority) return 'URGENT';
  if (priority >= rules.highPriority) return 'HIGH';
  return 'NORMAL';
}

/** Minutes to answer an escalation of this priority (its SLA). */
export function slaMinutes(priority: number, rules: EscalationRules): number {
  const band = bandOf(priority, rules);
  return band === 'URGENT' ? rules.urgentSlaMinutes : band === 'HIGH' ? rules.highSlaMinutes : rules.normalSlaMinutes;
}
