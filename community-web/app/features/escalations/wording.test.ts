import { describe, expect, it } from 'vitest';
import { BANNER, durationWords, slaTimer, STATUSES } from './wording';

const NOW = Date.parse('2026-12-02T12:00:00Z');
const at = (ms: number) => new Date(NOW + ms).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;

describe('durationWords', () => {
  it('says a time in at most two units', () => {
    expect(durationWords(30_000)).toBe('less than a minute');
    expect(durationWords(MIN)).toBe('1 minute');
    expect(durationWords(59 * MIN)).toBe('59 minutes');
    expect(durationWords(HOUR)).toBe('1 hour');
    expect(durationWords(2 * HOUR + 5 * MIN)).toBe('2 hours 5 minutes');
    expect(durationWords(24 * HOUR)).toBe('1 day');
    expect(durationWords(-(3 * 24 * HOUR + HOUR + 30 * MIN))).toBe('3 days 1 hour');
  });
});

describe('slaTimer', () => {
  it('counts down to the due time, then up from it', () => {
    expect(slaTimer({ slaDueAt: at(4 * HOUR), status: 'OPEN' }, NOW)).toEqual({
      text: 'due in 4 hours',
      overdue: false,
    });
    expect(slaTimer({ slaDueAt: at(-90 * MIN), status: 'IN_PROGRESS' }, NOW)).toEqual({
      text: 'overdue by 1 hour 30 minutes',
      overdue: true,
    });
    expect(slaTimer({ slaDueAt: at(-MIN), status: 'WAITING_ON_CUSTOMER' }, NOW)?.overdue).toBe(true);
  });

  it('stops once the escalation left the queue, and without a due time', () => {
    expect(slaTimer({ slaDueAt: at(-HOUR), status: 'RESOLVED' }, NOW)).toBeNull();
    expect(slaTimer({ slaDueAt: at(HOUR), status: 'CLOSED' }, NOW)).toBeNull();
    expect(slaTimer({ slaDueAt: null, status: 'OPEN' }, NOW)).toBeNull();
  });
});

describe('the asker’s banner', () => {
  it('has words for every status, “A support agent is on it” while in progress', () => {
    for (const status of STATUSES) expect(BANNER[status]?.title).toBeTruthy();
    expect(BANNER.IN_PROGRESS!.title).toBe('A support agent is on it');
    expect(BANNER.OPEN!.title).toBe('Waiting for staff');
  });
});
