import { describe, expect, it } from 'vitest';
import { codePointLength, trimInvisible, visibleLength, visibleText } from './text.js';

describe('visible text', () => {
  it.each([
    ['zero-width spaces', '\u200B\u200C\u200D'],
    ['word joiner and BOM', '\u2060\uFEFF'],
    ['soft hyphens', '\u00AD\u00AD\u00AD'],
    ['bidi controls', '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F'],
    ['other spaces', '\u00A0\u2003\u3000\u2028'],
    ['blank letters', '\u3164\u115F\u1160\uFFA0\u2800'],
    ['joiners and selectors', '\u034F\uFE0F\u{E0101}'],
    ['tags', '\u{E0041}\u{E0042}'],
    ['controls', '\u0000\u0007\u007F\u0085'],
  ])('%s are invisible', (_what, text) => {
    expect(visibleText(text.repeat(10))).toBe('');
    expect(visibleLength(text.repeat(10))).toBe(0);
  });

  it('counts what a reader sees', () => {
    expect(visibleLength('How do I sync?')).toBe(14);
    expect(visibleLength('H\u200Bo\u200Bw')).toBe(3);
    expect(visibleLength('a   \n\n  b')).toBe(3);
    expect(visibleLength('👨‍👩‍👧 🇫🇷 é')).toBe(5);
    expect(codePointLength('👨‍👩‍👧')).toBe(5);
  });

  it('trims invisible characters from the ends only', () => {
    expect(trimInvisible('\u200B \uFEFFa\u200Db\u00AD \u202E')).toBe('a\u200Db');
  });
});
