import { describe, expect, it } from 'vitest';
import { diffStats, parseCompare, parseUnifiedDiff } from './diff';

// As the API writes them (createTwoFilesPatch without its "=====" line).
const DIFF = [
  '--- resolution (before)\t',
  '+++ resolution (now)\t',
  '@@ -1,3 +1,4 @@',
  ' Sign out.',
  '-Sign in again.',
  '+Sign in again with your new password.',
  '+Then restart the app.',
  ' Done.',
  '\\ No newline at end of file',
  '',
].join('\n');

describe('parseUnifiedDiff', () => {
  it('classifies headers, hunks, added, removed and unchanged lines with their numbers', () => {
    expect(parseUnifiedDiff(DIFF)).toEqual([
      { kind: 'file', text: 'resolution (before)', oldLine: null, newLine: null },
      { kind: 'file', text: 'resolution (now)', oldLine: null, newLine: null },
      { kind: 'hunk', text: '@@ -1,3 +1,4 @@', oldLine: null, newLine: null },
      { kind: 'context', text: 'Sign out.', oldLine: 1, newLine: 1 },
      { kind: 'del', text: 'Sign in again.', oldLine: 2, newLine: null },
      { kind: 'add', text: 'Sign in again with your new password.', oldLine: null, newLine: 2 },
      { kind: 'add', text: 'Then restart the app.', oldLine: null, newLine: 3 },
      { kind: 'context', text: 'Done.', oldLine: 3, newLine: 4 },
      { kind: 'note', text: 'No newline at end of file', oldLine: null, newLine: null },
    ]);
  });

  it('reads texts joined into one diff, and drops separators outside hunks', () => {
    const two = `=====\n${DIFF}--- question (before)\n+++ question (now)\n@@ -5 +5 @@\n-old\n+new\n`;
    const lines = parseUnifiedDiff(two);
    expect(lines.filter((l) => l.kind === 'file').map((l) => l.text)).toEqual([
      'resolution (before)',
      'resolution (now)',
      'question (before)',
      'question (now)',
    ]);
    expect(lines.at(-2)).toEqual({ kind: 'del', text: 'old', oldLine: 5, newLine: null });
    expect(lines.at(-1)).toEqual({ kind: 'add', text: 'new', oldLine: null, newLine: 5 });
    expect(diffStats(lines)).toEqual({ added: 3, removed: 2 });
  });

  it('counts a hunk’s lines: a removed markdown rule ("--- ") is a line, not a header', () => {
    expect(parseUnifiedDiff('@@ -1,2 +1 @@\n--- \n-+++ x\n+***\n--- next (before)')).toEqual([
      { kind: 'hunk', text: '@@ -1,2 +1 @@', oldLine: null, newLine: null },
      { kind: 'del', text: '-- ', oldLine: 1, newLine: null },
      { kind: 'del', text: '+++ x', oldLine: 2, newLine: null },
      { kind: 'add', text: '***', oldLine: null, newLine: 1 },
      { kind: 'file', text: 'next (before)', oldLine: null, newLine: null },
    ]);
    expect(parseUnifiedDiff('')).toEqual([]);
  });
});

describe('parseCompare', () => {
  it('reads two versions the article has, older first', () => {
    expect(parseCompare('1..3', 3)).toEqual({ from: 1, to: 3 });
    expect(parseCompare('3..2', 3)).toEqual({ from: 2, to: 3 });
  });

  it.each([null, '', '1', '2..2', '0..1', '1..4', 'a..b', '1..2..3', '1e3..2'])('refuses %s', (value) => {
    expect(parseCompare(value, 3)).toBeNull();
  });
});
