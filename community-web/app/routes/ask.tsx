import { useEffect, useRef, useState } from 'react';
import { data, Form, redirect, useActionData, useLoaderData, useNavigation, useSearchParams } from 'react-router';
import { Button, Field, FormMessage } from '../components/ui/field';
import { Composer } from '../features/composer/composer';
import { TagInput } from '../features/composer/tag-input';
import { findSimilar, recordAsked, recordShown } from '../features/deflection/deflection.server';
import { LiveSuggestions } from '../features/deflection/live-suggestions';
import { isAskSessionId, newAskSessionId, type Suggestion } from '../features/deflection/session';
import { SuggestionList } from '../features/deflection/suggestion-list';
import { api, query } from '../graphql/client.server';
import { AskCategoriesQuery, AskQuestionMutation } from '../graphql/documents';
import { formErrors, statusFor } from '../lib/form-errors';
import { readToken } from '../lib/session.server';
import { useHydrated } from '../lib/use-hydrated';
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
  // One ask session per visit: the deflection log's key for what was suggested and opened.
  return {
    categories: result.categories.filter((c) => staff || c.kind !== 'ANNOUNCEMENTS'),
    sessionId: newAskSessionId(),
  };
}

/** The ask form's draft keeps the title and tags with the body (the category is quick to pick again). */
const ASK_DRAFT_FIELDS = ['title', 'tags'] as const;

/** Titles this long are real questions (the API's minimum): only they get the check step. */
const MIN_TITLE = 15;

export const action = sameOriginAction(async ({ request }: Route.ActionArgs) => {
  const form = await request.formData();
  const values = {
    categoryId: String(form.get('categoryId') ?? ''),
    title: String(form.get('title') ?? ''),
    body: String(form.get('body') ?? ''),
    tags: String(form.get('tags') ?? ''),
    sessionId: String(form.get('sessionId') ?? ''),
  };
  const sessionId = isAskSessionId(values.sessionId) ? values.sessionId : '';
  // Without JavaScript nobody saw suggestions while typing: the first submit shows them first
  // ("Check similar questions"); "Post my question anyway" (intent=post) posts. With JavaScript
  // (`js`), suggestions were beside the form all along.
  if (!form.get('js') && form.get('intent') !== 'post' && values.title.trim().length >= MIN_TITLE) {
    const { suggestions } = await findSimilar(request, values.title.trim(), values.body);
    if (suggestions.length > 0) {
      await recordShown(request, sessionId, suggestions);
      return { form: null, fields: {} as Record<string, string>, values, check: suggestions, checked: true };
    }
  }
  const res = await api(request, AskQuestionMutation, {
    input: { categoryId: values.categoryId, title: values.title, body: values.body, tags: splitTags(values.tags) },
  });
  if (res.error) {
    if (res.error.code === 'UNAUTHENTICATED') throw redirect('/login?redirectTo=/ask');
    // After the check step, a correction is posted straight away (the suggestions were seen).
    const checked = form.get('intent') === 'post';
    return data({ ...formErrors(res.error), values, check: null, checked }, { status: statusFor(res.error) });
  }
  // The question is posted; whether the log hears of it never changes that.
  await recordAsked(request, sessionId, res.data.askQuestion.id);
  throw redirect(`/t/${res.data.askQuestion.id}`);
});

export default function Ask() {
  const { categories, sessionId: newSession } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === 'submitting';
  const hydrated = useHydrated();
  const values = result?.values;
  const [draft, setDraft] = useState({ title: values?.title ?? '', body: values?.body ?? '' });
  const formRef = useRef<HTMLFormElement>(null);
  const readDraft = (form: HTMLFormElement) => {
    const fields = new FormData(form);
    setDraft({ title: String(fields.get('title') ?? ''), body: String(fields.get('body') ?? '') });
  };
  // What was typed before the page hydrated counts too.
  useEffect(() => {
    if (formRef.current) readDraft(formRef.current);
  }, []);
  // The session made for this visit, kept across submissions by the hidden field.
  const sessionId = values && isAskSessionId(values.sessionId) ? values.sessionId : newSession;
  const check: Suggestion[] | null = result && 'check' in result ? (result.check ?? null) : null;
  return (
    <div className="mx-auto grid max-w-5xl gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="min-w-0">
        <h1 className="text-2xl font-bold">Ask a question</h1>
        <p className="mt-1 text-slate-600">Describe the problem, what you expected, and what you already tried.</p>
        {check && (
          <section
            aria-labelledby="check-similar"
            className="mt-6 rounded-lg border border-amber-200 bg-amber-50 p-4"
            data-testid="check-similar"
          >
            <h2 id="check-similar" className="text-lg font-semibold text-slate-900">
              Check similar questions
            </h2>
            <p className="mt-1 text-sm text-slate-700">
              These solved questions and articles look like yours. One of them may already have your answer.
            </p>
            <div className="mt-3">
              <SuggestionList session={sessionId} suggestions={check} />
            </div>
            <p className="mt-3 text-sm text-slate-700">
              Not what you need? Your question is kept below: post it as it is, or edit it first.
            </p>
          </section>
        )}
        <Form
          method="post"
          className="mt-6 space-y-4 rounded-lg border border-slate-200 bg-white p-6"
          noValidate
          onInput={(event) => {
            const form = event.currentTarget;
            setDraft({
              title: String(new FormData(form).get('title') ?? ''),
              body: String(new FormData(form).get('body') ?? ''),
            });
          }}
        >
          <input type="hidden" name="sessionId" value={sessionId} />
          {hydrated && <input type="hidden" name="js" value="1" />}
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
          <Composer
            label="Details (markdown)"
            name="body"
            rows={10}
            defaultValue={values?.body}
            error={result?.fields.body}
            hint="At least 20 characters. Include versions, error messages and steps to reproduce."
            draftKey="ask"
            draftFields={ASK_DRAFT_FIELDS}
            submitFailed={!!result}
          />
          <TagInput
            label="Tags"
            name="tags"
            defaultValue={values?.tags}
            error={result?.fields.tags}
            hint="Up to 5, comma-separated, e.g. sync, android"
          />
          <Button type="submit" name="intent" value={result?.checked ? 'post' : 'ask'} disabled={busy}>
            {busy ? 'Posting…' : check ? 'Post my question anyway' : 'Post your question'}
          </Button>
        </Form>
      </div>
      <LiveSuggestions session={sessionId} title={draft.title} body={draft.body} />
    </div>
  );
}
