import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { data, Form, Link, useLoaderData } from 'react-router';
import { PageLinks } from '../components/ui/page-links';
import { SearchCategoriesQuery, SearchPageQuery } from '../features/search/documents';
import {
  DATE_OPTIONS,
  isFiltered,
  KIND_OPTIONS,
  MAX_QUERY_LENGTH,
  parseSearchParams,
  searchHref,
  searchVariables,
  totalLabel,
  type KindOption,
} from '../features/search/query';
import { SearchHitItem } from '../features/search/search-hit';
import { api } from '../graphql/client.server';
import { clearTokenHeader } from '../lib/session.server';
import type { Route } from './+types/search';

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data?.state.q ? `Search: ${data.state.q} · Hearth` : 'Search · Hearth' },
  { name: 'robots', content: 'noindex' },
];

/**
 * The search page, driven by its query string alone (a GET form), so it works without
 * JavaScript. Bad input the API refuses (BAD_USER_INPUT) is shown on the page, never as an
 * error page; an empty query shows how to search.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const state = parseSearchParams(new URL(request.url).searchParams);
  let headers: HeadersInit = {};
  const call = async <TData, TVars extends Record<string, unknown>>(
    doc: TypedDocumentNode<TData, TVars>,
    vars: TVars,
  ) => {
    const res = await api(request, doc, vars);
    if (!res.staleSession) return res;
    // An expired session: forget it and search as a visitor.
    headers = { 'set-cookie': await clearTokenHeader() };
    return api(request, doc, vars, { token: null });
  };
  const [categories, results] = await Promise.all([
    call(SearchCategoriesQuery, {}),
    state.q ? call(SearchPageQuery, searchVariables(state)) : null,
  ]);
  if (results?.error && results.error.code !== 'BAD_USER_INPUT') {
    throw data({ message: results.error.message }, { status: results.error.code === 'RATE_LIMITED' ? 429 : 500 });
  }
  return data(
    {
      state,
      categories: categories.data?.categories ?? [],
      search: results?.data?.search ?? null,
      problem: results?.error ? friendlyProblem(results.error.message, results.error.fields) : null,
    },
    { headers },
  );
}

/** The API's message for bad input, said for this page ("after" means a stale page link). */
function friendlyProblem(message: string, fields: Record<string, string>): string {
  if (fields.after) return 'That page of results is no longer available. Search again to start from the first page.';
  return message;
}

const selectClass =
  'mt-1 block h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 focus:outline-none focus:ring-2 focus:ring-brand-500';
const labelClass = 'block text-xs font-medium text-slate-700';

