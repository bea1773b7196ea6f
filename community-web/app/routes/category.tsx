import { Form, Link, useLoaderData } from 'react-router';
import { query } from '../graphql/client.server';
import { WatchControls } from '../features/notifications/watch-controls';
import { CategoryQuery } from '../graphql/documents';
import { useViewer } from '../root';
import type { ThreadOrder } from '../graphql/generated/graphql';
import { PageLinks } from '../components/ui/page-links';
import { ThreadList } from '../features/forum/thread-list';
import { isSlugParam, routeParam } from '../lib/route-params';
import type { Route } from './+types/category';

const ORDERS: { value: ThreadOrder; label: string }[] = [
  { value: 'LATEST', label: 'Latest' },
  { value: 'NEWEST', label: 'Newest' },
  { value: 'UNANSWERED', label: 'Unanswered' },
  { value: 'TOP', label: 'Top' },
];

/** Never part of a tag, and a NUL would fail the API's query: dropped from the tag filter. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.category?.name ?? 'Category'} · Hearth` }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const slug = routeParam(params.slug, isSlugParam);
  const url = new URL(request.url);
  const requested = url.searchParams.get('order') as ThreadOrder | null;
  const order = ORDERS.some((o) => o.value === requested) ? requested! : 'LATEST';
  const tag = url.searchParams.get('tag')?.replace(CONTROL_CHARACTERS, '').trim() || null;
  const after = url.searchParams.get('after') || null;
  const { data } = await query(
    request,
    CategoryQuery,
    { slug, first: 20, after, order, filter: { categorySlug: slug, tag } },
    { routeParams: ['slug', 'categorySlug'] },
  );
  return { ...data, order, tag, after };
}

export default function CategoryPage() {
  const { category, threads, order, tag, after } = useLoaderData<typeof loader>();
  const viewer = useViewer();
  if (!category) return null;
  const link = (params: Record<string, string | null>) => {
    const search = new URLSearchParams();
    const merged = { order, tag, ...params };
    for (const [k, v] of Object.entries(merged)) if (v && !(k === 'order' && v === 'LATEST')) search.set(k, v);
    const s = search.toString();
    return s ? `?${s}` : '.';
  };
  return (
    <div>
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link to="/" className="hover:text-slate-800">
          Home
        </Link>{' '}
        / {category.name}
      </nav>
      <div className="mt-2 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{category.name}</h1>
          {category.description && <p className="mt-1 text-slate-600">{category.description}</p>}
          {viewer && (
            <div className="mt-2">
              <WatchControls target="category" id={category.id} level={category.viewerWatch} />
            </div>
          )}
        </div>
        <Link to={`/ask?category=${category.id}`} className="text-sm font-medium text-brand-700 hover:underline">
          Ask in {category.name}
        </Link>
      </div>
      <div className="mt-5 flex flex-wrap items-center gap-3">
        <nav aria-label="Sort threads" className="flex rounded-lg border border-slate-200 bg-white p-1 text-sm">
          {ORDERS.map((o) => (
            <Link
              key={o.value}
              to={link({ order: o.value, after: null })}
              aria-current={o.value === order ? 'page' : undefined}
              className={`rounded-md px-3 py-1.5 ${o.value === order ? 'bg-slate-900 text-white' : 'text-slate-600 hover:text-slate-900'}`}
            >
              {o.label}
            </Link>
          ))}
        </nav>
        <Form method="get" className="flex items-center gap-2 text-sm">
          <input type="hidden" name="order" value={order} />
          <label htmlFor="tag" className="text-slate-600">
            Tag
          </label>
          <input
            id="tag"
            name="tag"
            defaultValue={tag ?? ''}
            placeholder="e.g. sync"
            className="w-32 rounded-md border border-slate-300 px-2 py-1.5"
          />
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">
            Filter
          </button>
          {tag && (
            <Link to={link({ tag: null, after: null })} className="text-slate-500 hover:text-slate-800">
              Clear
            </Link>
          )}
        </Form>
      </div>
      <div className="mt-4">
        <ThreadList threads={threads} showCategory={false} />
      </div>
      <PageLinks
        label={`${category.name} pages`}
        pageInfo={threads.pageInfo}
        paged={!!after}
        href={(cursor) => link({ after: cursor })}
      />
    </div>
  );
}
