import { Form } from 'react-router';
import { FormMessage } from '../../components/ui/field';
import { formatCount } from '../../lib/plural';

/**
 * "Was this helpful?" Yes / No with an optional reason, as a plain form (the action redirects
 * back with `?rated=yes|no`); once voted, a thank-you (or, on a later visit, the reader's own
 * answer) with the counts and a way to vote again.
 */
export function HelpfulForm({
  helpfulCount,
  notHelpfulCount,
  rated,
  justRated = false,
  error,
  againHref,
}: {
  helpfulCount: number;
  notHelpfulCount: number;
  /** The reader's vote, or null to ask. */
  rated: 'yes' | 'no' | null;
  /** The vote was cast just now (a thank-you), not on an earlier visit. */
  justRated?: boolean;
  error?: string | null;
  /** The form again, to change the vote. */
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
            {justRated ? 'Thanks for your feedback!' : 'Was this helpful?'}
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            {justRated
              ? rated === 'yes'
                ? 'Glad it helped.'
                : 'Sorry it did not help. Staff read this feedback and improve the article.'
              : rated === 'yes'
                ? 'You said this helped.'
                : 'You said this did not help.'}
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
