import { data, Form, redirect, useActionData, useLoaderData, useNavigation, useSearchParams } from 'react-router';
import { Button, Field, FormMessage, TextArea } from '../components/ui/field';
import { api, query } from '../graphql/client.server';
import { AskCategoriesQuery, AskQuestionMutation } from '../graphql/documents';
import { formErrors, statusFor } from '../lib/form-errors';
import { readToken } from '../lib/session.server';
import { splitTags } from './thread';
import { sameOriginAction } from '../lib/same-origin.server';
import type { Route } from './+types/ask';

export const meta: Route.MetaFunction = () => [{ title: 'Ask a question · Hearth' }];

export async function loader({ request }: Route.LoaderArgs) {
  if (!(await readToken(request))) throw redirect('/login?redirectTo=/ask');
  const { data: result } = await query(request, AskCategoriesQuery, {});
  if (!result.me) throw redirect('/login?redirectTo=/ask');
  const staff = result.me.role !== 'MEMBER';
  // Members cannot start threads in announcement categories: don't offer them.
  return { categories: result.categories.filter((c) => staff || c.kind !== 'ANNOUNCEMENTS') };
}

export const action = sameOriginAction(async ({ request }: Route.ActionArgs) => {
  const form = await request.formData();
  const values = {
    categoryId: String(form.get('categoryId') ?? ''),
    title: String(form.get('title') ?? ''),
    body: String(form.get('body') ?? ''),
    tags: String(form.get('tags') ?? ''),
  };
  const res = await api(request, AskQuestionMutation, {
    input: { categoryId: values.categoryId, title: values.title, body: values.body, tags: splitTags(values.tags) },
  });
  if (res.error) {
    if (res.error.code === 'UNAUTHENTICATED') throw redirect('/login?redirectTo=/ask');
    return data({ ...formErrors(res.error), values }, { status: statusFor(res.error) });
  }
  throw redirect(`/t/${res.data.askQuestion.id}`);
});

export default function Ask() {
  const { categories } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === 'submitting';
  const values = result?.values;
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold">Ask a question</h1>
      <p className="mt-1 text-slate-600">Describe the problem, what you expected, and what you already tried.</p>
      <Form method="post" className="mt-6 space-y-4 rounded-lg border border-slate-200 bg-white p-6" noValidate>
        <FormMessage message={result?.form} />
        <div>
          <label htmlFor="categoryId" className="block text-sm font-medium text-slate-700">
            Category
          </label>
          <select
            id="categoryId"
            name="categoryId"
            defaultValue={values?.categoryId ?? params.get('category') ?? categories[0]?.id}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <Field
          label="Title"
          name="title"
          defaultValue={values?.title}
          error={result?.fields.title}
          hint="15–150 characters: the question in one sentence."
          autoComplete="off"
        />
        <TextArea
          label="Details (markdown)"
          name="body"
          rows={10}
          defaultValue={values?.body}
          error={result?.fields.body}
          hint="At least 20 characters. Include versions, error messages and steps to reproduce."
        />
        <Field
          label="Tags"
          name="tags"
          defaultValue={values?.tags}
          error={result?.fields.tags}
          hint="Up to 5, comma-separated, e.g. sync, android"
          autoComplete="off"
        />
        <Button type="submit" disabled={busy}>
          {busy ? 'Posting…' : 'Post your question'}
        </Button>
      </Form>
    </div>
  );
}
