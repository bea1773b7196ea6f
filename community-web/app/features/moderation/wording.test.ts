import { describe, expect, it } from 'vitest';
import { accountAgeInWords, durationInWords, projectionInWords } from './wording';

describe('moderation wording', () => {
  it('says a duration the way people do', () => {
    expect(durationInWords(20)).toBe('under a minute');
    expect(durationInWords(60)).toBe('about 1 minute');
    expect(durationInWords(40 * 60)).toBe('about 40 minutes');
    expect(durationInWords(3 * 3600 + 600)).toBe('about 3 hours');
    expect(durationInWords(5 * 86400)).toBe('about 5 days');
  });

  it('projects the time to clear the queue, or says why it cannot', () => {
    expect(projectionInWords(0, null)).toBe('nothing waits');
    expect(projectionInWords(4, null)).toBe('no pace yet: nothing decided this week');
    expect(projectionInWords(4, 3 * 3600)).toBe('about 3 hours at this week’s pace');
  });

  it('gives an account’s age', () => {
    expect(accountAgeInWords(3600)).toBe('new today');
    expect(accountAgeInWords(3 * 86400)).toBe('3 days old');
    expect(accountAgeInWords(400 * 86400)).toBe('13 months old');
    expect(accountAgeInWords(800 * 86400)).toBe('2 years old');
  });
});
