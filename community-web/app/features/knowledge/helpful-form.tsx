import { Form } from 'react-router';
import { FormMessage } from '../../components/ui/field';
import { formatCount } from '../../lib/plural';

/**
 * "Was this helpful?" Yes / No with an optional reason, as a plain form (the action redirects
 * back with `?rated=yes|no`); once voted, a thank-you with the counts and a way to vote again.
 */
export function HelpfulForm({
  helpfulCount,
  notHelpfulCount,
  rated,
  error,
  againHref,
}: {
  helpfulCount: number;
  notHelpfulCount: number;
  rated: 'yes' | 'no' | null;
  error?: string | null;
  /** The page without the thank-you, to vote again. */
  againHref: string;
}) {
  const total = helpfulCount + notHelpfulCount;
  const counts = total > 0 && (
    <p className="text-sm text-slate-600" data-testid="helpful-counts">
      {helpfulCount} of {formatCount(total, 'person', 'people')} found this helpful.
    </p>
  );
  return (
    <section
      id="helpful"
      aria-labelledby="helpful-title"
      className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      {rated ? (
        <div role="status" data-testid="helpful-thanks">
          <h2 id="helpful-title" className="text-base font-semibold text-slate-900">
            Thanks for your feedback!
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            {rated === 'yes'
              ? 'Glad it helped.'
              : 'Sorry it did not help. Staff read this feedback and improve the article.'}
          </p>
          <div className="mt-1">{counts}</div>
          <a href={againHref} className="mt-2 inline-block text-sm font-medium text-brand-700 hover:underline">
            Change your answer
          </a>
        </div>
      ) : (
        <Form method="post" className="space-y-3">
          <input type="hidden" name="intent" value="rate" />
          <div className="flex flex-wrap items-center gap-3">
            <h2 id="helpful-title" className="text-base font-semibold text-slate-900">
              Was this helpful?
            </h2>
            <div className="flex gap-2">
              <button
                type="submit"
                name="helpful"
                value="yes"
                className="rounded-md border border-slate-300 bg-white px-4 py-1.5 text-sm font-semibold text-slate-800 hover:border-emerald-600 hover:bg-emerald-50"
                data-testid="helpful-yes"
              >
                Yes
              </button>
              <button
                type="submit"
                name="helpful"
                value="no"
                className="rounded-md border border-slate-300 bg-white px-4 py-1.5 text-sm font-semibold text-slate-800 hover:border-red-600 hover:bg-red-50"
                data-testid="helpful-no"
              >
                No
              </button>
            </div>
          </div>
          <label className="block text-sm text-slate-700">
            Anything to add? <span className="text-slate-600">(optional)</span>
            <input
              name="reason"
              maxLength={500}
              autoComplete="off"
              placeholder="e.g. the steps did not match my version"
              className="mt-1 block w-full max-w-md rounded-md border border-slate-300 px-3 py-2 text-sm"
            />
          </label>
          {counts}
          <FormMessage message={error} />
        </Form>
      )}
    </section>
  );
}
