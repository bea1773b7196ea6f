import type { FieldErrors } from '../../platform/errors.js';
import type { ModerationRules } from './moderation.rules.js';

export const FLAG_REASONS = ['SPAM', 'ABUSIVE', 'OFF_TOPIC', 'PERSONAL_DATA', 'OTHER'] as const;
export type FlagReasonKey = (typeof FLAG_REASONS)[number];

/** Flag reasons whose agreement removes the post (with the removal's reputation penalty). */
export const REMOVING_REASONS: ReadonlySet<FlagReasonKey> = new Set(['SPAM', 'ABUSIVE']);

/**
 * Weights are stored and summed as integers in hundredths (scores are integers: no float drift
 * in a sum that decides whether a post is hidden); `toWeight` turns them back for display.
 */
export const toHundredths = (weight: number): number => Math.round(weight * 100);
export const toWeight = (hundredths: number): number => hundredths / 100;

/**
 * The flagger's accuracy bonus from their past decided flags (Discourse's user_accuracy_bonus):
 * nothing until `minDecided` flags were decided; then, on either side of the axis (70% agreed),
 * a bonus or a penalty growing with how far from it they are and with log4 of how many.
 */
export function accuracyBonus(rules: ModerationRules['accuracy'], agreed: number, disagreed: number): number {
  const total = agreed + disagreed;
  if (total < rules.minDecided) return 0;
  const share = agreed / total;
  const volume = (Math.log(total) / Math.log(4)) * rules.scale;
  const distance = share >= rules.axis ? (share - rules.axis) / (1 - rules.axis) : -(rules.axis - share) / rules.axis;
  return Math.round(distance * volume * 100) / 100;
}

/** The flagger's trust level: the index of their reputation level (0 for the first), capped. */
export function trustLevel(levels: readonly { min: number }[], reputation: number, maxLevel: number): number {
  let level = 0;
  while (level + 1 < levels.length && reputation >= levels[level + 1]!.min) level++;
  return Math.min(level, maxLevel);
}

export interface Flagger {
  staff: boolean;
  reputation: number;
  /** Their earlier flags that review agreed and disagreed with. */
  agreed: number;
  disagreed: number;
}

/**
 * A flag's weight when made, in hundredths (Discourse's user_flag_score): base + trust level
 * (staff: a fixed bonus) + accuracy bonus, never below zero.
 */
export function flagWeight(rules: ModerationRules, levels: readonly { min: number }[], flagger: Flagger): number {
  const { base, perLevel, maxLevel, staff } = rules.weights;
  const standing = flagger.staff ? staff : trustLevel(levels, flagger.reputation, maxLevel) * perLevel;
  const weight = base + standing + accuracyBonus(rules.accuracy, flagger.agreed, flagger.disagreed);
  return Math.max(0, toHundredths(weight));
}

/** Whether open flags weighing `sum` (hundredths) hide their post. */
export const reachesThreshold = (rules: ModerationRules, sum: number): boolean =>
  sum >= toHundredths(rules.hideThreshold);

/** The note, trimmed (null when empty); a field error when missing for OTHER or too long. */
export function validateFlagNote(
  rules: ModerationRules,
  reason: FlagReasonKey,
  note: string | null | undefined,
  errors: FieldErrors,
): string | null {
  const trimmed = (note ?? '').trim();
  if (reason === 'OTHER' && trimmed === '') errors.note = 'Say what is wrong: a note is required for OTHER.';
  else if (trimmed.length > rules.noteMaxLength)
    errors.note = `The note can be at most ${rules.noteMaxLength} characters.`;
  return trimmed === '' ? null : trimmed;
}

/** The reason most of the flags give (ties: the graver one, in FLAG_REASONS order). */
export function leadingReason(reasons: readonly FlagReasonKey[]): FlagReasonKey | null {
  let best: FlagReasonKey | null = null;
  let bestCount = 0;
  for (const r of FLAG_REASONS) {
    const count = reasons.filter((x) => x === r).length;
    if (count > bestCount) [best, bestCount] = [r, count];
  }
  return best;
}
