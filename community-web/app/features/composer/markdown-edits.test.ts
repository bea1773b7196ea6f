import { describe, expect, it } from 'vitest';
import { codeBlock, insertMention, link, mentionAt, prefixLines, wrap, type Edit } from './markdown-edits';

/** `a[b]c`: text with the selection marked by brackets (a lone `|` is the cursor). */
const at = (marked: string): Edit => {
  if (marked.includes('|')) {
    const i = marked.indexOf('|');
    return { text: marked.replace('|', ''), start: i, end: i };
  }
  const start = marked.indexOf('[');
  const end = marked.indexOf(']') - 1;
  return { text: marked.replace('[', '').replace(']', ''), start, end };
};
const show = ({ text, start, end }: Edit) =>
  start === end
    ? `${text.slice(0, start)}|${text.slice(start)}`
    : `${text.slice(0, start)}[${text.slice(start, end)}]${text.slice(end)}`;

describe('toolbar edits', () => {
  it('wraps the selection, inserts a placeholder at the cursor, and unwraps what is wrapped', () => {
    expect(show(wrap(at('say [hello] now'), '**', '**', 'bold text'))).toBe('say **[hello]** now');
    expect(show(wrap(at('say | now'), '_', '_', 'italic'))).toBe('say _[italic]_ now');
    expect(show(wrap(at('say **[hello]** now'), '**', '**', 'bold text'))).toBe('say [hello] now');
  });

  it('makes a link with the URL selected', () => {
    expect(show(link(at('see [the docs]')))).toBe('see [the docs]([https://])');
  });

  it('fences selected lines as a code block on lines of their own, and inline code within a line', () => {
    expect(show(codeBlock(at('run:\n[npm ci\nnpm test]')))).toBe('run:\n```\n[npm ci\nnpm test]\n```');
    expect(show(codeBlock(at('text|')))).toBe('text\n```\n[code]\n```');
    expect(show(codeBlock(at('run [npm ci] now')))).toBe('run `[npm ci]` now');
  });

  it('prefixes every selected line, numbering lists, and takes prefixes off again', () => {
    expect(show(prefixLines(at('[one\ntwo]'), 'number'))).toBe('[1. one\n2. two]');
    expect(show(prefixLines(at('[- one\n- two]'), 'bullet'))).toBe('[one\ntwo]');
    expect(show(prefixLines(at('intro\nwi[se wor]ds'), 'quote'))).toBe('intro\n[> wise words]');
    expect(show(prefixLines(at('|'), 'bullet'))).toBe('- [item]');
  });
});

describe('mentions', () => {
  it('finds the @handle being typed, not an email address or code', () => {
    expect(mentionAt('thanks @al', 10)).toEqual({ start: 7, prefix: 'al' });
    expect(mentionAt('@', 1)).toEqual({ start: 0, prefix: '' });
    expect(mentionAt('mail me@example', 15)).toBeNull();
    expect(mentionAt('thanks @al ', 11)).toBeNull();
  });

  it('replaces the prefix with the handle and a space, cursor after it', () => {
    expect(show(insertMention(at('thanks @al| for it'), 7, 'alice'))).toBe('thanks @alice |for it');
  });
});
