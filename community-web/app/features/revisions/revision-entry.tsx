import { Link } from 'react-router';
import { Avatar } from '../../components/ui/avatar';
import type { PostHistoryQuery } from '../../graphql/generated/graphql';
import { timeAgo } from '../forum/format';
import { InlineDiff } from './inline-diff';
import { hasChanges, tagChanges, wordDiff } from './word-diff';

type Revision = NonNullable<PostHistoryQuery['post']>['revisions'][number];

function TagList({ tags, mark }: { tags: string[]; mark: 'ins' | 'del' }) {
  const Tag = mark;
  return (
    <>
      {tags.map((t) => (
        <Tag key={t} className="mr-1 rounded px-1 font-mono text-xs">
          {t}
        </Tag>
      ))}
    </>
  );
}

/**
 * One revision of the history: who, when and why, and what changed since the one before it
 * (title, tags and body as inline word diffs). The original shows its text as it was written.
 */
export function RevisionEntry({ revision, previous }: { revision: Revision; previous: Revision | null }) {
  const body = previous ? wordDiff(previous.body, revision.body) : null;
  const title =
    previous && previous.title !== null && revision.title !== null && previous.title !== revision.title
      ? wordDiff(previous.title, revision.title)
      : null;
  const tags = previous?.tags && revision.tags ? tagChanges(previous.tags, revision.tags) : null;
  return (
    <article
      className="rounded-lg border border-slate-200 bg-white p-4"
      id={`revision-${revision.revision}`}
      data-testid="revision"
    >
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
        <h2 className="font-semibold text-slate-900">
          {revision.revision === 1 ? 'Original' : `Revision ${revision.revision}`}
        </h2>
        <Link
          to={`/u/${revision.editor.handle}`}
          className="flex items-center gap-1 font-medium text-slate-700 hover:underline"
        >
          <Avatar url={revision.editor.avatarUrl} size={20} />@{revision.editor.handle}
        </Link>
        <time dateTime={revision.createdAt}>{timeAgo(revision.createdAt)}</time>
      </header>
      {revision.reason && (
        <p className="mt-2 text-sm text-slate-700" data-testid="revision-reason">
          <span className="font-semibold">Reason:</span> {revision.reason}
        </p>
      )}
      {title && (
        <section className="mt-3" aria-label="Title changes">
          <h3 className="text-xs font-semibold uppercase text-slate-600">Title</h3>
          <InlineDiff parts={title} className="text-base font-semibold text-slate-900" />
        </section>
      )}
      {tags && (tags.added.length > 0 || tags.removed.length > 0) && (
        <section className="mt-3 text-sm text-slate-700 word-diff" aria-label="Tag changes">
          <h3 className="text-xs font-semibold uppercase text-slate-600">Tags</h3>
          <TagList tags={tags.removed} mark="del" />
          <TagList tags={tags.added} mark="ins" />
        </section>
      )}
      <section className="mt-3" aria-label={body ? 'Body changes' : 'Body'}>
        {body && !hasChanges(body) ? (
          <p className="text-sm text-slate-600">The body did not change.</p>
        ) : (
          <InlineDiff
            parts={body ?? [{ kind: 'same', text: revision.body }]}
            className="rounded-md bg-slate-50 p-3 font-mono text-[13px] leading-6 text-slate-800"
          />
        )}
      </section>
    </article>
  );
}
