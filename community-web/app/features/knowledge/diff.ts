/** One line of a unified diff, classified for display. */
export interface DiffLine {
  kind: 'file' | 'hunk' | 'add' | 'del' | 'context' | 'note';
  /** The line without its one-character prefix (for add, del and context lines). */
  text: string;
  /** Line numbers in the old and new text (context lines have both; added only new; removed only old). */
  oldLine: number | null;
  newLine: number | null;
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/**
 * Splits a unified diff (as the API writes them: `--- x (before)`, `+++ x (now)`, hunks) into
 * classified lines with their line numbers, so the page can colour added and removed lines and
 * say which is which without relying on colour alone. A hunk's lines are counted by its header,
 * so a text line such as `--- x` (a markdown rule) inside a hunk is never taken for a header.
 * Lines outside hunks other than the file headers (`=====` separators) are left out; `\ No
 * newline…` becomes a note.
 */
export function parseUnifiedDiff(diff: string): DiffLine[] {
  const lines: DiffLine[] = [];
  let oldLine = 0;
  let newLine = 0;
  // Lines of the current hunk still to come, old and new side (0 and 0: outside a hunk).
  let oldLeft = 0;
  let newLeft = 0;
  for (const raw of diff.replace(/\n$/, '').split('\n')) {
    const inHunk = oldLeft > 0 || newLeft > 0;
    const hunk = inHunk ? null : HUNK.exec(raw);
    if (hunk) {
      oldLine = Number(hunk[1]);
      newLine = Number(hunk[3]);
      oldLeft = hunk[2] === undefined ? 1 : Number(hunk[2]);
      newLeft = hunk[4] === undefined ? 1 : Number(hunk[4]);
      lines.push({ kind: 'hunk', text: raw, oldLine: null, newLine: null });
    } else if (raw.startsWith('\\')) {
      lines.push({ kind: 'note', text: raw.slice(1).trim(), oldLine: null, newLine: null });
    } else if (!inHunk) {
      if (raw.startsWith('--- ') || raw.startsWith('+++ '))
        lines.push({ kind: 'file', text: raw.slice(4).trim(), oldLine: null, newLine: null });
    } else if (raw.startsWith('+')) {
      newLeft--;
      lines.push({ kind: 'add', text: raw.slice(1), oldLine: null, newLine: newLine++ });
    } else if (raw.startsWith('-')) {
      oldLeft--;
      lines.push({ kind: 'del', text: raw.slice(1), oldLine: oldLine++, newLine: null });
    } else {
      oldLeft--;
      newLeft--;
      lines.push({ kind: 'context', text: raw.slice(1), oldLine: oldLine++, newLine: newLine++ });
    }
  }
  return lines;
}

/** Counts of added and removed lines, for a "+3 −1" summary. */
export function diffStats(lines: DiffLine[]): { added: number; removed: number } {
  return {
    added: lines.filter((l) => l.kind === 'add').length,
    removed: lines.filter((l) => l.kind === 'del').length,
  };
}

/**
 * A `compare` parameter (`1..3`) as two version numbers, older first; null when it is not two
 * distinct versions the article has.
 */
export function parseCompare(value: string | null, currentVersion: number): { from: number; to: number } | null {
  const match = /^(\d{1,6})\.\.(\d{1,6})$/.exec(value ?? '');
  if (!match) return null;
  const [a, b] = [Number(match[1]), Number(match[2])];
  if (a === b || Math.min(a, b) < 1 || Math.max(a, b) > currentVersion) return null;
  return { from: Math.min(a, b), to: Math.max(a, b) };
}
