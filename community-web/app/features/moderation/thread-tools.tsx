import { Form, Link } from 'react-router';
import { FormMessage } from '../../components/ui/field';
import type { ThreadPageQuery } from '../../graphql/generated/graphql';
import { CLOSE_REASONS } from './wording';

type PageThread = NonNullable<ThreadPageQuery['thread']>;
type Category = ThreadPageQuery['categories'][number];

const input = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm';
const submit =
  'inline-flex items-center rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-semibold text-slate-700 hover:bg-slate-50';

/**
 * One tool: a disclosure with its own small form, so each works without JavaScript. Callers key
 * it by intent, so that after "Lock" the "Unlock" in its place starts closed.
 */
function Tool({ label, intent, children }: { label: string; intent: string; children: React.ReactNode }) {
  return (
    <details className="group" data-testid={`tool-${intent}`}>
      <summary className="cursor-pointer rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-medium text-slate-700 hover:bg-slate-50">
        {label}
      </summary>
      <Form
        method="post"
        className="mt-2 w-full space-y-2 rounded-md border border-slate-200 bg-white p-3 text-sm sm:w-80"
      >
        <input type="hidden" name="intent" value={intent} />
        {children}
      </Form>
    </details>
  );
}

function Reason({ required = true }: { required?: boolean }) {
  return (
    <label className="block text-slate-700">
      Reason{required ? '' : ' (optional)'}
      <input name="reason" required={required} maxLength={500} className={input} />
    </label>
  );
}

/**
 * The staff tools for a thread, as `Thread.viewerCan` allows them: lock/unlock, close (a
 * duplicate names its original by id or URL) / reopen, move, merge and pin/unpin, each with the
 * reason the audit log keeps.
 */
export function ThreadTools({
  thread,
  categories,
  error,
}: {
  thread: PageThread;
  categories: Category[];
  error?: string | null;
}) {
  const can = thread.viewerCan;
  if (!can.moderate && !can.close && !can.move && !can.merge && !can.pin) return null;
  const locked = thread.status === 'LOCKED';
  const closed = thread.status === 'CLOSED';
  return (
    <section aria-label="Moderate this thread" className="mt-3 space-y-2">
      <div className="flex flex-wrap items-start gap-2">
        {can.moderate &&
          (locked ? (
            <Tool key="unlock" label="Unlock" intent="unlock">
              <Reason required={false} />
              <button className={submit}>Unlock thread</button>
            </Tool>
          ) : (
            <Tool key="lock" label="Lock" intent="lock">
              <Reason />
              <button className={submit}>Lock thread</button>
            </Tool>
          ))}
        {can.close &&
          !locked &&
          (closed ? (
            <Tool key="reopen" label="Reopen" intent="reopen">
              <Reason required={false} />
              <button className={submit}>Reopen thread</button>
            </Tool>
          ) : (
            <Tool key="close" label="Close" intent="close">
              <label className="block text-slate-700">
                Close as
                <select name="reason" className={input} required>
                  {CLOSE_REASONS.map((r) => (
                    <option key={r.value} value={r.value}>
                      {r.label}
                    </option>
                  ))}
                </select>
              </label>
              <label className="block text-slate-700">
                Original thread (duplicates: its id or URL)
                <input name="duplicateOf" placeholder="/t/42" className={input} />
              </label>
              <label className="block text-slate-700">
                Note (optional, shown with the reason)
                <input name="note" maxLength={500} className={input} />
              </label>
              <button className={submit}>Close thread</button>
            </Tool>
          ))}
        {can.move && (
          <Tool key="move" label="Move" intent="move">
            <label className="block text-slate-700">
              To category
              <select name="categoryId" defaultValue={thread.category.id} className={input}>
                {categories.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <Reason />
            <button className={submit}>Move thread</button>
          </Tool>
        )}
        {can.merge && !thread.mergedInto && (
          <Tool key="merge" label="Merge" intent="merge">
            <label className="block text-slate-700">
              Into thread (its id or URL)
              <input name="into" required placeholder="/t/42" className={input} />
            </label>
            <Reason />
            <button className={submit}>Merge into it</button>
          </Tool>
        )}
        {can.pin &&
          (thread.pinnedScope ? (
            <Form method="post">
              <input type="hidden" name="intent" value="unpin" />
              <button className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-medium text-slate-700 hover:bg-slate-50">
                Unpin
              </button>
            </Form>
          ) : (
            <Tool key="pin" label="Pin" intent="pin">
              <fieldset>
                <legend className="text-slate-700">Pin</legend>
                <label className="mr-3 inline-flex items-center gap-1 text-slate-700">
                  <input type="radio" name="scope" value="CATEGORY" defaultChecked /> in its category
                </label>
                <label className="inline-flex items-center gap-1 text-slate-700">
                  <input type="radio" name="scope" value="GLOBAL" /> on the home page too
                </label>
              </fieldset>
              <Reason required={false} />
              <button className={submit}>Pin thread</button>
            </Tool>
          ))}
        {/* Staff read the event log; this thread's part of it is one filter away. */}
        {can.moderate && (
          <Link
            to={`/moderation/activity?subject=thread:${thread.id}`}
            className="px-1 py-1 text-sm text-brand-700 hover:underline"
          >
            History
          </Link>
        )}
      </div>
      <FormMessage message={error} />
    </section>
  );
}
