import { data, Link, redirect, useActionData, useLoaderData, useLocation } from 'react-router';
import { isConfirmed } from '../components/ui/confirm';
import { parseCompare } from '../features/knowledge/diff';
import {
  ArchiveArticleMutation,
  ArticleDiffQuery,
  ArticleQuery,
  PublishArticleMutation,
  RateArticleMutation,
  RecordArticleViewMutation,
  SubmitArticleMutation,
  VerifyArticleMutation,
} from '../features/knowledge/documents';
import { HelpfulForm } from '../features/knowledge/helpful-form';
import { ArticleRelatedQuery } from '../features/search/documents';
import { RelatedList } from '../features/search/related-list';
import { StaffTools } from '../features/knowledge/staff-tools';
import { Versions } from '../features/knowledge/versions';
import { formatDay, ROLE_WORDS } from '../features/knowledge/wording';
import { Tag } from '../features/forum/status-badge';
import { ReportArticleForm } from '../features/moderation/report-article-form';
import { api, query, type ApiError } from '../graphql/client.server';
import { graphql } from '../graphql/generated';
import type { ArticleReportReason } from '../graphql/generated/graphql';
import { isBotRequest } from '../lib/bots.server';
import { statusFor } from '../lib/form-errors';
import { formatCount } from '../lib/plural';
import { isIdParam, notFound, routeParam } from '../lib/route-params';
import { sameOriginAction } from '../lib/same-origin.server';
import type { Route } from './+types/kb.article';

/** Whether the viewer may report the article, and their report (beside the article's query). */
const ArticleReportStateQuery = graphql(`
  query ArticleReportState($id: ID!) {
    article(id: $id) {
      id
      viewerCanReport
      viewerReport {
        reason
      }
    }
  }
`);

const ReportArticleMutation = graphql(`
  mutation ReportArticle($input: ReportArticleInput!) {
    reportArticle(input: $input) {
      report {
        id
      }
    }
  }
`);

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data?.article?.title ?? 'Article'} · Knowledge base · Hearth` },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const id = routeParam(params.id, isIdParam);
  const search = new URL(request.url).searchParams;
  // Related content comes beside the article's query and never fails the page.
  const related = api(request, ArticleRelatedQuery, { id }).then(
    (r) => r.data?.article?.related ?? [],
    () => [],
  );
  const reporting = api(request, ArticleReportStateQuery, { id }).then(
    (r) => ({
      canReport: r.data?.article?.viewerCanReport ?? false,
      reported: r.data?.article?.viewerReport?.reason ?? null,
    }),
    () => ({ canReport: false, reported: null }),
  );
  const { data: result, headers } = await query(request, ArticleQuery, { id }, { routeParams: ['id'] });
  const article = result.article;
  if (!article) throw notFound();
  // Count the view without delaying or failing the page; bots' loads are not views.
  if (!isBotRequest(request) && article.state === 'PUBLISHED') {
    void api(request, RecordArticleViewMutation, { articleId: id }).catch(() => {});
  }
  // Staff (who see the versions) may compare two: ?compare=1..3, or the form's ?from=1&to=3.
  const asked = search.get('compare') ?? (search.has('from') ? `${search.get('from')}..${search.get('to')}` : null);
  const range = article.versions.length > 0 ? parseCompare(asked, article.currentVersion) : null;
  let compare = null;
  if (range) {
    const diff = await query(request, ArticleDiffQuery, { id, ...range });
    compare = { ...range, fields: diff.data.article?.diff ?? [] };
  }
  // Just voted (?rated=), voting again (?rate=again), or the reader's earlier vote.
  const asRated = search.get('rated');
  const justRated = asRated === 'yes' || asRated === 'no';
  const earlier = article.viewerRating === null ? null : article.viewerRating ? 'yes' : 'no';
  const rated: 'yes' | 'no' | null = justRated ? asRated : search.get('rate') === 'again' ? null : earlier;
  return data({ article, compare, rated, justRated, related: await related, reporting: await reporting }, { headers });
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '');

export const action = sameOriginAction(async ({ request, params }: Route.ActionArgs) => {
  const articleId = routeParam(params.id, isIdParam);
  const form = await request.formData();
  const intent = text(form, 'intent');
  const here = `/kb/${articleId}`;
  const fail = (error: ApiError) => {
    if (error.code === 'UNAUTHENTICATED') throw redirect(`/login?redirectTo=${encodeURIComponent(here)}`);
    const message = Object.values(error.fields)[0] ?? error.message;
    return data({ intent, error: message, confirm: undefined }, { status: statusFor(error) });
  };
  switch (intent) {
    case 'rate': {
      const helpful = text(form, 'helpful') === 'yes';
      const reason = text(form, 'reason').trim();
      const res = await api(request, RateArticleMutation, {
        input: { articleId, helpful, reason: reason || null },
      });
      if (res.error) return fail(res.error);
      throw redirect(`${here}?rated=${helpful ? 'yes' : 'no'}#helpful`);
    }
    case 'report': {
      const res = await api(request, ReportArticleMutation, {
        input: {
          articleId,
          reason: text(form, 'reason') as ArticleReportReason,
          note: text(form, 'note').trim() || null,
        },
      });
      if (res.error) return fail(res.error);
      throw redirect(`${here}#report`);
    }
    case 'submit': {
      const res = await api(request, SubmitArticleMutation, { articleId });
      if (res.error) return fail(res.error);
      throw redirect(here);
    }
    case 'publish': {
      const res = await api(request, PublishArticleMutation, { articleId });
      if (res.error) return fail(res.error);
      throw redirect(here);
    }
    case 'verify': {
      const res = await api(request, VerifyArticleMutation, { articleId });
      if (res.error) return fail(res.error);
      throw redirect(here);
    }
    case 'archive': {
      // Without JavaScript the button submits directly: answer with the confirmation step.
      if (!isConfirmed(form)) {
        return { intent, error: null, confirm: { intent: 'archive', reason: text(form, 'reason') } };
      }
      const res = await api(request, ArchiveArticleMutation, { input: { articleId, reason: text(form, 'reason') } });
      if (res.error) return fail(res.error);
      throw redirect(here);
    }
    default:
      return data({ intent, error: 'Unknown action.', confirm: undefined }, { status: 400 });
  }
});

