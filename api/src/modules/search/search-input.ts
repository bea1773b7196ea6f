import { ValidationError } from '../../platform/errors.js';
import { visibleText } from '../../platform/text.js';

export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_WORDS = 16;
export const MAX_FILTER_TAGS = 5;
export const MAX_SEARCH_PAGE = 50;
/** Of a question's body, only the start says what it is about (and keeps the query small). */
const SIMILAR_BODY_LENGTH = 500;

/**
 * What a person typed, as text an engine may be given: invisible and control characters gone
 * (NUL included), whitespace runs as one space. Longer than 200 characters or 16 words is
 * BAD_USER_INPUT naming `field`; engines parse operators themselves (quotes, `-`, `or`) and treat
 * every other symbol as a separator, so nothing else needs escaping.
 */
export function normaliseQuery(raw: string, field = 'query'): string {
  const text = visibleText(raw);
  if (text === '') throw new ValidationError({ [field]: 'Type a word or two to search for.' });
  if ([...text].length > MAX_QUERY_LENGTH) {
    throw new ValidationError({ [field]: `Search for at most ${MAX_QUERY_LENGTH} characters.` });
  }
  if (text.split(' ').length > MAX_QUERY_WORDS) {
    throw new ValidationError({ [field]: `Search for at most ${MAX_QUERY_WORDS} words.` });
  }
  return text;
}

/** A question being asked, as text to compare: its title bounded as a query, the body's start. */
export function normaliseQuestion(title: string, body: string | null | undefined): { title: string; body: string } {
  const words = visibleText(title).split(' ').slice(0, MAX_QUERY_WORDS).join(' ');
  const bounded = [...words].slice(0, MAX_QUERY_LENGTH).join('');
  if (bounded === '') throw new ValidationError({ title: 'Type a title to find similar questions.' });
  return { title: bounded, body: [...visibleText(body ?? '')].slice(0, SIMILAR_BODY_LENGTH).join('') };
}

/** `first` for search: 1–50, default 20. */
export function searchPageSize(first: number | null | undefined, fallback = 20): number {
  if (first === null || first === undefined) return fallback;
  if (!Number.isInteger(first) || first < 1 || first > MAX_SEARCH_PAGE) {
    throw new ValidationError({ first: `first must be between 1 and ${MAX_SEARCH_PAGE}.` });
  }
  return first;
}
