import { describe, expect, it } from 'vitest';
import {
  ASK_SESSION,
  isAskSessionId,
  newAskSessionId,
  openHref,
  similarHref,
  suggestionOf,
  toSuggestions,
} from './session';
import { deflectionRate, periodOf } from './stats';

describe('ask sessions', () => {
  it('makes ids the API accepts, different each time', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newAskSessionId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(ASK_SESSION);
    // Every byte maps into the alphabet.
    expect(newAskSessionId((b) => b.fill(255))).toBe('-'.repeat(22));
  });

  it('checks ids as the API does: 16–64 of A–Z a–z 0–9 _ -', () => {
    expect(isAskSessionId('a'.repeat(16))).toBe(true);
    expect(isAskSessionId('a'.repeat(64))).toBe(true);
    expect(isAskSessionId('a'.repeat(15))).toBe(false);
    expect(isAskSessionId('a'.repeat(65))).toBe(false);
    expect(isAskSessionId(`${'a'.repeat(16)} `)).toBe(false);
    expect(isAskSessionId(null)).toBe(false);
  });

  it('links suggestions through /ask/open and reads hits’ urls', () => {
    expect(openHref('s'.repeat(16), 'ARTICLE', '7')).toBe(`/ask/open?session=${'s'.repeat(16)}&kind=ARTICLE&id=7`);
    expect(suggestionOf('/t/12')).toEqual({ kind: 'THREAD', id: '12' });
    expect(suggestionOf('/t/12#post-3')).toEqual({ kind: 'THREAD', id: '12' });
    expect(suggestionOf('/kb/3')).toEqual({ kind: 'ARTICLE', id: '3' });
    expect(suggestionOf('/u/alice')).toBeNull();
    expect(suggestionOf('https://evil.test/t/1')).toBeNull();
    expect(
      toSuggestions([
        { kind: 'THREAD', title: 'A', url: '/t/1', thread: { status: 'ANSWERED' } },
        { kind: 'ARTICLE', title: 'B', url: '/kb/2', thread: null },
        { kind: 'MEMBER', title: 'c', url: '/u/c' },
      ]),
    ).toEqual([
      { kind: 'THREAD', id: '1', title: 'A', url: '/t/1', solved: true },
      { kind: 'ARTICLE', id: '2', title: 'B', url: '/kb/2', solved: false },
    ]);
  });

  it('asks for suggestions with the title and the start of the body', () => {
    const href = similarHref('s'.repeat(16), '  Sync fails ', `  ${'x'.repeat(1500)}`);
    const params = new URL(href, 'http://x').searchParams;
    expect(params.get('title')).toBe('Sync fails');
    expect(params.get('body')).toHaveLength(1000);
    expect(new URL(similarHref('s'.repeat(16), 'Sync', ' '), 'http://x').searchParams.has('body')).toBe(false);
  });
});

describe('deflection figures', () => {
  it('offers 7, 30 and 90 days, 30 by default', () => {
    expect(periodOf('7')).toBe(7);
    expect(periodOf('90')).toBe(90);
    expect(periodOf('365')).toBe(30);
    expect(periodOf(null)).toBe(30);
  });

  it('gives the rate of deflected sessions', () => {
    expect(deflectionRate({ sessions: 0, deflectedSessions: 0 })).toBeNull();
    expect(deflectionRate({ sessions: 4, deflectedSessions: 1 })).toBe('25');
    expect(deflectionRate({ sessions: 300, deflectedSessions: 7 })).toBe('2.3');
    expect(deflectionRate({ sessions: 3, deflectedSessions: 0 })).toBe('0');
  });
});
