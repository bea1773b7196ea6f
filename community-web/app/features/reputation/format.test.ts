import { describe, expect, it } from 'vitest';
import { kindLabel, signedPoints, wasCapped } from './format';

describe('reputation formatting', () => {
  it('names ledger kinds in plain words', () => {
    expect(kindLabel('ANSWER_UPVOTED')).toBe('Answer upvoted');
    expect(kindLabel('ADJUSTMENT')).toBe('Adjusted by staff');
    expect(kindLabel('SOMETHING_NEW')).toBe('Something new');
  });

  it('signs points with plus and a true minus', () => {
    expect(signedPoints(10)).toBe('+10');
    expect(signedPoints(-2)).toBe('\u22122');
    expect(signedPoints(0)).toBe('0');
  });

  it('marks events the daily cap cut down', () => {
    expect(wasCapped({ points: 5, uncappedPoints: 10 })).toBe(true);
    expect(wasCapped({ points: 10, uncappedPoints: 10 })).toBe(false);
    expect(wasCapped({ points: 10, uncappedPoints: null })).toBe(false);
  });
});
