import type { SearchFilterInput, SearchKind, SearchSort } from '../../graphql/generated/graphql';
import { formatNumber, pluralize } from '../../lib/plural';

/** The kinds the search page filters by, as the URL names them. */
export const KIND_OPTIONS = {
  all: { label: 'All', kinds: null },
  questions: { label: 'Questions', kinds: ['THREAD'] },
  replies: { label: 'Replies', kinds: ['POST'] },
  articles: { label: 'Articles', kinds: ['ARTICLE'] },
  members: { label: 'Members', kinds: ['MEMBER'] },
} as const satisfies Record<string, { label: string; kinds: SearchKind[] | null }>;
export type KindOption = keyof typeof KIND_OPTIONS;

/** The date filter: how far back, in days (null: any time). */
export const DATE_OPTIONS = {
  any: { label: 'Any time', days: null },
  week: { label: 'Past week', days: 7 },
  month: { label: 'Past month', days: 30 },
  year: { label: 'Past year', days: 365 },
} as const satisfies Record<string, { label: string; days: number | null }>;
export type DateOption = keyof typeof DATE_OPTIONS;

export type SolvedOption = '' | 'solved' | 'unsolved';

/** Everything the search page reads from its URL, each value checked (unknown values fall back). */
export interface SearchState {
  q: string;
  kind: KindOption;
  category: string;
  tag: string;
  solved: SolvedOption;
  date: DateOption;
  sort: 'relevance' | 'newest';
  after: string | null;
}

/** The API's bounds (search-input.ts): longer text is cut here rather than refused there. */
export const MAX_QUERY_LENGTH = 200;
const MAX_TAG_LENGTH = 30;

const oneOf = <T extends string>(value: string | null, options: readonly T[], fallback: T): T =>
  options.includes(value as T) ? (value as T) : fallback;

/** The page's state from its query string; nothing in it can make the page fail. */
export function parseSearchParams(params: URLSearchParams): SearchState {
  const category = params.get('category') ?? '';
  return {
    q: (params.get('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH),
    kind: oneOf(params.get('kind'), Object.keys(KIND_OPTIONS) as KindOption[], 'all'),
    category: /^\d{1,9}$/.test(category) ? category : '',
    tag: (params.get('tag') ?? '').trim().toLowerCase().slice(0, MAX_TAG_LENGTH),
    solved: oneOf(params.get('solved'), ['', 'solved', 'unsolved'] as const, ''),
    date: oneOf(params.get('date'), Object.keys(DATE_OPTIONS) as DateOption[], 'any'),
    sort: oneOf(params.get('sort'), ['relevance', 'newest'] as const, 'relevance'),
    after: params.get('after') || null,
  };
}

/**
 * The `createdAfter` instant of a date filter: midnight UTC `days` days before `now`, so the
 * value (and the API's cache of the query) stays the same all day.
 */
export function createdAfter(date: DateOption, now: Date = new Date()): string | null {
  const days = DATE_OPTIONS[date].days;
  if (days === null) return null;
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - days * 86_400_000;
  return new Date(start).toISOString();
}

/** The API's filter and sort for a state. */
export function searchVariables(
  state: SearchState,
  now: Date = new Date(),
): { query: string; filter: SearchFilterInput; sort: SearchSort; after: string | null } {
  const kinds = KIND_OPTIONS[state.kind].kinds;
  return {
    query: state.q,
    filter: {
      kinds: kinds ? [...kinds] : null,
      categoryId: state.category || null,
      tags: state.tag ? [state.tag] : null,
      solved: state.solved === '' ? null : state.solved === 'solved',
      createdAfter: createdAfter(state.date, now),
    },
    sort: state.sort === 'newest' ? 'NEWEST' : 'RELEVANCE',
    after: state.after,
  };
}

/**
 * The search page's address for `state` with `changes` applied; defaults are left out, so
 * links stay short ("/search?q=sync"), and any change but `after` starts from the first page.
 */
export function searchHref(state: SearchState, changes: Partial<SearchState> = {}): string {
  const next = { ...state, after: null, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set('q', next.q);
  if (next.kind !== 'all') params.set('kind', next.kind);
  if (next.category) params.set('category', next.category);
  if (next.tag) params.set('tag', next.tag);
  if (next.solved) params.set('solved', next.solved);
  if (next.date !== 'any') params.set('date', next.date);
  if (next.sort !== 'relevance') params.set('sort', next.sort);
  if (next.after) params.set('after', next.after);
  const search = params.toString();
  return search ? `/search?${search}` : '/search';
}

/** "1 result", "12 results", "1,000+ results" (a capped total is not exact). */
export function totalLabel(total: { value: number; exact: boolean }): string {
  const count = `${formatNumber(total.value)}${total.exact ? '' : '+'}`;
  return `${count} ${pluralize(total.exact ? total.value : 2, 'result')}`;
}

/** Whether any filter narrows the search (the empty state then suggests clearing them). */
export const isFiltered = (s: SearchState) =>
  s.kind !== 'all' || !!s.category || !!s.tag || s.solved !== '' || s.date !== 'any';