/** One of the article's parts (Issue, Environment, Resolution, Cause), rendered as posts are. */
function Part({ id, title, html }: { id: string; title: string; html: string }) {
  return (
    <section aria-labelledby={id} data-testid={`article-${id}`}>
      <h2 id={id} className="border-b border-slate-200 pb-1 text-lg font-semibold text-slate-900">
        {title}
      </h2>
      <div className="prose-post mt-2" dangerouslySetInnerHTML={{ __html: html }} />
    </section>
  );
}

/**
 * A knowledge article, laid out as KCS writes them: the issue in the asker's words, the
 * environment it happens in, the resolution and, when known, the cause; beside it who
 * contributed, the thread it came from, its dates and views; under it "Was this helpful?".
 * Staff also get the tools for its life (edit, submit, publish, verify, archive), why it
 * needs review with the source's diff, and its versions with comparisons.
 */
export default function ArticlePage() {
  const { article, compare, rated, justRated, related, reporting } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  const here = `/kb/${article.id}`;
  const isStaff = article.viewerCan.review;
  const rateError = actionData?.intent === 'rate' ? actionData.error : null;
  const reportError = actionData?.intent === 'report' ? actionData.error : null;
  const staffState = actionData && actionData.intent !== 'rate' && actionData.intent !== 'report' ? actionData : {};
  const hasEnvironment = article.environmentHtml.trim() !== '';
  return (
    <div className="space-y-6">
      <div>
        <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
          <Link to="/kb" className="hover:text-slate-900 hover:underline">
            Knowledge base
          </Link>
          {article.category && (
            <>
              {' / '}
              <Link to={`/kb?category=${article.category.id}`} className="hover:text-slate-900 hover:underline">
                {article.category.name}
              </Link>
            </>
          )}
        </nav>
        <h1 className="mt-2 text-2xl font-bold leading-tight sm:text-3xl" data-testid="article-title">
          {article.title}
        </h1>
        <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2 text-sm text-slate-600">
          {article.tags.length > 0 && (
            <span className="flex flex-wrap gap-1.5">
              {article.tags.map((tag) => (
                <Tag key={tag} tag={tag} href={`/kb?tag=${encodeURIComponent(tag)}`} />
              ))}
            </span>
          )}
          {article.publishedAt && (
            <span>
              Published <time dateTime={article.publishedAt}>{formatDay(article.publishedAt)}</time>
            </span>
          )}
          {article.verifiedAt && (
            <span data-testid="verified">
              ✓ Verified by staff <time dateTime={article.verifiedAt}>{formatDay(article.verifiedAt)}</time>
            </span>
          )}
          {article.state === 'PUBLISHED' && <span>{formatCount(article.viewCount, 'view')}</span>}
        </div>
      </div>

      {article.needsReview && !isStaff && (
        <p
          className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          data-testid="review-note"
        >
          Staff are reviewing this article to make sure it is still right.
        </p>
      )}

      {isStaff && <StaffTools article={article} state={staffState} here={`${location.pathname}${location.search}`} />}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_16rem]">
        <div className="min-w-0 space-y-6">
          <article className="space-y-6 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
            <Part id="issue" title="Issue" html={article.issueHtml} />
            {hasEnvironment && <Part id="environment" title="Environment" html={article.environmentHtml} />}
            <Part id="resolution" title="Resolution" html={article.resolutionHtml} />
            {article.causeHtml !== null && article.causeHtml !== undefined && (
              <Part id="cause" title="Cause" html={article.causeHtml} />
            )}
          </article>
          {article.viewerCan.rate && (
            <HelpfulForm
              helpfulCount={article.helpfulCount}
              notHelpfulCount={article.notHelpfulCount}
              rated={rated}
              justRated={justRated}
              error={rateError}
              againHref={`${here}?rate=again#helpful`}
            />
          )}
          <ReportArticleForm canReport={reporting.canReport} reported={reporting.reported} error={reportError} />
        </div>

        <aside className="space-y-4 text-sm" aria-label="About this article">
          {article.contributors.length > 0 && (
            <section aria-labelledby="contributors" className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 id="contributors" className="font-semibold text-slate-900">
                Contributors
              </h2>
              <ul className="mt-2 space-y-1" data-testid="contributors">
                {article.contributors.map((c) => (
                  <li key={`${c.member.handle}-${c.role}`} className="flex items-baseline justify-between gap-2">
                    <Link to={`/u/${c.member.handle}`} className="truncate font-medium text-brand-700 hover:underline">
                      @{c.member.handle}
                    </Link>
                    <span className="text-slate-600">{ROLE_WORDS[c.role] ?? c.role.toLowerCase()}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {article.sourceThread && (
            <section aria-labelledby="source" className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 id="source" className="font-semibold text-slate-900">
                From the community thread
              </h2>
              <p className="mt-1">
                <Link
                  to={`/t/${article.sourceThread.id}`}
                  className="font-medium text-brand-700 hover:underline"
                  data-testid="source-thread"
                >
                  {article.sourceThread.title}
                </Link>
              </p>
            </section>
          )}
          <RelatedList items={related} headingId="related-articles" />
        </aside>
      </div>

      {isStaff && <Versions article={article} compare={compare} />}
    </div>
  );
}
