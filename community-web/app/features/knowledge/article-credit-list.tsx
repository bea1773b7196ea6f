import { Link } from 'react-router';
import { PagedList } from '../../components/ui/paged-list';
import { formatNumber } from '../../lib/plural';
import { timeAgo } from '../forum/format';

interface CreditedArticle {
  id: string;
  title: string;
  publishedAt?: string | null;
  helpfulCount: number;
}

/** Knowledge articles a member is credited on (their question, answer or edit became one). */
export function ArticleCreditList({ articles, nextHref }: { articles: CreditedArticle[]; nextHref: string | null }) {
  return (
    <PagedList items={articles} empty="No knowledge articles yet." nextHref={nextHref} nextLabel="More articles →">
      {(a) => (
        <li key={a.id} data-testid="credited-article" className="flex items-baseline gap-3 px-4 py-2 text-sm">
          <Link to={`/kb/${a.id}`} className="min-w-0 flex-1 text-slate-800 hover:underline">
            {a.title}
          </Link>
          {a.helpfulCount > 0 && (
            <span className="shrink-0 text-xs text-slate-600">{formatNumber(a.helpfulCount)} found it helpful</span>
          )}
          {a.publishedAt && (
            <time dateTime={a.publishedAt} className="shrink-0 text-xs text-slate-500">
              published {timeAgo(a.publishedAt)}
            </time>
          )}
        </li>
      )}
    </PagedList>
  );
}
