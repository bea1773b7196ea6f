import { describe, expect, it } from 'vitest';
import { removalText } from './removal';

describe('removal text', () => {
  it('says who took the post down, and why when a moderator gave a reason', () => {
    expect(removalText({ reason: 'SPAM', by: { handle: 'mod' } }, 'alice')).toBe('removed as spam by @mod');
    expect(removalText({ reason: 'OFF_TOPIC', by: { handle: 'mod' } }, 'alice')).toBe('removed as off-topic by @mod');
    expect(removalText({ reason: null, by: { handle: 'alice' } }, 'alice')).toBe('deleted by its author');
    // A moderator may delete without a reason: it is not the author's doing.
    expect(removalText({ reason: null, by: { handle: 'mod' } }, 'alice')).toBe('deleted by @mod');
    expect(removalText({ reason: null, by: null }, 'alice')).toBe('deleted by unknown');
  });
});
