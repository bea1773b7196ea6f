import { useEffect, useState } from 'react';

/** How long typing must pause before the preview is asked for again. */
export const PREVIEW_DEBOUNCE_MS = 350;

export type PreviewState =
  | { status: 'idle' | 'loading'; html: string | null; error: null }
  | { status: 'done'; html: string; error: null }
  | { status: 'failed'; html: string | null; error: string };

/**
 * The body rendered by the API (through /composer/preview, the same renderer and sanitizer as
 * stored posts), asked for once typing pauses and only while the preview is shown. The last
 * good preview stays up while the next one loads.
 */
export function usePreview(body: string, shown: boolean): PreviewState {
  const [state, setState] = useState<PreviewState>({ status: 'idle', html: null, error: null });
  useEffect(() => {
    if (!shown) return;
    if (body.trim() === '') {
      setState({ status: 'done', html: '', error: null });
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(async () => {
      setState((s) => ({ status: 'loading', html: s.html, error: null }));
      try {
        const form = new FormData();
        form.set('body', body);
        const res = await fetch('/composer/preview', { method: 'POST', body: form, signal: abort.signal });
        const json = (await res.json()) as { html?: string; error?: { message: string } };
        if (res.ok && typeof json.html === 'string') setState({ status: 'done', html: json.html, error: null });
        else setState((s) => ({ status: 'failed', html: s.html, error: json.error?.message ?? 'The preview failed.' }));
      } catch {
        if (!abort.signal.aborted) {
          setState((s) => ({ status: 'failed', html: s.html, error: 'The preview could not be loaded.' }));
        }
      }
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [body, shown]);
  return state;
}
