import { useEffect, useState } from 'react';
import { useHydrated } from '../../lib/use-hydrated';
import { MIN_TITLE_FOR_SUGGESTIONS, similarHref, type Suggestion } from './session';
import { SuggestionList } from './suggestion-list';

/** How long typing must pause before suggestions are fetched. */
export const SUGGEST_DEBOUNCE_MS = 300;

type State = { status: 'idle' | 'loading' | 'done' | 'failed'; suggestions: Suggestion[] };

/**
 * Similar solved questions and articles beside the ask form (below it on phones), fetched from
 * /ask/similar once typing pauses; each list shown is recorded for the ask session by that
 * route. Without JavaScript it renders nothing: the ask action's check step stands in for it.
 */
export function LiveSuggestions({ session, title, body }: { session: string; title: string; body: string }) {
  const hydrated = useHydrated();
  const [state, setState] = useState<State>({ status: 'idle', suggestions: [] });
  const ready = title.trim().length >= MIN_TITLE_FOR_SUGGESTIONS;
  const href = ready ? similarHref(session, title, body) : null;

  useEffect(() => {
    if (!href) return;
    const abort = new AbortController();
    const timer = setTimeout(async () => {
      setState((s) => ({ ...s, status: 'loading' }));
      try {
        const res = await fetch(href, { signal: abort.signal, headers: { accept: 'application/json' } });
        const json = (await res.json()) as { suggestions?: Suggestion[] };
        setState({ status: res.ok ? 'done' : 'failed', suggestions: json.suggestions ?? [] });
      } catch {
        if (!abort.signal.aborted) setState((s) => ({ ...s, status: 'failed' }));
      }
    }, SUGGEST_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [href]);

  if (!hydrated) return null;
  const shown = ready ? state.suggestions : [];
  return (
    // On phones the panel comes after the form: it only takes room there once it has something.
    <aside
      aria-labelledby="similar-heading"
      className={`min-w-0 lg:block lg:pt-16 ${shown.length > 0 ? '' : 'hidden'}`}
      data-testid="live-suggestions"
    >
      <h2 id="similar-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
        Similar questions
      </h2>
      <div aria-live="polite" className="mt-2">
        {shown.length > 0 ? (
          <>
            <p className="mb-2 text-sm text-slate-700">Solved questions and articles that may already answer yours:</p>
            <SuggestionList session={session} suggestions={shown} />
          </>
        ) : (
          <p className="text-sm text-slate-600">
            {!ready
              ? 'Start with your title: solved questions and articles like it appear here.'
              : state.status === 'loading'
                ? 'Looking for similar questions…'
                : state.status === 'done'
                  ? 'No similar solved questions yet.'
                  : ''}
          </p>
        )}
      </div>
    </aside>
  );
}
