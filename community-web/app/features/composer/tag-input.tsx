import { useEffect, useId, useRef, useState } from 'react';
import { FieldError } from '../../components/ui/field';
import { useHydrated } from '../../lib/use-hydrated';
import { setControlValue } from './form-fields';
import { useSuggestions } from './use-suggestions';

interface TagSuggestion {
  name: string;
  threadCount: number;
}
interface NewTag {
  name: string;
  allowed: boolean;
  reason: string | null;
  reputationNeeded: number;
}
interface TagAnswer {
  tags: TagSuggestion[];
  newTag: NewTag | null;
}

/** The tags typed so far, as the API will store them (lower case, spaces as -). */
const tokens = (value: string) =>
  value
    .split(',')
    .map((t) => t.trim().toLowerCase().replace(/\s+/g, '-'))
    .filter((t) => t !== '');

/** What the member is typing now: the text after the last comma. */
const typing = (value: string) => value.slice(value.lastIndexOf(',') + 1).trim();

const inputClass =
  'mt-1 block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-brand-500';

/**
 * The comma-separated tags field. Without JavaScript, a plain input. With it, an ARIA combobox:
 * existing tags starting with what is typed, with their use counts (arrows, Enter or Tab to
 * pick, Escape to close), and, for each tag typed that does not exist yet, a note saying so
 * before anything is posted: whether it will be created, or that the member needs more
 * reputation to create tags.
 */
export function TagInput({
  label,
  name,
  defaultValue = '',
  error,
  hint,
}: {
  label: string;
  name: string;
  defaultValue?: string;
  error?: string;
  hint?: string;
}) {
  const id = useId();
  const hydrated = useHydrated();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(defaultValue);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  /** What the API said of each tag typed: the notes stay for tags already past their comma. */
  const [known, setKnown] = useState<Record<string, NewTag | null>>({});

  useEffect(() => {
    if (input.current) setValue(input.current.value);
  }, []);

  const current = typing(value);
  const checking = tokens(value).find((t) => !(t in known));
  const lookup = hydrated ? (open && current ? current : checking) : undefined;
  const answer = useSuggestions<TagAnswer>(lookup ? `/composer/tags?prefix=${encodeURIComponent(lookup)}` : null);
  useEffect(() => {
    if (!answer || !lookup) return;
    const name = tokens(lookup)[0];
    if (name !== undefined) setKnown((k) => (name in k ? k : { ...k, [name]: answer.newTag }));
  }, [answer, lookup]);

  const suggestions = open && current && lookup === current ? (answer?.tags ?? []) : [];
  const typed = new Set(tokens(value));
  // Tags already typed in full have nothing left to complete.
  const shown = suggestions.filter((s) => !typed.has(s.name));
  const listOpen = shown.length > 0;
  const listId = `${id}-list`;
  useEffect(() => setActive(0), [current, shown.length]);

  const pick = (tag: string) => {
    const el = input.current;
    if (!el) return;
    const before = el.value.slice(0, el.value.lastIndexOf(',') + 1);
    setControlValue(el, `${before ? `${before} ` : ''}${tag}, `.replace(/^\s+/, ''));
    setValue(el.value);
    setOpen(false);
    el.focus();
  };

  const notes = tokens(value)
    .map((t) => known[t])
    .filter((n): n is NewTag => !!n);
  const describedBy = [error ? `${id}-error` : hint ? `${id}-hint` : null, notes.length > 0 ? `${id}-new` : null]
    .filter(Boolean)
    .join(' ');

  return (
    <div className="relative">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        ref={input}
        id={id}
        name={name}
        defaultValue={defaultValue}
        autoComplete="off"
        role={hydrated ? 'combobox' : undefined}
        aria-autocomplete={hydrated ? 'list' : undefined}
        aria-expanded={hydrated ? listOpen : undefined}
        aria-controls={hydrated ? listId : undefined}
        aria-activedescendant={listOpen ? `${listId}-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={`${inputClass} ${error ? 'border-red-400' : 'border-slate-300'}`}
        data-testid="tag-input"
        onInput={(event) => {
          setValue(event.currentTarget.value);
          // A restored draft sets the value too: only typing opens the list.
          setOpen(document.activeElement === event.currentTarget);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => {
          if (!listOpen) {
            if (event.key === 'ArrowDown' && current) setOpen(true);
            return;
          }
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            const step = event.key === 'ArrowDown' ? 1 : -1;
            setActive((i) => (i + step + shown.length) % shown.length);
          } else if (event.key === 'Enter' || (event.key === 'Tab' && !event.shiftKey)) {
            event.preventDefault();
            pick(shown[active]!.name);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            setOpen(false);
          }
        }}
      />
      {hydrated ? (
        <ul
          id={listId}
          role="listbox"
          aria-label="Tag suggestions"
          hidden={!listOpen}
          className="absolute left-0 z-20 mt-1 max-h-60 w-72 max-w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
          data-testid="tag-suggestions"
        >
          {shown.map((tag, i) => (
            <li
              key={tag.name}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={`flex cursor-pointer items-center justify-between gap-3 px-3 py-1.5 ${
                i === active ? 'bg-brand-50 text-slate-900' : 'text-slate-700'
              }`}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(tag.name)}
            >
              <span className="font-medium">{tag.name}</span>
              <span className="text-xs text-slate-600">
                {tag.threadCount.toLocaleString('en')} {tag.threadCount === 1 ? 'thread' : 'threads'}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {hint && !error ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} error={error} />
      {hydrated ? (
        <div id={`${id}-new`} aria-live="polite" className="space-y-1">
          {notes.map((note) => (
            <p
              key={note.name}
              className={`text-sm ${note.allowed ? 'text-slate-700' : 'text-amber-800'}`}
              data-testid="new-tag-notice"
              data-allowed={note.allowed}
            >
              <span className="font-semibold">New tag “{note.name}”</span>
              {note.allowed
                ? ' — it will be created when you post.'
                : ` — you need ${note.reputationNeeded.toLocaleString('en')} reputation to create tags. Pick an existing tag instead.`}
            </p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
