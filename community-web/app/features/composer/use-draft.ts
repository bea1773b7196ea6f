import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigation } from 'react-router';
import { namedControl, setControlValue } from './form-fields';

/** How long typing must pause before the draft is written. */
export const DRAFT_DEBOUNCE_MS = 500;
const PREFIX = 'hearth.draft.';

interface StoredDraft {
  body: string;
  fields: Record<string, string>;
  savedAt: string;
}

export type DraftStatus = 'none' | 'saved' | 'restored';

function read(key: string): StoredDraft | null {
  try {
    const raw = window.localStorage.getItem(PREFIX + key);
    const parsed = raw ? (JSON.parse(raw) as StoredDraft) : null;
    return parsed && typeof parsed.body === 'string' ? { ...parsed, fields: parsed.fields ?? {} } : null;
  } catch {
    return null;
  }
}

function remove(key: string) {
  try {
    window.localStorage.removeItem(PREFIX + key);
  } catch {
    // Storage disabled (private mode, policy): drafts are a convenience, never an error.
  }
}

/**
 * A local draft of one composer (and of `fields`, other controls of its form by name, e.g. the
 * ask form's title and tags), in localStorage under `key` (one per form and thread or post):
 * written once typing pauses, restored when the form is opened again, dropped when it matches
 * what the form started with, when the member discards it, and when the form was submitted
 * and the action succeeded (it redirected elsewhere, or answered without an error:
 * `submitFailed` false).
 */
export function useDraft(opts: {
  key: string | undefined;
  textarea: React.RefObject<HTMLTextAreaElement | null>;
  fields: readonly string[];
  submitFailed: boolean;
  /** Called after a restore or a discard changed the body. */
  onBodyChange: (body: string) => void;
}) {
  const { key, textarea, fields, submitFailed, onBodyChange } = opts;
  const [status, setStatus] = useState<DraftStatus>('none');
  const initial = useRef<StoredDraft | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const submitted = useRef(false);
  const navigation = useNavigation();
  const location = useLocation();

  const snapshot = useCallback((): StoredDraft | null => {
    const area = textarea.current;
    if (!area) return null;
    const values: Record<string, string> = {};
    for (const name of fields) values[name] = namedControl(area.form, name)?.value ?? '';
    return { body: area.value, fields: values, savedAt: new Date().toISOString() };
  }, [textarea, fields]);

  const save = useCallback(() => {
    if (!key) return;
    const now = snapshot();
    const start = initial.current;
    if (!now || !start) return;
    const unchanged = now.body === start.body && fields.every((f) => now.fields[f] === start.fields[f]);
    try {
      if (unchanged) window.localStorage.removeItem(PREFIX + key);
      else window.localStorage.setItem(PREFIX + key, JSON.stringify(now));
      setStatus(unchanged ? 'none' : 'saved');
    } catch {
      setStatus('none');
    }
  }, [key, snapshot, fields]);

  const apply = useCallback(
    (draft: StoredDraft) => {
      const area = textarea.current;
      if (!area) return;
      for (const name of fields) {
        const control = namedControl(area.form, name);
        const value = draft.fields[name];
        if (control && value !== undefined && control.value !== value) setControlValue(control, value);
      }
      if (area.value !== draft.body) setControlValue(area, draft.body);
      onBodyChange(draft.body);
    },
    [textarea, fields, onBodyChange],
  );

  // Once, after hydration: remember what the form started with, then bring a draft back.
  useEffect(() => {
    if (!key) return;
    initial.current = snapshot();
    const stored = read(key);
    const start = initial.current;
    if (stored && start && (stored.body !== start.body || fields.some((f) => stored.fields[f] !== start.fields[f]))) {
      apply(stored);
      setStatus('restored');
    }
    const form = textarea.current?.form;
    if (!form) return;
    const onInput = (event: Event) => {
      const target = event.target as HTMLInputElement | HTMLTextAreaElement;
      if (target !== textarea.current && !fields.includes(target.name)) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(save, DRAFT_DEBOUNCE_MS);
    };
    const onSubmit = () => {
      submitted.current = true;
    };
    form.addEventListener('input', onInput);
    form.addEventListener('submit', onSubmit);
    return () => {
      clearTimeout(timer.current);
      form.removeEventListener('input', onInput);
      form.removeEventListener('submit', onSubmit);
    };
    // The key and the form are fixed for the composer's life.
  }, [key]);

  // A submission that went elsewhere (the new thread, the post after an edit) succeeded; one
  // that came back to this page succeeded unless the action answered with an error.
  const leaving =
    navigation.state === 'loading' &&
    navigation.formData !== undefined &&
    navigation.location.pathname + navigation.location.search !== location.pathname + location.search;
  useEffect(() => {
    if (!key || !submitted.current) return;
    if (leaving || (navigation.state === 'idle' && !submitFailed)) {
      clearTimeout(timer.current);
      remove(key);
      setStatus('none');
      initial.current = { body: '', fields: {}, savedAt: '' };
      submitted.current = false;
    } else if (navigation.state === 'idle') {
      submitted.current = false;
    }
  }, [key, leaving, navigation.state, submitFailed]);

  const discard = useCallback(() => {
    if (!key) return;
    clearTimeout(timer.current);
    remove(key);
    if (initial.current) apply(initial.current);
    setStatus('none');
  }, [key, apply]);

  return { status, discard };
}
