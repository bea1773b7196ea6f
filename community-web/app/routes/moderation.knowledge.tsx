import { data, Link, redirect, useLoaderData } from 'react-router';
import { PageLinks } from '../components/ui/page-links';
import { timeAgo } from '../features/forum/format';
import { ReviewQueueQuery } from '../features/knowledge/documents';
import { NeedsReviewBadge, StateBadge } from '../features/knowledge/state-badge';
import { queueReason } from '../features/knowledge/wording';
import { query } from '../graphql/client.server';
import { readToken } from '../lib/session.server';
import type { Route } from './+types/moderation.knowledge';

export const meta: Route.MetaFunction = () => [{ title: 'Knowledge queue · Hearth' }];

const HERE = '/moderation/knowledge';

export async function loader({ request }: Route.LoaderArgs) {
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(HERE)}`);
  const params = new URL(request.url).searchParams;
  const { data: result, headers } = await query(request, ReviewQueueQuery, { after: params.get('after') || null });
  return data({ ...result, paged: params.has('after') }, { headers });
}

/**
 * What waits for staff in the knowledge base, oldest first: drafts made from answered threads,
 * articles in review, staged edits and published articles flagged for review (with why).
 */
export default function KnowledgeQueue() {
  const { articleReviewQueue: queue, paged } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">Knowledge queue</h1>
        <Link to="/kb" className="text-sm font-medium text-brand-700 hover:underline">
          Published articles
        </Link>
      </div>
      <p className="text-sm text-slate-600">
        Drafts made from accepted and staff-picked answers, articles in review, staged edits and articles flagged for
        review, the longest waiting first.
      </p>
      {queue.edges.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          Nothing waits for review.
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {queue.edges.map(({ node: a }) => {
            const since = a.queuedAt;
            return (
              <li key={a.id} className="px-4 py-3" data-testid="queue-item">
                <div className="flex flex-wrap items-center gap-2">
                  <StateBadge state={a.state} />
                  {a.needsReview && <NeedsReviewBadge />}
                  <span className="text-xs font-medium text-slate-700">{queueReason(a)}</span>
                  {since && (
                    <span className="ml-auto text-xs text-slate-600">
                      queued <time dateTime={since}>{timeAgo(since)}</time>
                    </span>
                  )}
                </div>
                <h2 className="mt-1.5 font-semibold leading-snug">
                  <Link to={`/kb/${a.id}`} className="text-slate-900 hover:text-brand-700 hover:underline">
                    {a.title}
                  </Link>
                </h2>
                {a.needsReviewReason && (
                  <p className="mt-1 text-sm text-amber-900" data-testid="queue-reason">
                    {a.needsReviewReason}
                  </p>
                )}
                <p className="mt-1 text-xs text-slate-600">
                  {a.category && <>{a.category.name} · </>}
                  {a.sourceThread ? (
                    <Link to={`/t/${a.sourceThread.id}`} className="text-brand-700 hover:underline">
                      {a.sourceThread.title === a.title ? 'Source thread' : `Source thread: ${a.sourceThread.title}`}
                    </Link>
                  ) : (
                    'No source thread'
                  )}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      <PageLinks
        pageInfo={queue.pageInfo}
        href={(after) => (after ? `?after=${encodeURIComponent(after)}` : HERE)}
        paged={paged}
        label="Queue pages"
      />
    </div>
  );
}
