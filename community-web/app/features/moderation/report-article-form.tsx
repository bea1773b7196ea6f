import { Form } from 'react-router';
import { FormMessage } from '../../components/ui/field';
import { ARTICLE_REPORT_REASONS, articleReportReasonLabel } from './wording';

const smallButton =
  'inline-flex items-center rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-semibold text-slate-700 hover:bg-slate-50';

/**
 * "Report this article" under a published article: the reasons as radio buttons and a note
 * (required for Other), in a disclosure that opens and posts without JavaScript. Once reported,
 * says so instead; an error from the API shows beside the form, which stays open.
 */
export function ReportArticleForm({
  canReport,
  reported,
  error,
}: {
  canReport: boolean;
  reported: string | null;
  error: string | null;
}) {
  if (reported) {
    return (
      <p id="report" className="text-sm text-slate-700" data-testid="article-reported">
        You reported this article ({articleReportReasonLabel(reported).toLowerCase()}). Reviewers will look at it.
      </p>
    );
  }
  if (!canReport) return null;
  return (
    <details id="report" className="text-sm" open={error ? true : undefined}>
      <summary className="inline cursor-pointer text-slate-700 hover:text-slate-900" data-testid="report-article">
        Report this article
      </summary>
      <Form method="post" className="mt-2 space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3">
        <input type="hidden" name="intent" value="report" />
        <fieldset>
          <legend className="font-medium text-slate-800">What is wrong with this article?</legend>
          <div className="mt-1 space-y-1">
            {ARTICLE_REPORT_REASONS.map((r, i) => (
              <label key={r.value} className="flex items-start gap-2 text-slate-700">
                <input type="radio" name="reason" value={r.value} required defaultChecked={i === 0} className="mt-1" />
                <span>
                  <span className="font-medium text-slate-900">{r.label}</span>: {r.hint}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <label className="block text-slate-700">
          Note (required for Other)
          <textarea
            name="note"
            rows={2}
            maxLength={500}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
          />
        </label>
        {error && <FormMessage message={error} />}
        <button type="submit" className={smallButton}>
          Send report
        </button>
      </Form>
    </details>
  );
}
