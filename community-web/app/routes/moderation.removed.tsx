import { data, Form, Link, redirect, useActionData, useLoaderData } from 'react-router';
import { Button, FormMessage } from '../components/ui/field';
import { api, query } from '../graphql/client.server';
import { RemovedPostsQuery, RestorePostMutation } from '../graphql/documents';
import { removalText } from '../features/moderation/removal';
import { timeAgo } from '../features/forum/format';
import { readToken } from '../lib/session.server';
import { sameOriginAction } from '../lib/same-origin.server';
import type { Route } from './+types/moderation.removed';

export const meta: Route.MetaFunction = () => [{ title: 'Removed posts · Hearth' }];

const HERE = '/moderation/removed';

export async function loader({ request }: Route.LoaderArgs) {
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(HERE)}`);
  const after = new URL(request.url).searchParams.get('after');
  const { data: result, headers } = await query(request, RemovedPostsQuery, { after });
  return data(result, { headers });
}

export const action = sameOriginAction(async ({ request }: Route.ActionArgs) => {
  const form = await request.formData();
  const postId = String(form.get('postId') ?? '');
  const res = await api(request, RestorePostMutation, { postId });
  if (res.error) return data({ postId, error: res.error.message }, { status: 400 });
  throw redirect(`/t/${res.data.restorePost.thread.id}#post-${postId}`);
});

/** Deleted and removed posts, newest first: moderators review them and restore mistakes. */
export default function RemovedPosts() {
  const { removedPosts } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const posts = removedPosts.edges.map((e) => e.node);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Removed posts</h1>
      <p className="text-sm text-slate-600">
        Restoring a post brings it back to its thread and reverses a spam or abuse penalty.
      </p>
      {posts.length === 0 && <p className="text-slate-600">Nothing has been removed.</p>}
      <ul className="space-y-3">
        {posts.map((post) => (
          <li key={post.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="removed-post">
            <p className="text-sm text-slate-500">
              {post.isQuestion ? 'Question' : 'Reply'} by{' '}
              <Link to={`/u/${post.author.handle}`} className="font-medium text-slate-700 hover:underline">
                @{post.author.handle}
              </Link>{' '}
              in “{post.thread.title}” ·{' '}
              {post.removal && (
                <span data-testid="removal">
                  {removalText(post.removal, post.author.handle)}{' '}
                  <time dateTime={post.removal.at}>{timeAgo(post.removal.at)}</time>
                </span>
              )}
            </p>
            <div className="prose-post mt-2 text-sm" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
            <Form method="post" className="mt-3">
              <input type="hidden" name="postId" value={post.id} />
              <Button type="submit" variant="secondary" className="!px-2 !py-1 text-xs">
                Restore
              </Button>
            </Form>
            {failed?.postId === post.id && <FormMessage message={failed.error} />}
          </li>
        ))}
      </ul>
      {removedPosts.pageInfo.hasNextPage && removedPosts.pageInfo.endCursor && (
        <Link
          to={`?after=${encodeURIComponent(removedPosts.pageInfo.endCursor)}`}
          className="block text-center text-sm text-brand-700 hover:underline"
          rel="next"
        >
          Older →
        </Link>
      )}
    </div>
  );
}
