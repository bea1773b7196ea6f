import { describe, expect, it } from 'vitest';
import { forViewer } from './wording';

describe('forViewer', () => {
  const picked = 'Staff picked your answer on “How do I reset your hub?”';

  it('keeps "your" for the profile owner', () => {
    expect(forViewer(picked, true)).toBe(picked);
  });

  it('says "their" to everyone else, leaving quoted titles as written', () => {
    expect(forViewer(picked, false)).toBe('Staff picked their answer on “How do I reset your hub?”');
    expect(forViewer('A moderator acted on a post you flagged.', false)).toBe(
      'A moderator acted on a post they flagged.',
    );
    expect(forViewer('Your edit was accepted; "your call" stays.', false)).toBe(
      'Their edit was accepted; "your call" stays.',
    );
  });

  it('leaves words that merely contain "you" and neutral text alone', () => {
    expect(forViewer('Answered “Bayou sync”', false)).toBe('Answered “Bayou sync”');
    expect(forViewer('Youth league answers accepted', false)).toBe('Youth league answers accepted');
    expect(forViewer('10 answers accepted as solutions', false)).toBe('10 answers accepted as solutions');
  });
});
