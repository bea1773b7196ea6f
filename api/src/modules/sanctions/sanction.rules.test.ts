import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../platform/errors.js';
import { validateNote, validateSanction } from './sanction.rules.js';

const now = new Date('2026-12-03T12:00:00.000Z');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
const fields = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof ValidationError) return e.fields;
    throw e;
  }
  return null;
};

describe('sanction rules', () => {
  it('an end in the future, at most a year away, and a reason of 3–500 characters', () => {
    expect(validateSanction({ until: days(7), reason: '  Spam links  ' }, now)).toEqual({
      until: days(7),
      reason: 'Spam links',
    });
    expect(validateSanction({ until: days(365), reason: 'Abuse' }, now).until).toEqual(days(365));
    expect(fields(() => validateSanction({ until: now, reason: 'Spam' }, now))).toEqual({
      until: 'Choose an end in the future.',
    });
    expect(fields(() => validateSanction({ until: days(366), reason: 'Spam' }, now))).toMatchObject({
      until: expect.stringMatching(/at most 365 days/),
    });
    expect(fields(() => validateSanction({ until: new Date('nope'), reason: 'x' }, now))).toEqual({
      until: 'Choose an end in the future.',
      reason: expect.stringMatching(/3–500 characters/),
    });
    expect(fields(() => validateSanction({ until: days(1), reason: 'x'.repeat(501) }, now))).toHaveProperty('reason');
  });

  it('a note is 1–5,000 characters, trimmed', () => {
    expect(validateNote('  Warned about links.  ')).toBe('Warned about links.');
    expect(fields(() => validateNote('   '))).toHaveProperty('body');
    expect(fields(() => validateNote('x'.repeat(5001)))).toHaveProperty('body');
  });
});
