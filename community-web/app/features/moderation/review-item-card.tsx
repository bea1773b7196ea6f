import { Form } from 'react-router';
import { FormMessage } from '../../components/ui/field';
import type { ReviewItemViewFragment } from '../../graphql/generated/graphql';
import { useViewer } from '../../root';
import { timeAgo } from '../forum/format';
import { AuthorHistory } from './author-history';
import { SubjectExcerpt, SubjectLine, SubjectSignals } from './review-subject';
import { decisionsFor, REVIEW_KIND_TEXT } from './wording';

/** "14:05 UTC": the same on the server and in the browser. */
const clockTime = (iso: string) => `${new Date(iso).toISOString().slice(11, 16)} UTC`;
const smallButton =
  'inline-flex items-center rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-semibold text-slate-700 hover:bg-slate-50';

/** What the reviewer decides: one of four, with a reason kept in the audit log. */
function DecisionForm({ item }: { item: ReviewItemViewFragment }) {
  return (
    <Form method="post" className="space-y-2" data-testid="decision-form">
      <input type="hidden" name="intent" value="resolve" />
      <input type="hidden" name="itemId" value={item.id} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Decision</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {decisionsFor(item.kind).map((d) => (
            <label key={d.value} className="inline-flex items-center gap-1 text-sm text-slate-700" title={d.hint}>
              <input type="radio" name="decision" value={d.value} required />
              {d.label}
              <span className="sr-only">: {d.hint}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label className="block text-sm text-slate-700">
        Reason (optional, kept in the audit log)
        <input
          name="reason"
          maxLength={500}
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        />
      </label>
      <button type="submit" className={smallButton}>
        Decide
      </button>
    </Form>
  );
}

/** One item of the queue: the post, who flagged it and why, the author's record, and the tools. */
export function ReviewItemCard({ item, error }: { item: ReviewItemViewFragment; error: string | null }) {
  const viewer = useViewer();
  const mine = item.claimedBy?.handle === viewer?.handle;
  return (
    <li
      id={`item-${item.id}`}
      className="rounded-lg border border-slate-200 bg-white p-4"
      data-testid="review-item"
      data-item-id={item.id}
    >
      <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <span className="rounded-full bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-inset ring-amber-200">
          {REVIEW_KIND_TEXT[item.kind] ?? item.kind}
        </span>
        {item.staffOnly && item.kind !== 'HELD_SIGNUP' && (
          <span className="rounded-full bg-red-50 px-2 py-0.5 text-xs font-semibold text-red-800">Escalated</span>
        )}
        <SubjectLine item={item} />
        <span className="text-slate-600">
          waiting since <time dateTime={item.createdAt}>{timeAgo(item.createdAt)}</time>
        </span>
      </p>
      <SubjectExcerpt item={item} />
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <SubjectSignals item={item} />
        {item.author && (
          <div>
            <h3 className="text-sm font-semibold text-slate-800">
              {item.kind === 'HELD_SIGNUP' ? 'Member' : 'Author'}
            </h3>
            <AuthorHistory item={item} />
          </div>
        )}
      </div>
      <div className="mt-3 border-t border-slate-100 pt-3">
        {item.claimedBy && !mine ? (
          <p className="text-sm text-slate-700" data-testid="claimed-by">
            @{item.claimedBy.handle} is reviewing this
            {item.claimExpiresAt && (
              <>
                {' '}
                until <time dateTime={item.claimExpiresAt}>{clockTime(item.claimExpiresAt)}</time>
              </>
            )}
            .
          </p>
        ) : mine ? (
          <DecisionForm item={item} />
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="claim" />
            <input type="hidden" name="itemId" value={item.id} />
            <button type="submit" className={smallButton} data-testid="claim">
              Claim
            </button>
          </Form>
        )}
        {error && (
          <div className="mt-2">
            <FormMessage message={error} />
          </div>
        )}
      </div>
    </li>
  );
}
