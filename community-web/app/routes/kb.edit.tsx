import { data, Form, Link, redirect, useActionData, useLoaderData, useNavigation } from 'react-router';
import { Button, Field, FormMessage, TextArea } from '../components/ui/field';
import { ArticleEditQuery, UpdateArticleMutation } from '../features/knowledge/documents';
import { api, query } from '../graphql/client.server';
import { formErrors, statusFor } from '../lib/form-errors';
import { isIdParam, notFound, routeParam } from '../lib/route-params';
import { sameOriginAction } from '../lib/same-origin.server';
import { readToken } from '../lib/session.server';
import { splitTags } from './thread';
import type { Route } from './+types/kb.edit';

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `Edit: ${data?.article?.title ?? 'article'} · Knowledge base · Hearth` },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const id = routeParam(params.id, isIdParam);
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(`/kb/${id}/edit`)}`);
  const { data: result, headers } = await query(request, ArticleEditQuery, { id }, { routeParams: ['id'] });
  const article = result.article;
  if (!article) throw notFound();
  if (!article.viewerCan.edit || article.versions.length === 0) {
    throw data(
      {
        message:
          article.state === 'ARCHIVED'
            ? 'This article is archived: it can no longer be edited.'
            : 'Only staff can edit knowledge articles.',
      },
      { status: 403 },
    );
  }
  // Staff edit the latest version: the staged one, when a published article is being edited.
  const latest = article.versions[0]!;
  return data({ article, latest }, { headers });
}

const FIELDS = ['title', 'issue', 'environment', 'resolution', 'cause', 'tags', 'reviewBy', 'note'] as const;
type Values = Record<(typeof FIELDS)[number], string>;

export const action = sameOriginAction(async ({ request, params }: Route.ActionArgs) => {
  const articleId = routeParam(params.id, isIdParam);
  const form = await request.formData();
  const values = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? '')])) as Values;
  // The review date is sent only when changed: an overdue date sent back as it was would be refused.
  const reviewBy =
    values.reviewBy && values.reviewBy !== String(form.get('reviewByWas') ?? '') ? values.reviewBy : null;
  const res = await api(request, UpdateArticleMutation, {
    input: {
      articleId,
      title: values.title,
      issue: values.issue,
      environment: values.environment,
      resolution: values.resolution,
      cause: values.cause,
      tags: splitTags(values.tags),
      reviewBy,
      note: values.note.trim() || null,
    },
  });
  if (res.error) {
    if (res.error.code === 'UNAUTHENTICATED') {
      throw redirect(`/login?redirectTo=${encodeURIComponent(`/kb/${articleId}/edit`)}`);
    }
    const errors = formErrors(res.error);
    // A message about no field of the form (e.g. "Your edit changes nothing.") is the form's.
    const stray = Object.entries(errors.fields).filter(([f]) => !(FIELDS as readonly string[]).includes(f));
    const form = errors.form ?? (stray.length > 0 ? stray.map(([, m]) => m).join(' ') : null);
    return data({ form, fields: errors.fields, values }, { status: statusFor(res.error) });
  }
  throw redirect(`/kb/${articleId}`);
});

/**
 * The staff editor: every part of the article as markdown, tags, the review date and a note for
 * the history. A draft changes at once; a published article's edit is staged as a new version
 * that readers see only once it is published.
 */
export default function EditArticle() {
  const { article, latest } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const v = result?.values;
  const errors = result?.fields ?? {};
  const published = article.state === 'PUBLISHED';
  return (
    <div className="mx-auto max-w-3xl">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
        <Link to="/kb" className="hover:text-slate-900 hover:underline">
          Knowledge base
        </Link>
        {' / '}
        <Link to={`/kb/${article.id}`} className="hover:text-slate-900 hover:underline">
          {article.title}
        </Link>
      </nav>
      <h1 className="mt-2 text-2xl font-bold">Edit article</h1>
      {published ? (
        <p
          className="mt-3 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900"
          data-testid="staged-warning"
        >
          This article is published. Saving stages your changes as version {article.currentVersion + 1}: readers keep
          seeing the published version until staff publish the changes from the article page.
        </p>
      ) : (
        <p className="mt-1 text-sm text-slate-600">
          Editing version {article.currentVersion} of this {article.state === 'DRAFT' ? 'draft' : 'article'}. Saving
          makes a new version.
        </p>
      )}
      <Form method="post" className="mt-6 space-y-5 rounded-lg border border-slate-200 bg-white p-4 sm:p-6" noValidate>
        <FormMessage message={result?.form} />
        <input type="hidden" name="reviewByWas" value={article.reviewBy} />
        <Field
          label="Title"
          name="title"
          defaultValue={v?.title ?? latest.title}
          error={errors.title}
          hint="10–200 characters: the problem as a reader would search for it."
          autoComplete="off"
        />
        <TextArea
          label="Issue (markdown)"
          name="issue"
          rows={6}
          defaultValue={v?.issue ?? latest.issue}
          error={errors.issue}
          hint="The problem in the asker’s words: symptoms, error messages, what they tried."
        />
        <TextArea
          label="Environment (markdown, optional)"
          name="environment"
          rows={3}
          defaultValue={v?.environment ?? latest.environment}
          error={errors.environment}
          hint="Product, version, platform, e.g. “- Version: 2.3.1”. Leave empty when it applies everywhere."
        />
        <TextArea
          label="Resolution (markdown)"
          name="resolution"
          rows={10}
          defaultValue={v?.resolution ?? latest.resolution}
          error={errors.resolution}
          hint="What fixes it, as steps a reader can follow. At least 20 characters."
        />
        <TextArea
          label="Cause (markdown, optional)"
          name="cause"
          rows={3}
          defaultValue={v?.cause ?? latest.cause ?? ''}
          error={errors.cause}
          hint="Why it happens, when known. Leave empty to leave it out."
        />
        <Field
          label="Tags"
          name="tags"
          defaultValue={v?.tags ?? latest.tags.join(', ')}
          error={errors.tags}
          hint="Up to 5, comma-separated, e.g. wifi, setup"
          autoComplete="off"
        />
        <Field
          label="Review by"
          name="reviewBy"
          type="date"
          defaultValue={v?.reviewBy ?? article.reviewBy}
          error={errors.reviewBy}
          hint="The day staff should check it again (within three years). The queue flags it then."
        />
        <Field
          label="Note for the version history (optional)"
          name="note"
          defaultValue={v?.note ?? ''}
          error={errors.note}
          hint="Why you changed it, e.g. “clearer steps for 2.4”."
          maxLength={500}
          autoComplete="off"
        />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={busy}>
            {busy ? 'Saving…' : published ? 'Save as staged version' : 'Save'}
          </Button>
          <Link to={`/kb/${article.id}`} className="text-sm font-medium text-slate-700 hover:text-slate-900">
            Cancel
          </Link>
        </div>
      </Form>
    </div>
  );
}
