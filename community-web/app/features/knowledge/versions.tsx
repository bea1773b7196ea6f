import { Form, Link } from 'react-router';
import type { ArticlePageQuery } from '../../graphql/generated/graphql';
import { timeAgo } from '../forum/format';
import { DiffView } from './diff-view';
import { fieldLabel, listFields } from './wording';

type Article = NonNullable<ArticlePageQuery['article']>;

/**
 * Staff: every version, newest first (who, when, what changed, the note), each with a link to
 * compare it with the one before; a GET form compares any two. The comparison, when asked for,
 * shows each changed field as a diff.
 */
export function Versions({
  article,
  compare,
}: {
  article: Article;
  compare: { from: number; to: number; fields: { field: string; diff: string }[] } | null;
}) {
  const numbers = article.versions.map((v) => v.number);
  return (
    <section aria-labelledby="versions" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="versions" className="text-lg font-semibold">
        Versions
      </h2>
      <ol className="mt-2 divide-y divide-slate-100 text-sm" data-testid="versions">
        {article.versions.map((v) => (
          <li key={v.number} className="flex flex-wrap items-baseline gap-x-2 gap-y-1 py-2">
            <span className="font-semibold text-slate-900">v{v.number}</span>
            {v.number === article.publishedVersion && (
              <span className="rounded bg-emerald-50 px-1.5 text-xs font-semibold text-emerald-800">published</span>
            )}
            {article.publishedVersion !== null && v.number > article.publishedVersion && (
              <span className="rounded bg-sky-50 px-1.5 text-xs font-semibold text-sky-800">staged</span>
            )}
            <span className="text-slate-700">
              {v.author ? (
                <Link to={`/u/${v.author.handle}`} className="font-medium hover:underline">
                  @{v.author.handle}
                </Link>
              ) : (
                'Drafted from the thread'
              )}
              {v.changed.length > 0 && <> changed {listFields(v.changed)}</>}
            </span>
            <time dateTime={v.createdAt} className="text-xs text-slate-600">
              {timeAgo(v.createdAt)}
            </time>
            {v.note && v.author && <span className="w-full text-slate-600">“{v.note}”</span>}
            {v.number > 1 && (
              <Link
                to={`?compare=${v.number - 1}..${v.number}#compare`}
                className="ml-auto text-xs font-medium text-brand-700 hover:underline"
                aria-label={`Compare version ${v.number} with version ${v.number - 1}`}
              >
                compare with v{v.number - 1}
              </Link>
            )}
          </li>
        ))}
      </ol>
      {numbers.length > 1 && (
        <Form method="get" className="mt-3 flex flex-wrap items-end gap-2 text-sm" aria-label="Compare versions">
          <label className="font-medium text-slate-700">
            From
            <select
              name="from"
              defaultValue={compare?.from ?? numbers.at(-1)}
              className="mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5"
            >
              {numbers.map((n) => (
                <option key={n} value={n}>
                  v{n}
                </option>
              ))}
            </select>
          </label>
          <label className="font-medium text-slate-700">
            To
            <select
              name="to"
              defaultValue={compare?.to ?? numbers[0]}
              className="mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5"
            >
              {numbers.map((n) => (
                <option key={n} value={n}>
                  v{n}
                </option>
              ))}
            </select>
          </label>
          <button
            type="submit"
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-semibold text-slate-700 hover:bg-slate-50"
          >
            Compare
          </button>
        </Form>
      )}
      {compare && (
        <div id="compare" className="mt-4 scroll-mt-4 space-y-3" data-testid="compare">
          <h3 className="font-semibold text-slate-900">
            Changes from v{compare.from} to v{compare.to}
          </h3>
          {compare.fields.length === 0 ? (
            <p className="text-sm text-slate-600">These versions have the same content.</p>
          ) : (
            compare.fields.map((f) => (
              <DiffView key={f.field} diff={f.diff} label={fieldLabel(f.field)} showFiles={false} />
            ))
          )}
          <Link to="?" className="text-sm font-medium text-brand-700 hover:underline">
            Hide comparison
          </Link>
        </div>
      )}
    </section>
  );
}
