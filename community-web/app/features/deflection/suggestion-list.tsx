import { openHref, type Suggestion } from './session';

/**
 * Suggestions while asking: each opens (in the same tab) through /ask/open, which records the
 * click for the ask session and redirects to the thread or article.
 */
export function SuggestionList({ session, suggestions }: { session: string; suggestions: Suggestion[] }) {
  return (
    <ul className="divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 bg-white">
      {suggestions.map((s) => (
        <li key={`${s.kind}:${s.id}`} className="px-3 py-2.5 text-sm" data-testid="suggestion">
          <a href={openHref(session, s.kind, s.id)} className="break-words font-medium text-brand-700 hover:underline">
            {s.title}
          </a>
          <div className="mt-0.5 text-xs text-slate-600">
            {s.kind === 'ARTICLE' ? (
              <span className="font-medium text-violet-800">Knowledge article</span>
            ) : (
              <span className="font-medium text-emerald-800">
                <span aria-hidden>✓ </span>Solved question
              </span>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