export default function SearchPage() {
  const { state, categories, search, problem } = useLoaderData<typeof loader>();
  const hits = search?.edges.map((e) => e.node) ?? [];
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">Search</h1>
      <Form method="get" action="/search" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex gap-2">
          <label htmlFor="search-q" className="sr-only">
            Search for
          </label>
          <input
            id="search-q"
            name="q"
            type="search"
            defaultValue={state.q}
            maxLength={MAX_QUERY_LENGTH}
            placeholder="Search questions, replies, articles and members"
            className="block min-w-0 flex-1 rounded-md border border-slate-300 px-3 py-2 text-sm text-slate-900 placeholder:text-slate-500 focus:outline-none focus:ring-2 focus:ring-brand-500"
          />
          <button
            type="submit"
            className="shrink-0 rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          >
            Search
          </button>
        </div>
        {/* The kind is chosen with the tabs below; a new search keeps it. */}
        {state.kind !== 'all' && <input type="hidden" name="kind" value={state.kind} />}
        {/* Closed until used, as Discourse's advanced search: the results come first. */}
        <details open={isFiltered(state) || state.sort !== 'relevance'} className="group">
          <summary className="cursor-pointer text-sm font-medium text-slate-700 hover:text-slate-900">
            Filters and sort
          </summary>
          <fieldset className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3 md:grid-cols-5">
            <legend className="sr-only">Filters</legend>
            <label className={labelClass}>
              Category
              <select name="category" defaultValue={state.category} className={selectClass}>
                <option value="">All</option>
                {categories.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <label className={labelClass}>
              Tag
              <input
                name="tag"
                defaultValue={state.tag}
                maxLength={30}
                placeholder="any"
                className={`${selectClass} placeholder:text-slate-500`}
              />
            </label>
            <label className={labelClass}>
              Status
              <select name="solved" defaultValue={state.solved} className={selectClass}>
                <option value="">Any</option>
                <option value="solved">Solved</option>
                <option value="unsolved">Unsolved</option>
              </select>
            </label>
            <label className={labelClass}>
              Date
              <select name="date" defaultValue={state.date} className={selectClass}>
                {Object.entries(DATE_OPTIONS).map(([value, o]) => (
                  <option key={value} value={value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </label>
            <label className={labelClass}>
              Sort by
              <select name="sort" defaultValue={state.sort} className={selectClass}>
                <option value="relevance">Relevance</option>
                <option value="newest">Newest</option>
              </select>
            </label>
          </fieldset>
        </details>
      </Form>

      {state.q && <KindTabs state={state} />}

      {search?.degraded && (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Search is running on the fallback engine; results may be less relevant.
        </p>
      )}

      {problem ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          <p className="font-medium">We could not search for that.</p>
          <p className="mt-1">{problem}</p>
        </div>
      ) : !state.q ? (
        <EmptyQuery />
      ) : search && hits.length === 0 ? (
        <NoResults q={state.q} filtered={isFiltered(state)} clearHref={searchHref(state, clearedFilters)} />
      ) : search ? (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" className="mb-2 text-sm font-medium text-slate-700" data-testid="search-total">
            {totalLabel(search.total)} for “{state.q}”
          </h2>
          <ul className="divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 bg-white">
            {hits.map((hit) => (
              <SearchHitItem key={`${hit.kind}:${hit.url}`} hit={hit} />
            ))}
          </ul>
          <PageLinks
            label="Search result pages"
            pageInfo={search.pageInfo}
            paged={!!state.after}
            href={(after) => searchHref(state, { after })}
          />
        </section>
      ) : null}
    </div>
  );
}

const clearedFilters = { kind: 'all', category: '', tag: '', solved: '', date: 'any' } as const;

/** All / Questions / Replies / Articles / Members as links, like Discourse's and Stack Overflow's tabs. */
function KindTabs({ state }: { state: ReturnType<typeof parseSearchParams> }) {
  return (
    <nav aria-label="Kinds of result" className="-mx-1 overflow-x-auto">
      <ul className="flex gap-1 px-1 text-sm">
        {(Object.keys(KIND_OPTIONS) as KindOption[]).map((kind) => {
          const current = kind === state.kind;
          return (
            <li key={kind}>
              <Link
                to={searchHref(state, { kind })}
                aria-current={current ? 'page' : undefined}
                className={`block whitespace-nowrap rounded-md px-3 py-1.5 font-medium ${current ? 'bg-slate-900 text-white' : 'text-slate-700 hover:bg-slate-100'}`}
              >
                {KIND_OPTIONS[kind].label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function EmptyQuery() {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-700" data-testid="search-empty">
      <h2 className="text-base font-semibold text-slate-900">Search the community</h2>
      <p className="mt-1">Find questions, replies, knowledge articles and members. A few tips:</p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        <li>
          Put a phrase in quotes for an exact match: <code className="rounded bg-slate-100 px-1">"sync error"</code>
        </li>
        <li>
          Leave a word out with a minus: <code className="rounded bg-slate-100 px-1">sync -android</code>
        </li>
        <li>
          Either word: <code className="rounded bg-slate-100 px-1">router or modem</code>
        </li>
      </ul>
    </div>
  );
}

function NoResults({ q, filtered, clearHref }: { q: string; filtered: boolean; clearHref: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-700" data-testid="search-none">
      <h2 className="text-base font-semibold text-slate-900">No results for “{q}”</h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        <li>Check the spelling, or try fewer or more general words.</li>
        {filtered && (
          <li>
            <Link to={clearHref} className="font-medium text-brand-700 underline">
              Search without the filters
            </Link>
          </li>
        )}
        <li>
          Still stuck?{' '}
          <Link to="/ask" className="font-medium text-brand-700 underline">
            Ask the community
          </Link>
          .
        </li>
      </ul>
    </div>
  );
}
