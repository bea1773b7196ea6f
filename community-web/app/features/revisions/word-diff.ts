import { diffWordsWithSpace } from 'diff';

/** A run of text that both versions share, or that one of them added or removed. */
export interface DiffPart {
  kind: 'same' | 'ins' | 'del';
  text: string;
}

/**
 * The word-level difference from `before` to `after`, as Stack Overflow shows an edit inline:
 * whitespace kept (markdown line breaks matter), removed runs before the runs that replace them.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWordsWithSpace(before, after).map((change) => ({
    kind: change.added ? 'ins' : change.removed ? 'del' : 'same',
    text: change.value,
  }));
}

/** Whether any part changed. */
export const hasChanges = (parts: DiffPart[]) => parts.some((p) => p.kind !== 'same');

/** Tags added and removed from one revision to the next, each in the order the editor left them. */
export function tagChanges(before: string[], after: string[]): { added: string[]; removed: string[] } {
  return { added: after.filter((t) => !before.includes(t)), removed: before.filter((t) => !after.includes(t)) };
}
