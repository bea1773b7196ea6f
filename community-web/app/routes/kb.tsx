import { data, Form, Link, useLoaderData } from 'react-router';
import { PageLinks } from '../components/ui/page-links';
import { ArticleList } from '../features/knowledge/article-list';
import { KnowledgeHomeQuery } from '../features/knowledge/documents';
import { query } from '../graphql/client.server';
import { isIdParam } from '../lib/route-params';
import type { Route } from './+types/kb';

export const meta: Route.MetaFunction = () => [{ title: 'Knowledge base · Hearth' }];

const HERE = '/kb';

/** Never part of a tag, and a NUL would fail the API's query: dropped from the tag filter. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/** The filter as the URL gives it: a category id (anything else is ignored) and a tag. */
function filterOf(params: URLSearchParams) {
  const category = params.get('category') ?? '';
  const tag = (params.get('tag') ?? '').replace(CONTROL_CHARACTERS, '').trim().toLowerCase().slice(0, 30);
  return { category: isIdParam(category) ? category : '', tag };
}

export async function loader({ request }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  const filter = filterOf(params);
  const { data: result, headers } = await query(request, KnowledgeHomeQuery, {
    filter: { categoryId: filter.category || null, tag: filter.tag || null },
    after: params.get('after') || null,
  });
  return data({ ...result, filter, paged: params.has('after') }, { headers });
}

/**
 * The knowledge base: published articles, newest first, filtered by category and tag with plain
 * links and a GET form (no JavaScript needed), paged by cursor.
 */
export default function KnowledgeHome() {
  const { articles, categories, filter, paged } = useLoaderData<typeof loader>();
  const rows = articles.edges.map((e) => e.node);
  const href = (next: { category?: string; tag?: string; after?: string | null }) => {
    const params = new URLSearchParams();
    const category = next.category ?? filter.category;
    const tag = next.tag ?? filter.tag;
    if (category) params.set('category', category);
    if (tag) params.set('tag', tag);
    if (next.after) params.set('after', next.after);
    const search = params.toString();
    return search ? `${HERE}?${search}` : HERE;
  };
  const categoryName = categories.find((c) => c.id === filter.category)?.name;
  const filtered = !!(filter.category || filter.tag);
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-bold">Knowledge base</h1>
        <p className="mt-1 text-slate-600">
          Solved questions, written up and checked by staff: the problem, the environment it happens in, and what fixes
          it.
        </p>
      </div>
      <Form
        method="get"
        action={HERE}
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
        aria-label="Filter articles"
      >
        <label className="text-sm font-medium text-slate-700">
          Category
          <select
            name="category"
            defaultValue={filter.category}
            className="mt-1 block h-10 w-48 max-w-full rounded-md border border-slate-300 bg-white px-3 text-sm"
          >
            <option value="">All categories</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          Tag
          <input
            name="tag"
            defaultValue={filter.tag}
            placeholder="e.g. wifi"
            autoComplete="off"
            className="mt-1 block h-10 w-36 rounded-md border border-slate-300 px-3 text-sm"
          />
        </label>
        <button
          type="submit"
          className="h-10 rounded-md bg-brand-600 px-3 text-sm font-semibold text-white hover:bg-brand-700"
        >
          Filter
        </button>
        {filtered && (
          <Link to={HERE} className="py-2 text-sm font-medium text-brand-700 hover:underline">
            Clear filters
          </Link>
        )}
      </Form>
      {filtered && (
        <p className="text-sm text-slate-600" data-testid="active-filter">
          Showing articles{categoryName ? ` in ${categoryName}` : ''}
          {filter.tag ? ` tagged “${filter.tag}”` : ''}.
        </p>
      )}
      {rows.length === 0 ? (
        <div
          className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center"
          data-testid="kb-empty"
        >
          {filtered ? (
            <>
              <p className="font-medium text-slate-800">No articles match these filters.</p>
              <p className="mt-1 text-sm text-slate-600">
                <Link to={HERE} className="font-medium text-brand-700 underline">
                  See every article
                </Link>{' '}
                or{' '}
                <Link to="/ask" className="font-medium text-brand-700 underline">
                  ask the community
                </Link>
                .
              </p>
            </>
          ) : (
            <>
              <p className="font-medium text-slate-800">No articles yet.</p>
              <p className="mt-1 text-sm text-slate-600">
                When a question gets an accepted answer, staff write it up here. Until then,{' '}
                <Link to="/" className="font-medium text-brand-700 underline">
                  browse the community’s threads
                </Link>
                .
              </p>
            </>
          )}
        </div>
      ) : (
        <ArticleList articles={rows} filterHref={(f) => href({ ...f, after: null })} />
      )}
      <PageLinks pageInfo={articles.pageInfo} href={(after) => href({ after })} paged={paged} label="Article pages" />
    </div>
  );
}
