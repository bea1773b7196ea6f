import { useEffect, useState } from 'react';

/** How long typing must pause before suggestions are asked for. */
export const SUGGEST_DEBOUNCE_MS = 200;

/**
 * JSON from `href` (a composer resource route) once typing pauses; null while there is nothing
 * to ask (href null) or the answer failed. Earlier requests are aborted, so an old answer never
 * replaces a newer one.
 */
export function useSuggestions<T>(href: string | null): T | null {
  const [result, setResult] = useState<{ href: string; data: T } | null>(null);
  useEffect(() => {
    if (!href) return;
    const abort = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(href, { signal: abort.signal, headers: { accept: 'application/json' } });
        if (res.ok) setResult({ href, data: (await res.json()) as T });
      } catch {
        // Suggestions are a convenience: without them the member types the whole name.
      }
    }, SUGGEST_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [href]);
  return href && result?.href === href ? result.data : null;
}
