import { Link, useLoaderData } from 'react-router';
import { query } from '../graphql/client.server';
import { MemberQuery } from '../graphql/documents';
import { ThreadList } from '../features/forum/thread-list';
import type { Route } from './+types/member';

export const meta: Route.MetaFunction = ({ data }) => [{ title: `@${data?.member?.handle ?? 'member'} · Hearth` }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const after = new URL(request.url).searchParams.get('after');
  const { data } = await query(request, MemberQuery, { handle: params.handle, after });
  return data;
}

export default function MemberPage() {
  const { member, threads } = useLoaderData<typeof loader>();
  if (!member) return null;
  return (
    <div>
      <div className="flex items-center gap-4 rounded-lg border border-slate-200 bg-white p-6">
        <div
          aria-hidden
          className="grid h-16 w-16 place-items-center rounded-full bg-brand-100 text-2xl font-bold text-brand-700"
        >
          {member.handle.slice(0, 1).toUpperCase()}
        </div>
        <div>
          <h1 className="text-2xl font-bold">@{member.handle}</h1>
          <p className="text-sm text-slate-500">
            {member.role === 'MEMBER' ? 'Member' : member.role === 'ADMIN' ? 'Administrator' : 'Moderator'} · joined{' '}
            {new Date(member.createdAt).toLocaleDateString('en', { year: 'numeric', month: 'long', day: 'numeric' })}
          </p>
        </div>
      </div>
      <h2 className="mb-3 mt-8 text-lg font-semibold">Questions</h2>
      <ThreadList threads={threads} />
      {threads.pageInfo.hasNextPage && threads.pageInfo.endCursor && (
        <Link
          to={`?after=${encodeURIComponent(threads.pageInfo.endCursor)}`}
          className="mt-4 block text-center text-sm text-brand-700 hover:underline"
        >
          More →
        </Link>
      )}
    </div>
  );
}
