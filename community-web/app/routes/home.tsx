import { Link, useLoaderData } from 'react-router';
import { query } from '../graphql/client.server';
import { HomeQuery } from '../graphql/documents';
import { PageLinks } from '../components/ui/page-links';
import { ThreadList } from '../features/forum/thread-list';
import type { Route } from './+types/home';
import { formatCount } from '../lib/plural';

export const meta: Route.MetaFunction = () => [
  { title: 'Hearth community' },
  { name: 'description', content: 'Ask questions, share answers, and get help from the community.' },
];

export async function loader({ request }: Route.LoaderArgs) {
  // ?after= is the cursor of the previous page's last thread (keyset pagination).
  const after = new URL(request.url).searchParams.get('after') || null;
  const { data } = await query(request, HomeQuery, { after });
  return { ...data, after };
}

export default function Home() {
  const { categories, threads, after } = useLoaderData<typeof loader>();
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_18rem]">
      <section aria-labelledby="latest">
        <div className="mb-3 flex items-baseline justify-between">
          <h1 id="latest" className="text-xl font-bold">
            Latest discussions
          </h1>
        </div>
        <ThreadList threads={threads} />
        <PageLinks
          label="Latest discussions pages"
          pageInfo={threads.pageInfo}
          paged={!!after}
          href={(cursor) => (cursor ? `?after=${encodeURIComponent(cursor)}` : '/')}
        />
      </section>
      <aside aria-labelledby="categories">
        <h2 id="categories" className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500">
          Categories
        </h2>
        <ul className="space-y-2">
          {categories.map((c) => (
            <li key={c.id}>
              <Link
                to={`/c/${c.slug}`}
                className="block rounded-lg border border-slate-200 bg-white p-3 hover:border-brand-500"
              >
                <div className="flex items-baseline justify-between">
                  <span className="font-medium">{c.name}</span>
                  <span className="text-xs text-slate-500">{formatCount(c.threadCount, 'thread')}</span>
                </div>
                {c.description && <p className="mt-1 text-xs text-slate-500">{c.description}</p>}
              </Link>
            </li>
          ))}
        </ul>
      </aside>
    </div>
  );
}
