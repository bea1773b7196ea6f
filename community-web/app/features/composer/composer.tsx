import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { FieldError } from '../../components/ui/field';
import { useHydrated } from '../../lib/use-hydrated';
import { setControlValue } from './form-fields';
import { insertMention, mentionAt, type Edit } from './markdown-edits';
import { MentionList, type MentionCandidate } from './mention-list';
import { Toolbar, toolForShortcut } from './toolbar';
import { useDraft } from './use-draft';
import { usePreview } from './use-preview';
import { useSuggestions } from './use-suggestions';

interface ComposerProps extends Omit<
  React.TextareaHTMLAttributes<HTMLTextAreaElement>,
  'defaultValue' | 'value' | 'className'
> {
  label: string;
  name: string;
  defaultValue?: string;
  error?: string;
  hint?: string;
  /** Saves a local draft under this key (one per form and thread or post); none without it. */
  draftKey?: string;
  /** Other controls of the form, by name, saved and restored with the draft (the ask form's title and tags). */
  draftFields?: readonly string[];
  /** The last submission came back with an error: keep the draft. */
  submitFailed?: boolean;
}

const textareaClass =
  'block w-full border bg-white px-3 py-2 font-mono text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-brand-500';

/**
 * Replaces the text with `next` as one edit the browser can undo (insertText on the changed
 * span), falling back to setting the value; then selects what `next` selects.
 */
function applyEdit(area: HTMLTextAreaElement, next: Edit) {
  const old = area.value;
  let a = 0;
  while (a < old.length && a < next.text.length && old[a] === next.text[a]) a++;
  let b = 0;
  while (
    b < old.length - a &&
    b < next.text.length - a &&
    old[old.length - 1 - b] === next.text[next.text.length - 1 - b]
  )
    b++;
  area.focus();
  area.setSelectionRange(a, old.length - b);
  const inserted = next.text.slice(a, next.text.length - b);
  const done = inserted === '' ? document.execCommand('delete') : document.execCommand('insertText', false, inserted);
  if (!done || area.value !== next.text) setControlValue(area, next.text);
  area.setSelectionRange(next.start, next.end);
}

/**
 * The markdown composer of the ask, reply and edit forms. Without JavaScript it is the plain
 * labelled textarea, posting as before. With it: a formatting toolbar (Ctrl/Cmd+B, I, K), Write
 * and Preview tabs (side by side on wide screens, if the member wants), the preview rendered by
 * the API as the post would be stored, `@handle` suggestions, and a local draft. The textarea
 * stays the same element throughout, so what was typed before the page hydrated is kept.
 */
