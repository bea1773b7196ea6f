import { describe, expect, it } from 'vitest';
import { describeWait, NO_ABUSE_LIMITS, parseAbuseLimits } from './abuse-limits.js';

describe('ABUSE_LIMITS', () => {
  it('defaults to SECURITY.md', () => {
    expect(parseAbuseLimits('{}')).toEqual({
      postIntervalSeconds: 5,
      newMemberPostIntervalSeconds: 30,
      threadIntervalSeconds: 15,
      newMemberThreadIntervalSeconds: 120,
      identicalPostSeconds: 300,
      threadsPerDay: 20,
      firstDayReplies: 10,
      votesPerDay: 40,
      flagsPerDay: 20,
      editsPerDay: 30,
      signupsPerNetworkPerDay: 3,
      composerRequestsPerMinute: 120,
      avatarUploadsPerHour: 10,
      verificationEmailsPerHour: 3,
    });
  });

  it('overrides single keys, takes 0 as off, and refuses what it does not know', () => {
    expect(parseAbuseLimits('{"votesPerDay":0,"postIntervalSeconds":10}')).toMatchObject({
      votesPerDay: 0,
      postIntervalSeconds: 10,
      threadsPerDay: 20,
    });
    expect(Object.values(NO_ABUSE_LIMITS).every((v) => v === 0)).toBe(true);
    expect(() => parseAbuseLimits('{"votesPerDya":3}')).toThrow(/ABUSE_LIMITS: .*votesPerDya/);
    expect(() => parseAbuseLimits('{"votesPerDay":-1}')).toThrow(/ABUSE_LIMITS: votesPerDay/);
    expect(() => parseAbuseLimits('nope')).toThrow('ABUSE_LIMITS: not valid JSON');
  });
});

describe('describeWait', () => {
  it.each([
    [0.2, '1 second'],
    [4.1, '5 seconds'],
    [89, '89 seconds'],
    [120, '2 minutes'],
    [3599, '60 minutes'],
    [5400, '2 hours'],
    [86_399, '24 hours'],
  ])('%s s is "%s"', (seconds, words) => {
    expect(describeWait(seconds)).toBe(words);
  });
});
