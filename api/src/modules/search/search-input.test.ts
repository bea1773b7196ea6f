import { describe, expect, it } from 'vitest';
import { normaliseQuery, normaliseQuestion, searchPageSize } from './search-input.js';
import { snippetHtml } from './snippet.js';

const code = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('search input', () => {
  it('removes control and invisible characters and collapses whitespace', () => {
    expect(normaliseQuery('  sync\u0000 \u0007token\u200b\t\n  reset ')).toBe('sync token reset');
    expect(normaliseQuery('"exact phrase" -not or &|!:*()')).toBe('"exact phrase" -not or &|!:*()');
    expect(normaliseQuery('שלום 😀')).toBe('שלום 😀');
  });

  it('refuses empty, longer than 200 characters or more than 16 words', () => {
    expect(code(() => normaliseQuery(' \u200b\u0000 '))).toBe('BAD_USER_INPUT');
    expect(code(() => normaliseQuery('x'.repeat(201)))).toBe('BAD_USER_INPUT');
    expect(normaliseQuery('x'.repeat(200))).toHaveLength(200);
    expect(code(() => normaliseQuery('w '.repeat(17)))).toBe('BAD_USER_INPUT');
    expect(normaliseQuery('w '.repeat(16))).toBe(Array(16).fill('w').join(' '));
  });

  it('bounds a question being typed instead of refusing it', () => {
    const q = normaliseQuestion('word '.repeat(100), 'b'.repeat(10_000));
    expect(q.title.split(' ')).toHaveLength(16);
    expect(q.body).toHaveLength(500);
    expect(code(() => normaliseQuestion('\u0000 ', null))).toBe('BAD_USER_INPUT');
  });

  it('takes pages of 1–50', () => {
    expect(searchPageSize(undefined)).toBe(20);
    expect(searchPageSize(50)).toBe(50);
    expect(code(() => searchPageSize(0))).toBe('BAD_USER_INPUT');
    expect(code(() => searchPageSize(51))).toBe('BAD_USER_INPUT');
  });
});

describe('snippetHtml', () => {
  it('escapes the text and turns only the marks into <mark>', () => {
    expect(snippetHtml('a <b> & "c" \u0002sync\u0003 \'d\'')).toBe(
      'a &lt;b&gt; &amp; &quot;c&quot; <mark>sync</mark> &#39;d&#39;',
    );
  });

  it('always pairs marks', () => {
    expect(snippetHtml('\u0002open')).toBe('<mark>open</mark>');
    expect(snippetHtml('close\u0003 \u0002\u0002x\u0003\u0003')).toBe('close <mark>x</mark>');
  });
});
