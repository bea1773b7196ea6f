import { describe, expect, it } from 'vitest';
import { levelFor, parseReputationRules } from './reputation.rules.js';

const rules = parseReputationRules('{}');

describe('reputation rules', () => {
  it('has the PRODUCT.md defaults', () => {
    expect(rules).toMatchObject({
      questionUpvoted: 5,
      answerUpvoted: 10,
      downvoteReceived: -2,
      downvoteCastOnAnswer: -1,
      answerAccepted: 15,
      acceptedAnAnswer: 2,
      dailyVoteCap: 200,
    });
  });

  it('overrides only the keys given, and refuses unknown keys, bad JSON and unordered levels', () => {
    expect(parseReputationRules('{"dailyVoteCap": 50}')).toMatchObject({ dailyVoteCap: 50, answerUpvoted: 10 });
    expect(() => parseReputationRules('{"dailyCap": 50}')).toThrow(/REPUTATION_RULES/);
    expect(() => parseReputationRules('{')).toThrow(/not valid JSON/);
    expect(() =>
      parseReputationRules(
        JSON.stringify({
          levels: [
            { name: 'A', min: 0 },
            { name: 'B', min: 0 },
          ],
        }),
      ),
    ).toThrow(/rise strictly/);
  });

  it('places a member in a level with progress to the next', () => {
    expect(levelFor(rules, -5)).toEqual({ name: 'Newcomer', min: 0, next: 10, progress: 0 });
    expect(levelFor(rules, 0)).toEqual({ name: 'Newcomer', min: 0, next: 10, progress: 0 });
    expect(levelFor(rules, 10)).toEqual({ name: 'Member', min: 10, next: 100, progress: 0 });
    expect(levelFor(rules, 55)).toEqual({ name: 'Member', min: 10, next: 100, progress: 0.5 });
    expect(levelFor(rules, 1999).name).toBe('Regular');
    expect(levelFor(rules, 2000).name).toBe('Expert');
    expect(levelFor(rules, 50_000)).toEqual({ name: 'Guru', min: 10000, next: null, progress: 1 });
  });
});