export function Composer({
  label,
  name,
  defaultValue = '',
  error,
  hint,
  draftKey,
  draftFields = [],
  submitFailed = false,
  ...textarea
}: ComposerProps) {
  const id = useId();
  const hydrated = useHydrated();
  const area = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(defaultValue);
  const [cursor, setCursor] = useState<number | null>(null);
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const [sideBySide, setSideBySide] = useState(false);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);

  const sync = useCallback(() => {
    const el = area.current;
    if (!el) return;
    setText(el.value);
    setCursor(el.selectionStart === el.selectionEnd ? el.selectionStart : null);
  }, []);
  const draft = useDraft({ key: draftKey, textarea: area, fields: draftFields, submitFailed, onBodyChange: setText });

  // What was typed before hydration counts; a form reset (after a reply went through) empties it.
  useEffect(() => {
    sync();
    const form = area.current?.form;
    const onReset = () => setTimeout(sync, 0);
    form?.addEventListener('reset', onReset);
    return () => form?.removeEventListener('reset', onReset);
  }, [sync]);

  const previewShown = hydrated && (tab === 'preview' || sideBySide);
  const preview = usePreview(text, previewShown);

  const mention = cursor === null ? null : mentionAt(text, cursor);
  const mentionHref =
    mention && mention.prefix.length > 0 && dismissedAt !== mention.start
      ? `/composer/members?prefix=${encodeURIComponent(mention.prefix)}`
      : null;
  const members = useSuggestions<{ members: MentionCandidate[] }>(mentionHref)?.members ?? [];
  const listOpen = mentionHref !== null && members.length > 0 && (tab === 'write' || sideBySide);
  const listId = `${id}-mentions`;
  useEffect(() => setActive(0), [mentionHref, members.length]);

  const edit = (make: (e: Edit) => Edit) => {
    const el = area.current;
    if (!el) return;
    if (tab === 'preview' && !sideBySide) setTab('write');
    applyEdit(el, make({ text: el.value, start: el.selectionStart, end: el.selectionEnd }));
    sync();
  };
  const pick = (handle: string) => {
    if (mention) edit((e) => insertMention(e, mention.start, handle));
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (listOpen) {
      const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };
      if (event.key in moves) {
        event.preventDefault();
        setActive((i) => (i + moves[event.key]! + members.length) % members.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        pick(members[active]!.handle);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setDismissedAt(mention!.start);
        return;
      }
    }
    const tool = toolForShortcut(event);
    if (tool) {
      event.preventDefault();
      edit(tool.apply);
    }
  };

  const tabButton = (which: 'write' | 'preview', text: string) => (
    <button
      type="button"
      role="tab"
      id={`${id}-tab-${which}`}
      aria-selected={tab === which}
      aria-controls={which === 'write' ? `${id}-write` : `${id}-preview`}
      tabIndex={tab === which ? 0 : -1}
      className={`rounded px-3 py-1 text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand-600 ${
        tab === which ? 'bg-white text-slate-900 shadow-sm' : 'text-slate-600 hover:text-slate-900'
      }`}
      onClick={() => setTab(which)}
      onKeyDown={(event) => {
        if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
        const other = which === 'write' ? 'preview' : 'write';
        setTab(other);
        document.getElementById(`${id}-tab-${other}`)?.focus();
      }}
    >
      {text}
    </button>
  );

  const describedBy = [error ? `${id}-error` : hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  const writeHidden = hydrated && tab === 'preview' && !sideBySide;
  return (
    <div data-testid="composer" data-enhanced={hydrated ? 'true' : undefined}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {hydrated ? (
        <div className="mt-1 flex flex-wrap items-center justify-between gap-x-2 gap-y-1 rounded-t-md border border-b-0 border-slate-300 bg-slate-50 p-1">
          <div role="tablist" aria-label="Write or preview" className="flex gap-1">
            {tabButton('write', 'Write')}
            {tabButton('preview', 'Preview')}
          </div>
          <Toolbar label="Formatting" onTool={(tool) => edit(tool.apply)} />
          <button
            type="button"
            aria-pressed={sideBySide}
            className="hidden rounded px-2 py-1 text-xs text-slate-600 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600 lg:inline-block"
            onClick={() => setSideBySide((v) => !v)}
          >
            Side by side
          </button>
        </div>
      ) : null}
      <div className={sideBySide ? 'grid gap-3 lg:grid-cols-2' : undefined}>
        <div
          id={`${id}-write`}
          role={hydrated ? 'tabpanel' : undefined}
          aria-labelledby={hydrated ? `${id}-tab-write` : undefined}
          className={`relative ${writeHidden ? 'hidden' : ''}`}
        >
          <textarea
            ref={area}
            id={id}
            name={name}
            defaultValue={defaultValue}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            aria-autocomplete={hydrated ? 'list' : undefined}
            aria-controls={listOpen ? listId : undefined}
            aria-activedescendant={listOpen ? `${listId}-${active}` : undefined}
            className={`${textareaClass} ${hydrated ? 'rounded-b-md' : 'mt-1 rounded-md'} ${
              error ? 'border-red-400' : 'border-slate-300'
            }`}
            onInput={sync}
            onKeyDown={onKeyDown}
            onKeyUp={(event) => {
              if (!['ArrowDown', 'ArrowUp', 'Enter', 'Tab', 'Escape'].includes(event.key)) sync();
            }}
            onClick={sync}
            onInvalid={() => setTab('write')}
            {...textarea}
          />
          {listOpen ? <MentionList id={listId} members={members} active={active} onPick={pick} /> : null}
        </div>
        {previewShown ? (
          <div
            id={`${id}-preview`}
            role="tabpanel"
            aria-labelledby={`${id}-tab-preview`}
            aria-busy={preview.status === 'loading'}
            className={`min-h-32 min-w-0 overflow-x-auto rounded-b-md border border-slate-300 bg-white px-3 py-2 ${
              sideBySide ? 'lg:rounded-md' : ''
            }`}
            data-testid="composer-preview"
          >
            {preview.error ? (
              <p role="alert" className="mb-2 text-sm text-red-700">
                {preview.error}
              </p>
            ) : null}
            {preview.html === '' ? (
              <p className="text-sm text-slate-600">Nothing to preview yet.</p>
            ) : preview.html === null ? (
              <p className="text-sm text-slate-600">Rendering the preview…</p>
            ) : (
              // Rendered and sanitized by the API exactly as the post will be stored.
              <div className="prose-post" dangerouslySetInnerHTML={{ __html: preview.html }} />
            )}
          </div>
        ) : null}
      </div>
      {hint && !error ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} error={error} />
      {hydrated && draftKey ? (
        <div aria-live="polite" className="flex min-h-6 flex-wrap items-center gap-x-3 text-xs text-slate-600">
          {draft.status !== 'none' ? (
            <>
              <span data-testid="draft-status">{draft.status === 'restored' ? 'Draft restored' : 'Draft saved'}</span>
              <button
                type="button"
                className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-600"
                onClick={draft.discard}
              >
                Discard draft
              </button>
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
