import { Form } from 'react-router';
import type { PostViewFragment } from '../../graphql/generated/graphql';
import { FLAG_REASONS } from './wording';

const summaryClass = 'cursor-pointer hover:text-slate-900';
const smallButton =
  'inline-flex items-center rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-semibold text-slate-700 hover:bg-slate-50';

/**
 * "Flag" on someone else's post: the reasons as radio buttons and a note (required for Other),
 * inside a disclosure so it opens and posts without JavaScript. Once flagged, says so instead.
 */
export function FlagControl({ post, fieldErrors }: { post: PostViewFragment; fieldErrors?: Record<string, string> }) {
  if (post.viewerFlag) {
    return (
      <span className="text-slate-600" data-testid="flagged">
        You flagged this post
      </span>
    );
  }
  if (!post.viewerCan.flag.allowed) return null;
  return (
    <details className="basis-full" open={fieldErrors ? true : undefined}>
      <summary className={`${summaryClass} inline`} data-testid="flag-post">
        Flag
      </summary>
      <Form method="post" className="mt-2 space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3">
        <input type="hidden" name="intent" value="flag" />
        <input type="hidden" name="postId" value={post.id} />
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Why should moderators look at this post?</legend>
          <div className="mt-1 space-y-1">
            {FLAG_REASONS.map((r, i) => (
              <label key={r.value} className="flex items-start gap-2 text-sm text-slate-700">
                <input type="radio" name="reason" value={r.value} required defaultChecked={i === 0} className="mt-1" />
                <span>
                  <span className="font-medium text-slate-900">{r.label}</span>: {r.hint}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <label className="block text-sm text-slate-700">
          Note (required for Other)
          <textarea
            name="note"
            rows={2}
            maxLength={500}
            aria-invalid={fieldErrors?.note ? true : undefined}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
          />
        </label>
        {fieldErrors?.note && (
          <p role="alert" className="text-sm text-red-600" data-testid="field-error">
            {fieldErrors.note}
          </p>
        )}
        <button type="submit" className={smallButton}>
          Flag post
        </button>
      </Form>
    </details>
  );
}

/** Staff hide a post pending review (with a reason its author reads), or show it again. */
export function HideControl({ post }: { post: PostViewFragment }) {
  if (!post.viewerCan.hide) return null;
  const hiding = !post.isHidden;
  return (
    // Keyed by what it does, so after hiding, "Unhide…" starts closed rather than inheriting "Hide…"'s open state.
    <details key={hiding ? 'hide' : 'unhide'} className="inline-block">
      <summary className={summaryClass} data-testid={hiding ? 'hide-post' : 'unhide-post'}>
        {hiding ? 'Hide…' : 'Unhide…'}
      </summary>
      <Form method="post" className="mt-2 flex flex-wrap items-center gap-2">
        <input type="hidden" name="intent" value={hiding ? 'hide' : 'unhide'} />
        <input type="hidden" name="postId" value={post.id} />
        <label className="text-slate-700">
          {hiding ? 'Why hide it' : 'Why show it again'}{' '}
          <input
            name="reason"
            required={hiding}
            maxLength={500}
            className="rounded border border-slate-300 px-1 py-0.5"
            placeholder={hiding ? 'The author reads this' : 'Optional'}
          />
        </label>
        <button type="submit" className={smallButton}>
          {hiding ? 'Hide post' : 'Show post again'}
        </button>
      </Form>
    </details>
  );
}
