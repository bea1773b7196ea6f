/**
 * Ask sessions: one random id per visit to the ask form, under which the API logs the
 * suggestions shown and opened and whether the question was posted (deflection). The form
 * keeps it in a hidden field, so it survives a round-trip without JavaScript.
 */

/** The API's rule (knowledge/deflection.ts): 16–64 characters of A–Z, a–z, 0–9, _ or -. */
export const ASK_SESSION = /^[A-Za-z0-9_-]{16,64}$/;

export const isAskSessionId = (value: unknown): value is string => typeof value === 'string' && ASK_SESSION.test(value);

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** A new session id: 22 characters from 64 symbols (132 random bits), from the platform's CSPRNG. */
export function newAskSessionId(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(22));
  return Array.from(bytes, (b) => ALPHABET[b & 63]).join('');
}

/** The kinds of suggestion, and where each opens in the web app. */
export type SuggestionKind = 'THREAD' | 'ARTICLE';

export const isSuggestionKind = (value: unknown): value is SuggestionKind => value === 'THREAD' || value === 'ARTICLE';

/** The page a suggestion opens: a thread or a knowledge article. */
export const suggestionTarget = (kind: SuggestionKind, id: string) => (kind === 'THREAD' ? `/t/${id}` : `/kb/${id}`);

/**
 * The link a suggestion opens through: /ask/open records the click for the session, then
 * redirects to the target (with and without JavaScript, in the same tab).
 */
export function openHref(session: string, kind: SuggestionKind, id: string): string {
  const params = new URLSearchParams({ session, kind, id });
  return `/ask/open?${params}`;
}

/**
 * A suggestion's kind and id from a SearchHit's url (`/t/12`, `/kb/3`); null for anything else
 * (similarQuestions only returns threads and articles).
 */
export function suggestionOf(url: string): { kind: SuggestionKind; id: string } | null {
  const match = /^\/(t|kb)\/(\d{1,10})(?:[#?].*)?$/.exec(url);
  if (!match) return null;
  return { kind: match[1] === 't' ? 'THREAD' : 'ARTICLE', id: match[2]! };
}

/** A suggestion as the ask form shows it (from a SearchHit of similarQuestions). */
export interface Suggestion {
  kind: SuggestionKind;
  id: string;
  title: string;
  /** Where it is: /t/12 or /kb/3. */
  url: string;
  solved: boolean;
}

/** Suggestions from similarQuestions' hits; anything that is not a thread or article is left out. */
export function toSuggestions(
  hits: readonly { kind: string; title: string; url: string; thread?: { status: string } | null }[],
): Suggestion[] {
  return hits.flatMap((hit) => {
    const ref = suggestionOf(hit.url);
    if (!ref || ref.kind !== hit.kind) return [];
    return [{ ...ref, title: hit.title, url: hit.url, solved: hit.thread?.status === 'ANSWERED' }];
  });
}

/** Titles this short find nothing useful: suggestions wait for a few words. */
export const MIN_TITLE_FOR_SUGGESTIONS = 8;
/** The body sent for suggestions: its start says what the question is about. */
export const SUGGESTION_BODY_LENGTH = 1000;

/** The resource route's address for suggestions while typing. */
export function similarHref(session: string, title: string, body: string): string {
  const params = new URLSearchParams({ session, title: title.trim() });
  const start = body.trim().slice(0, SUGGESTION_BODY_LENGTH);
  if (start) params.set('body', start);
  return `/ask/similar?${params}`;
}
