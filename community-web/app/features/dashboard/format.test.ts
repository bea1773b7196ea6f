import { describe, expect, it } from 'vitest';
import { formatDuration, formatSentiment, formatShare, formatWeek } from './format';

describe('dashboard formats', () => {
  it('durations in human units', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(210)).toBe('4 min');
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(2610 * 5)).toBe('3.6 h');
    expect(formatDuration(86_400 * 2.1)).toBe('2.1 d');
    expect(formatDuration(86_400 * 40)).toBe('40 d');
  });

  it('shares, weeks and sentiment', () => {
    expect(formatShare(1 / 3, 6)).toBe('33%');
    expect(formatShare(0, 0)).toBe('—');
    expect(formatWeek('2026-11-30T00:00:00.000Z')).toBe('Nov 30');
    expect(formatSentiment(320)).toBe('+0.32');
    expect(formatSentiment(-100)).toBe('−0.10');
    expect(formatSentiment(0)).toBe('0.00');
  });
});
