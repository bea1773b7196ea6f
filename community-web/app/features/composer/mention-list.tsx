export interface MentionCandidate {
  id: string;
  handle: string;
  reputation: number;
}

/**
 * Handles to mention, under the textarea while an `@handle` is typed (ARIA listbox; the
 * textarea keeps focus and points at the active option with aria-activedescendant).
 */
export function MentionList({
  id,
  members,
  active,
  onPick,
}: {
  id: string;
  members: MentionCandidate[];
  active: number;
  onPick: (handle: string) => void;
}) {
  return (
    <ul
      id={id}
      role="listbox"
      aria-label="Members to mention"
      className="absolute left-0 top-full z-20 mt-1 max-h-60 w-64 max-w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
      data-testid="mention-list"
    >
      {members.map((m, i) => (
        <li
          key={m.id}
          id={`${id}-${i}`}
          role="option"
          aria-selected={i === active}
          className={`flex cursor-pointer items-center justify-between gap-3 px-3 py-1.5 ${
            i === active ? 'bg-brand-50 text-slate-900' : 'text-slate-700'
          }`}
          // Keep focus (and the caret) in the textarea.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onPick(m.handle)}
        >
          <span className="font-medium">@{m.handle}</span>
          <span className="text-xs text-slate-600">{m.reputation.toLocaleString('en')} rep</span>
        </li>
      ))}
    </ul>
  );
}
