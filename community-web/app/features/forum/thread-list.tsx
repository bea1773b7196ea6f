import { Link } from 'react-router';
import type { ThreadListFragment } from '../../graphql/generated/graphql';
import { timeAgo } from './format';
import { PinnedBadge, StatusBadge, Tag } from './status-badge';
import { formatNumber, pluralize } from '../../lib/plural';

/** Threads as rows: score, replies and views beside the title, status and tags under it. */
export function ThreadList({ threads, showCategory = true }: { threads: ThreadListFragment; showCategory?: boolean }) {
  if (threads.edges.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-500">
        No threads here yet.
      </p>
    );
  }
  return (
    <ul
      className="divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 bg-white"
      data-testid="thread-list"
    >
      {threads.edges.map(({ node: t }) => (
        <li key={t.id} className="flex gap-4 px-4 py-3 hover:bg-slate-50">
          <div className="hidden w-28 shrink-0 grid-cols-3 gap-1 text-center text-xs text-slate-500 sm:grid">
            <div>
              <div className="text-sm font-semibold text-slate-800">{formatNumber(t.score)}</div>
              {pluralize(t.score, 'vote')}
            </div>
            <div className={t.status === 'ANSWERED' ? 'rounded bg-emerald-50 text-emerald-700' : ''}>
              <div className="text-sm font-semibold">{formatNumber(t.replyCount)}</div>
              {pluralize(t.replyCount, 'reply', 'replies')}
            </div>
            <div>
              <div className="text-sm font-semibold text-slate-800">{formatNumber(t.viewCount)}</div>
              {pluralize(t.viewCount, 'view')}
            </div>
          </div>
          <div className="min-w-0 flex-1">
            <Link to={`/t/${t.id}`} className="font-medium text-slate-900 hover:text-brand-700">
              {t.title}
            </Link>
            <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
              <StatusBadge status={t.status} />
              {t.pinnedScope && <PinnedBadge scope={t.pinnedScope} />}
              {t.tags.map((tag) => (
                <Tag key={tag} tag={tag} />
              ))}
              {showCategory && (
                <Link to={`/c/${t.category.slug}`} className="hover:text-slate-800">
                  {t.category.name}
                </Link>
              )}
              <span>
                by{' '}
                <Link to={`/u/${t.author.handle}`} className="hover:text-slate-800">
                  @{t.author.handle}
                </Link>{' '}
                · active <time dateTime={t.lastActivityAt}>{timeAgo(t.lastActivityAt)}</time>
              </span>
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
