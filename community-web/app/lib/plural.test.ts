import { describe, expect, it } from 'vitest';
import { formatCount, pluralize } from './plural';

describe('pluralize and formatCount', () => {
  it('uses the singular for one only', () => {
    expect(formatCount(1, 'thread')).toBe('1 thread');
    expect(formatCount(0, 'thread')).toBe('0 threads');
    expect(formatCount(2, 'view')).toBe('2 views');
    expect(formatCount(1, 'reply', 'replies')).toBe('1 reply');
    expect(formatCount(5, 'reply', 'replies')).toBe('5 replies');
    expect(formatCount(-1, 'vote')).toBe('-1 vote');
    expect(formatCount(-3, 'vote')).toBe('-3 votes');
  });

  it('groups thousands', () => {
    expect(formatCount(1204, 'view')).toBe('1,204 views');
  });

  it('gives the bare word for labels beside a number', () => {
    expect(pluralize(1, 'revision')).toBe('revision');
    expect(pluralize(7, 'member holds', 'members hold')).toBe('members hold');
  });
});
