import { Link } from 'react-router';
import type { SearchHitFieldsFragment, SearchKind } from '../../graphql/generated/graphql';
import { timeAgo } from '../forum/format';

const KIND_LABELS: Record<SearchKind, string> = {
  THREAD: 'Question',
  POST: 'Reply',
  ARTICLE: 'Article',
  MEMBER: 'Member',
};
const KIND_STYLES: Record<SearchKind, string> = {
  THREAD: 'bg-sky-50 text-sky-800 ring-sky-200',
  POST: 'bg-slate-100 text-slate-700 ring-slate-200',
  ARTICLE: 'bg-violet-50 text-violet-800 ring-violet-200',
  MEMBER: 'bg-amber-50 text-amber-900 ring-amber-200',
};

export function KindBadge({ kind }: { kind: SearchKind }) {
  return (
    <span
      data-testid="hit-kind"
      className={`inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${KIND_STYLES[kind]}`}
    >
      {KIND_LABELS[kind]}
    </span>
  );
}

/**
 * A hit's snippet. The API escapes the text and adds only <mark> around the matches
 * (search/snippet.ts), so it is the one string rendered as HTML here; anything else in it is
 * already text (`&lt;script&gt;`). The marks are styled by `.search-snippet mark` (app.css).
 */
export function Snippet({ html, className = '' }: { html: string; className?: string }) {
  if (!html) return null;
  return <p className={`search-snippet ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** A "Solved" mark for hits in a thread with an accepted answer. */
export function SolvedMark({ status }: { status: string | undefined }) {
  if (status !== 'ANSWERED') return null;
  return (
    <span className="inline-flex items-center gap-1 text-xs font-medium text-emerald-800" data-testid="hit-solved">
      <span aria-hidden>✓</span>Solved
    </span>
  );
}

/** One search result: kind, title linking to it, the snippet, whether solved, and when. */
export function SearchHitItem({ hit }: { hit: SearchHitFieldsFragment }) {
  return (
    <li className="px-4 py-3" data-testid="search-hit">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <KindBadge kind={hit.kind} />
        <Link to={hit.url} className="min-w-0 break-words font-medium text-brand-700 hover:underline">
          {hit.kind === 'MEMBER' ? `@${hit.title}` : hit.title}
        </Link>
      </div>
      <Snippet html={hit.snippetHtml} className="mt-1 text-sm leading-6 text-slate-700 break-words" />
      <div className="mt-1 flex flex-wrap items-center gap-x-3 text-xs text-slate-600">
        <SolvedMark status={hit.thread?.status} />
        <span>
          {hit.kind === 'MEMBER' ? 'joined' : hit.kind === 'POST' ? 'replied' : 'posted'}{' '}
          <time dateTime={hit.createdAt}>{timeAgo(hit.createdAt)}</time>
        </span>
      </div>
    </li>
  );
}
