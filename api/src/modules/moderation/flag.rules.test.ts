import { describe, expect, it } from 'vitest';
import { parseReputationRules } from '../reputation/reputation.rules.js';
import {
  accuracyBonus,
  flagWeight,
  leadingReason,
  reachesThreshold,
  trustLevel,
  validateFlagNote,
} from './flag.rules.js';
import { DEFAULT_MODERATION_RULES as rules, parseModerationRules } from './moderation.rules.js';

const levels = parseReputationRules('{}').levels;
const flagger = (reputation: number, agreed = 0, disagreed = 0, staff = false) => ({
  staff,
  reputation,
  agreed,
  disagreed,
});

describe('flag weights (Discourse’s flag score)', () => {
  it('give the trust level from the reputation levels, capped', () => {
    expect([0, 9, 10, 99, 100, 500, 2000, 10_000].map((r) => trustLevel(levels, r, 4))).toEqual([
      0, 0, 1, 1, 2, 3, 4, 4,
    ]);
    expect(trustLevel(levels, 10_000, 2)).toBe(2);
  });

  it('weigh 1 + level, staff 1 + 5, in hundredths', () => {
    expect(flagWeight(rules, levels, flagger(15))).toBe(200);
    expect(flagWeight(rules, levels, flagger(150))).toBe(300);
    expect(flagWeight(rules, levels, flagger(50_000))).toBe(500);
    expect(flagWeight(rules, levels, flagger(0, 0, 0, true))).toBe(600);
  });

  it('count accuracy only after enough decided flags, around the 70% axis, growing with log4 of the count', () => {
    const a = rules.accuracy;
    expect(accuracyBonus(a, 5, 0)).toBe(0);
    expect(accuracyBonus(a, 6, 0)).toBe(Math.round((Math.log(6) / Math.log(4)) * 5 * 100) / 100);
    expect(accuracyBonus(a, 16, 0)).toBe(10); // log4(16) = 2, × 5
    expect(accuracyBonus(a, 7, 3)).toBe(0); // exactly on the axis
    expect(accuracyBonus(a, 0, 16)).toBe(-10);
    expect(accuracyBonus(a, 8, 8)).toBeCloseTo(-(0.2 / 0.7) * 2 * 5, 2);
    expect(accuracyBonus(a, 85, 15)).toBeGreaterThan(accuracyBonus(a, 17, 3)); // same share, more flags
  });

  it('add the bonus and never go below zero', () => {
    expect(flagWeight(rules, levels, flagger(15, 16, 0))).toBe(1200);
    expect(flagWeight(rules, levels, flagger(15, 0, 16))).toBe(0);
  });

  it('hide at the threshold: three ordinary members, or one staff flag, by default', () => {
    const member = flagWeight(rules, levels, flagger(15));
    expect(reachesThreshold(rules, member * 2)).toBe(false);
    expect(reachesThreshold(rules, member * 3)).toBe(true);
    expect(reachesThreshold(rules, flagWeight(rules, levels, flagger(0, 0, 0, true)))).toBe(true);
  });

  it('read settings from MODERATION_RULES, rejecting bad values', () => {
    expect(parseModerationRules('{"hideThreshold": 10}').hideThreshold).toBe(10);
    expect(parseModerationRules('{"weights": {"staff": 3}}').weights).toEqual({ ...rules.weights, staff: 3 });
    expect(() => parseModerationRules('{"hideThreshold": 0}')).toThrow(/MODERATION_RULES: hideThreshold/);
    expect(() => parseModerationRules('{"nope": 1}')).toThrow(/MODERATION_RULES/);
    expect(() => parseModerationRules('nope')).toThrow(/not valid JSON/);
  });
});

describe('flag notes and reasons', () => {
  it('require a note for OTHER and bound its length', () => {
    const errors: Record<string, string> = {};
    expect(validateFlagNote(rules, 'SPAM', '  ', errors)).toBeNull();
    expect(validateFlagNote(rules, 'SPAM', ' ad ', errors)).toBe('ad');
    expect(errors).toEqual({});
    validateFlagNote(rules, 'OTHER', null, errors);
    expect(errors.note).toMatch(/required for OTHER/);
    const long: Record<string, string> = {};
    validateFlagNote(rules, 'ABUSIVE', 'x'.repeat(501), long);
    expect(long.note).toMatch(/at most 500/);
  });

  it('lead with the most given reason, the graver on a tie', () => {
    expect(leadingReason([])).toBeNull();
    expect(leadingReason(['OFF_TOPIC', 'SPAM', 'OFF_TOPIC'])).toBe('OFF_TOPIC');
    expect(leadingReason(['OFF_TOPIC', 'SPAM'])).toBe('SPAM');
  });
});
