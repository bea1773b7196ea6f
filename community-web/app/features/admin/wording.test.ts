import { describe, expect, it } from 'vitest';
import { answerTargetInWords, KIND_HELP, moved, slowModeInWords } from './wording';

describe('admin wording', () => {
  it('says slow mode in the largest whole unit', () => {
    expect(slowModeInWords(0)).toBe('off');
    expect(slowModeInWords(1)).toBe('1 post every 1 second');
    expect(slowModeInWords(90)).toBe('1 post every 90 seconds');
    expect(slowModeInWords(120)).toBe('1 post every 2 minutes');
    expect(slowModeInWords(86_400)).toBe('1 post every 24 hours');
  });

  it('says the answer target in the largest whole unit, off when unset', () => {
    expect(answerTargetInWords(null)).toBe('off');
    expect(answerTargetInWords(0)).toBe('off');
    expect(answerTargetInWords(1)).toBe('escalated after 1 minute');
    expect(answerTargetInWords(90)).toBe('escalated after 90 minutes');
    expect(answerTargetInWords(240)).toBe('escalated after 4 hours');
    expect(answerTargetInWords(2880)).toBe('escalated after 2 days');
  });

  it('moves a category one place, and not past either end', () => {
    expect(moved(['1', '2', '3'], '2', 'up')).toEqual(['2', '1', '3']);
    expect(moved(['1', '2', '3'], '2', 'down')).toEqual(['1', '3', '2']);
    expect(moved(['1', '2', '3'], '1', 'up')).toEqual(['1', '2', '3']);
    expect(moved(['1', '2', '3'], '3', 'down')).toEqual(['1', '2', '3']);
    expect(moved(['1', '2', '3'], '9', 'up')).toEqual(['1', '2', '3']);
  });

  it('says plainly who sees a restricted category', () => {
    expect(KIND_HELP.RESTRICTED!.help).toMatch(/Only moderators, administrators and advocates see it/);
  });
});
