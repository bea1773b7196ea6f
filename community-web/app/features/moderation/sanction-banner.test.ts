import { describe, expect, it } from 'vitest';
import { sanctionText } from './sanction-banner';

describe('sanctionText', () => {
  it('names the sanction, its end and the reason', () => {
    expect(sanctionText({ kind: 'SILENCE', until: '2026-12-24T00:00:00.000Z', reason: 'Spam links' })).toBe(
      'You are silenced until 24 December 2026: Spam links',
    );
    expect(sanctionText({ kind: 'SUSPEND', until: '2027-01-02T12:00:00.000Z', reason: 'Abuse' })).toBe(
      'You are suspended until 2 January 2027: Abuse',
    );
  });
  it('says when only a moderator can end it (the automatic silence)', () => {
    expect(sanctionText({ kind: 'SILENCE', until: null, reason: 'Flagged by three members' })).toBe(
      'You are silenced until a moderator lifts it: Flagged by three members',
    );
  });
});
