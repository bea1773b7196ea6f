import { Form, Link } from 'react-router';
import { ConfirmButton, ConfirmStep, type ConfirmText } from '../../components/ui/confirm';
import { Button, FormMessage } from '../../components/ui/field';
import type { ArticlePageQuery } from '../../graphql/generated/graphql';
import { DiffView } from './diff-view';
import { StateBadge } from './state-badge';
import { formatDay } from './wording';

type Article = NonNullable<ArticlePageQuery['article']>;

export const ARCHIVE_TEXT: ConfirmText = {
  title: 'Archive this article?',
  description:
    'Readers no longer see it. A published article’s answerer loses the 50 reputation and the Knowledge Contributor badge it earned them. Staff can publish it again later.',
  confirmLabel: 'Yes, archive',
};

export interface StaffToolsState {
  error?: string | null;
  /** An unconfirmed archive (no JavaScript): its fields, to send again confirmed. */
  confirm?: Record<string, string>;
}

const small = '!px-2.5 !py-1.5';

/**
 * What staff can do with the article, as the API's `viewerCan` allows: edit, submit for review,
 * publish (a draft, or the staged changes of a published article), verify (clears the review
 * flag) and archive with a reason (asks first). Plain forms posting to the page's action.
 */
export function StaffTools({ article, state, here }: { article: Article; state: StaffToolsState; here: string }) {
  const can = article.viewerCan;
  const staged = article.hasStagedVersion;
  return (
    <section
      aria-labelledby="staff-tools"
      className="rounded-lg border border-indigo-200 bg-indigo-50/50 p-4"
      data-testid="staff-tools"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="staff-tools" className="text-sm font-semibold text-slate-900">
          Staff
        </h2>
        <StateBadge state={article.state} />
        <span className="text-xs text-slate-700">
          Version {article.currentVersion}
          {article.publishedVersion !== null && ` · published version ${article.publishedVersion}`} · review by{' '}
          {formatDay(article.reviewBy)}
        </span>
      </div>
      {staged && (
        <p className="mt-2 text-sm text-slate-800" data-testid="staged-note">
          Staged changes (version {article.currentVersion}) wait to be published; readers still see version{' '}
          {article.publishedVersion}.{' '}
          <Link
            to={`?compare=${article.publishedVersion}..${article.currentVersion}#compare`}
            className="font-medium text-brand-700 underline"
          >
            See what changed
          </Link>
        </p>
      )}
      {article.state === 'ARCHIVED' && (
        <p className="mt-2 text-sm text-slate-800">
          Archived{article.archivedAt && ` ${formatDay(article.archivedAt)}`}
          {article.archiveReason && `: ${article.archiveReason}`}
        </p>
      )}
      <div className="mt-3 flex flex-wrap items-center gap-2">
        {can.edit && (
          <Link
            to={`/kb/${article.id}/edit`}
            className="inline-flex items-center rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm font-semibold text-slate-700 hover:bg-slate-50"
          >
            Edit
          </Link>
        )}
        {can.submit && (
          <Form method="post">
            <input type="hidden" name="intent" value="submit" />
            <Button type="submit" variant="secondary" className={small}>
              Submit for review
            </Button>
          </Form>
        )}
        {can.publish && (
          <Form method="post">
            <input type="hidden" name="intent" value="publish" />
            <Button type="submit" className={small} data-testid="publish-article">
              {staged ? 'Publish staged changes' : article.state === 'ARCHIVED' ? 'Publish again' : 'Publish'}
            </Button>
          </Form>
        )}
        {can.verify && (
          <Form method="post">
            <input type="hidden" name="intent" value="verify" />
            <Button
              type="submit"
              variant="secondary"
              className={small}
              title="Confirms the article is still right: clears the review flag, sets the next review in six months"
            >
              Verify
            </Button>
          </Form>
        )}
        {can.archive && (
          <details className="group">
            <summary className="inline-flex cursor-pointer list-none items-center rounded-md px-2.5 py-1.5 text-sm font-semibold text-red-800 hover:bg-red-50 [&::-webkit-details-marker]:hidden">
              {article.state === 'PUBLISHED' ? 'Archive…' : 'Reject (archive)…'}
            </summary>
            <Form method="post" className="mt-2 flex flex-wrap items-end gap-2">
              <input type="hidden" name="intent" value="archive" />
              <label className="text-sm font-medium text-slate-700">
                Reason
                <input
                  name="reason"
                  required
                  minLength={3}
                  maxLength={500}
                  placeholder="e.g. superseded by the 3.0 guide"
                  className="mt-1 block w-64 max-w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm"
                />
              </label>
              <ConfirmButton
                text={ARCHIVE_TEXT}
                className="inline-flex items-center rounded-md bg-red-700 px-2.5 py-1.5 text-sm font-semibold text-white hover:bg-red-800"
                testId="archive-article"
              >
                Archive
              </ConfirmButton>
            </Form>
          </details>
        )}
      </div>
      {state.confirm && <ConfirmStep text={ARCHIVE_TEXT} fields={state.confirm} cancelTo={here} />}
      {state.error && (
        <div className="mt-3">
          <FormMessage message={state.error} />
        </div>
      )}
      {article.needsReview && (
        <div className="mt-4 border-t border-indigo-200 pt-3" data-testid="review-reason">
          <h3 className="text-sm font-semibold text-slate-900">Why it needs review</h3>
          <p className="mt-1 text-sm text-slate-800">{article.needsReviewReason}</p>
          {article.needsReviewDiff && (
            <div className="mt-2">
              <DiffView diff={article.needsReviewDiff} label="What changed in the source" />
            </div>
          )}
          {can.verify && (
            <p className="mt-2 text-xs text-slate-700">
              Edit the article if it is out of date, then Verify to clear the flag.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
