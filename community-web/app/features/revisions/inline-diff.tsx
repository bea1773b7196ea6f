import type { DiffPart } from './word-diff';

/**
 * An inline word diff: insertions in <ins> (green, underlined), deletions in <del> (red, struck
 * through). Not by colour alone: the underline and strike-through show it, and screen readers
 * hear "added" and "removed" around each run (app.css, `.word-diff`).
 */
export function InlineDiff({ parts, className = '' }: { parts: DiffPart[]; className?: string }) {
  return (
    <div className={`word-diff whitespace-pre-wrap break-words ${className}`}>
      {parts.map((part, i) =>
        part.kind === 'ins' ? (
          <ins key={i}>{part.text}</ins>
        ) : part.kind === 'del' ? (
          <del key={i}>{part.text}</del>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </div>
  );
}
