import { describe, expect, it } from 'vitest';
import { hasChanges, tagChanges, wordDiff } from './word-diff';

describe('wordDiff', () => {
  it('marks removed and inserted words, keeping what both share', () => {
    const parts = wordDiff('Restart the sync service twice.', 'Restart the calendar service once.');
    expect(parts.filter((p) => p.kind === 'del').map((p) => p.text)).toEqual(['sync', 'twice']);
    expect(parts.filter((p) => p.kind === 'ins').map((p) => p.text)).toEqual(['calendar', 'once']);
    expect(
      parts
        .filter((p) => p.kind !== 'ins')
        .map((p) => p.text)
        .join(''),
    ).toBe('Restart the sync service twice.');
    expect(
      parts
        .filter((p) => p.kind !== 'del')
        .map((p) => p.text)
        .join(''),
    ).toBe('Restart the calendar service once.');
  });

  it('says when nothing changed', () => {
    expect(hasChanges(wordDiff('same text', 'same text'))).toBe(false);
    expect(hasChanges(wordDiff('same text', 'same  text'))).toBe(true);
  });
});

describe('tagChanges', () => {
  it('lists added and removed tags', () => {
    expect(tagChanges(['sync', 'ios'], ['ios', 'calendar'])).toEqual({ added: ['calendar'], removed: ['sync'] });
  });
});
