import { Link } from 'react-router';
import type { ArticleRowFragment } from '../../graphql/generated/graphql';
import { formatCount } from '../../lib/plural';
import { formatDay, issueTeaser } from './wording';

/**
 * Published articles as rows, the way a help center lists them: the title, a line of the
 * issue, then tags, category, how many found it helpful and when it was published or last
 * verified. Tags and categories link to the filtered list.
 */
export function ArticleList({
  articles,
  filterHref,
}: {
  articles: ArticleRowFragment[];
  /** The list filtered by a tag or a category. */
  filterHref: (filter: { tag?: string; category?: string }) => string;
}) {
  return (
    <ul
      className="divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 bg-white"
      data-testid="article-list"
    >
      {articles.map((a) => (
        <li key={a.id} className="px-4 py-4" data-testid="article-row">
          <h2 className="text-base font-semibold leading-snug">
            <Link to={`/kb/${a.id}`} className="text-slate-900 hover:text-brand-700 hover:underline">
              {a.title}
            </Link>
          </h2>
          <p className="mt-1 line-clamp-2 text-sm text-slate-600">{issueTeaser(a.issue)}</p>
          <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1.5 text-xs text-slate-600">
            {a.tags.length > 0 && (
              <span className="flex flex-wrap gap-1.5">
                {a.tags.map((tag) => (
                  <Link
                    key={tag}
                    to={filterHref({ tag })}
                    className="rounded bg-slate-100 px-1.5 py-0.5 font-medium text-slate-700 hover:bg-slate-200"
                    aria-label={`Articles tagged ${tag}`}
                  >
                    {tag}
                  </Link>
                ))}
              </span>
            )}
            {a.category && (
              <Link to={filterHref({ category: a.category.id })} className="hover:text-slate-900 hover:underline">
                {a.category.name}
              </Link>
            )}
            {a.helpfulCount > 0 && (
              <span data-testid="helpful-count">
                {formatCount(a.helpfulCount, 'person', 'people')} found this helpful
              </span>
            )}
            {a.verifiedAt ? (
              <span>
                Verified <time dateTime={a.verifiedAt}>{formatDay(a.verifiedAt)}</time>
              </span>
            ) : (
              a.publishedAt && (
                <span>
                  Published <time dateTime={a.publishedAt}>{formatDay(a.publishedAt)}</time>
                </span>
              )
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
