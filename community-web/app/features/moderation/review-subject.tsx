import { Link } from 'react-router';
import type { ReviewItemViewFragment } from '../../graphql/generated/graphql';
import { articleReportReasonLabel, flagReasonLabel } from './wording';

const EXCERPT = 400;
const excerpt = (body: string) => (body.length > EXCERPT ? `${body.slice(0, EXCERPT).trimEnd()}…` : body);

/** What the item is about, in the card's first line: a post in its thread, a sign-up, an article. */
export function SubjectLine({ item }: { item: ReviewItemViewFragment }) {
  const { post, article, author } = item;
  if (post) {
    return (
      <span>
        {post.isQuestion ? 'Question' : 'Reply'} in{' '}
        <Link to={`/t/${post.thread.id}#post-${post.id}`} className="font-medium text-brand-700 hover:underline">
          {post.thread.title}
        </Link>
      </span>
    );
  }
  if (article) {
    return (
      <span>
        Article{' '}
        <Link to={`/kb/${article.id}`} className="font-medium text-brand-700 hover:underline">
          {article.title}
        </Link>
      </span>
    );
  }
  return <span>Sign-up of {author ? `@${author.handle}` : 'a former member'}, held by the per-network limit</span>;
}

/** The post's text (reviewers read hidden posts), when the item is about a post. */
export function SubjectExcerpt({ item }: { item: ReviewItemViewFragment }) {
  if (!item.post) return null;
  return (
    <blockquote
      className="mt-2 whitespace-pre-line break-words border-l-4 border-slate-200 pl-3 text-sm text-slate-800"
      data-testid="review-excerpt"
    >
      {excerpt(item.post.body)}
    </blockquote>
  );
}

/** Who raised the item and why: a post's flags or an article's reports (a sign-up has neither). */
export function SubjectSignals({ item }: { item: ReviewItemViewFragment }) {
  const signals = item.post
    ? item.flags.map((f) => ({ id: f.id, label: flagReasonLabel(f.reason), by: f.flagger.handle, note: f.note }))
    : item.reports.map((r) => ({
        id: r.id,
        label: articleReportReasonLabel(r.reason),
        by: r.reporter.handle,
        note: r.note,
      }));
  if (!item.post && !item.article) return null;
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-800">{item.post ? 'Flags' : 'Reports'}</h3>
      <ul className="mt-1 space-y-1 text-sm text-slate-700" data-testid="review-flags">
        {signals.map((s) => (
          <li key={s.id}>
            <span className="font-medium text-slate-900">{s.label}</span> by{' '}
            <Link to={`/u/${s.by}`} className="hover:underline">
              @{s.by}
            </Link>
            {s.note && <span className="block break-words text-slate-600">“{s.note}”</span>}
          </li>
        ))}
      </ul>
      {item.agreedBy && (
        <p className="mt-1 text-sm text-slate-700" data-testid="agreed-by">
          @{item.agreedBy.handle} agreed; removal is for staff to decide.
        </p>
      )}
    </div>
  );
}
