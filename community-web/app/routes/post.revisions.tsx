import { data, Link, useLoaderData } from 'react-router';
import { query } from '../graphql/client.server';
import { PostHistoryQuery } from '../features/revisions/documents';
import { RevisionEntry } from '../features/revisions/revision-entry';
import { isIdParam, notFound, routeParam } from '../lib/route-params';
import type { Route } from './+types/post.revisions';

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data?.post ? `Edit history · ${data.post.thread.title} · Hearth` : 'Edit history · Hearth' },
];

/** A post's edit history; NOT_FOUND from the API (deleted, hidden from the viewer) is this page's 404. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const id = routeParam(params.id, isIdParam);
  const { data: result, headers } = await query(request, PostHistoryQuery, { id }, { routeParams: ['id'] });
  if (!result.post) throw notFound();
  return data({ post: result.post }, { headers });
}

export default function PostRevisionsPage() {
  const { post } = useLoaderData<typeof loader>();
  const revisions = post.revisions;
  const edits = revisions.length - 1;
  return (
    <div className="space-y-4">
      <nav className="text-sm">
        <Link to={`/t/${post.thread.id}#post-${post.id}`} className="font-medium text-brand-700 underline">
          ← Back to the {post.isQuestion ? 'question' : 'answer'}
        </Link>
      </nav>
      <div>
        <h1 className="text-2xl font-bold text-slate-900">Edit history</h1>
        <p className="mt-1 text-sm text-slate-600">
          {post.thread.title} · {edits === 0 ? 'never edited' : `edited ${edits} ${edits === 1 ? 'time' : 'times'}`},
          newest first. <ins className="word-diff-key">Added</ins> and <del className="word-diff-key">removed</del>{' '}
          words are marked.
        </p>
      </div>
      <ol className="space-y-4">
        {revisions.map((revision, i) => (
          <li key={revision.id}>
            <RevisionEntry revision={revision} previous={revisions[i + 1] ?? null} />
          </li>
        ))}
      </ol>
    </div>
  );
}
