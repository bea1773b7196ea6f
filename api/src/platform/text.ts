/**
 * Visible text: what a reader sees of a string. Titles and bodies are measured with it, so text
 * padded with zero-width spaces, soft hyphens, bidi controls or blank "letters" can neither pass
 * a minimum length nor be blank. (Identical posts are compared in SQL: see
 * community/posting-limits.ts.)
 *
 * Invisible: every format character (Unicode Cf: U+200B–U+200F zero-width and direction marks,
 * U+00AD soft hyphen, U+202A–U+202E and U+2066–U+2069 bidi controls, U+2060–U+2064, U+FEFF, tag
 * characters…), control characters other than tab and line breaks, the combining grapheme joiner
 * and variation selectors, and characters that render as blank although they are letters or
 * symbols (Hangul fillers, the blank Braille pattern, Khmer inherent vowels, Mongolian variation
 * selectors). Whitespace (any Unicode space separator or line break) is kept, as one space.
 *
 * Stored text is never stripped of them beyond its ends: a zero-width joiner builds emoji and a
 * zero-width non-joiner spells Persian words correctly.
 */
/* eslint-disable no-control-regex, no-misleading-character-class --
   control characters and lone combining marks are exactly what these classes are for */
const INVISIBLE =
  /[\p{Cf}\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u2800\u3164\uFE00-\uFE0F\uFFA0\u{E0100}-\u{E01EF}]/gu;
const SPACE = /[\s\p{Z}]+/gu;
const EDGES = new RegExp(`^(?:${SPACE.source}|${INVISIBLE.source})+|(?:${SPACE.source}|${INVISIBLE.source})+$`, 'gu');
/* eslint-enable no-control-regex, no-misleading-character-class */

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** The text without invisible characters, every run of whitespace as one space, trimmed. */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, '').replace(SPACE, ' ').trim();
}

/**
 * Characters a reader sees: grapheme clusters (an emoji family or a flag is one) that hold a
 * visible character, with each run of whitespace counted once and none at the ends.
 */
export function visibleLength(text: string): number {
  // ASCII text has one grapheme per character: no need to segment it.
  if (/^[\x20-\x7E]*$/.test(text)) return visibleText(text).length;
  let n = 0;
  let space = false;
  for (const { segment } of graphemes.segment(text)) {
    const visible = segment.replace(INVISIBLE, '');
    if (visible === '') continue;
    if (visible.replace(SPACE, '') === '') {
      space = n > 0;
      continue;
    }
    n += space ? 2 : 1;
    space = false;
  }
  return n;
}

/** Unicode code points, as PostgreSQL's length() counts them (column checks use it). */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Removes whitespace and invisible characters from both ends only (what a person cannot have meant). */
export function trimInvisible(text: string): string {
  return text.replace(EDGES, '');
}
