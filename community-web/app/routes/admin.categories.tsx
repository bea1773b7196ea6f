import { data, Form, Link, redirect, useActionData, useLoaderData } from 'react-router';
import { FormMessage } from '../components/ui/field';
import { MoveButtons } from '../components/ui/move-buttons';
import { CategoryForm, type CategoryFormErrors } from '../features/admin/category-form';
import { answerTargetInWords, KIND_HELP, moved, slowModeInWords } from '../features/admin/wording';
import { api, query } from '../graphql/client.server';
import { graphql } from '../graphql/generated';
import type { CategoryKind } from '../graphql/generated/graphql';
import { formErrors, statusFor } from '../lib/form-errors';
import { sameOriginAction } from '../lib/same-origin.server';
import { readToken } from '../lib/session.server';
import type { Route } from './+types/admin.categories';

export const meta: Route.MetaFunction = () => [{ title: 'Categories · Admin · Hearth' }];

const HERE = '/admin/categories';

const AdminCategoriesQuery = graphql(`
  query AdminCategories {
    adminCategories {
      id
      slug
      name
      description
      kind
      position
      threadCount
      slowModeSeconds
      answerTargetMinutes
    }
  }
`);

const ReorderMutation = graphql(`
  mutation ReorderCategories($ids: [ID!]!) {
    reorderCategories(ids: $ids) {
      id
    }
  }
`);

const CreateMutation = graphql(`
  mutation AdminCreateCategory($input: CreateCategoryInput!) {
    createCategory(input: $input) {
      id
    }
  }
`);

const UpdateMutation = graphql(`
  mutation AdminUpdateCategory($input: UpdateCategoryInput!) {
    updateCategory(input: $input) {
      id
    }
  }
`);

export async function loader({ request }: Route.LoaderArgs) {
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(HERE)}`);
  const { data: result, headers } = await query(request, AdminCategoriesQuery, {});
  return data(result, { headers });
}

/**
 * The form's category fields as the API takes them; a slow mode or an answer target that is no
 * whole number is a field error here (empty is 0: off).
 */
function categoryInput(form: FormData) {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const whole = (name: string) => (text(name) === '' ? 0 : Number(text(name)));
  const slowModeSeconds = whole('slowModeSeconds');
  const answerTargetMinutes = whole('answerTargetMinutes');
  const notANumber: Record<string, string> = {};
  if (!Number.isInteger(slowModeSeconds)) notANumber.slowModeSeconds = 'Slow mode is a whole number of seconds.';
  if (!Number.isInteger(answerTargetMinutes)) {
    notANumber.answerTargetMinutes = 'The answer target is a whole number of minutes.';
  }
  return {
    input: {
      name: text('name'),
      slug: text('slug'),
      description: text('description'),
      kind: (text('kind') || 'QA') as CategoryKind,
      slowModeSeconds: Number.isInteger(slowModeSeconds) ? slowModeSeconds : -1,
      answerTargetMinutes: Number.isInteger(answerTargetMinutes) ? answerTargetMinutes : -1,
    },
    notANumber,
  };
}

type Failure = { intent: string; id: string | null } & CategoryFormErrors;

const failed = (intent: string, id: string | null, errors: CategoryFormErrors, status: number) =>
  data<Failure>({ intent, id, ...errors }, { status });

export const action = sameOriginAction(async ({ request }: Route.ActionArgs) => {
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(HERE)}`);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const id = String(form.get('id') ?? '') || null;

  if (intent === 'up' || intent === 'down') {
    const current = await api(request, AdminCategoriesQuery, {});
    if (current.error) return failed(intent, id, formErrors(current.error), statusFor(current.error));
    const order = moved(
      current.data.adminCategories.map((c) => c.id),
      id ?? '',
      intent,
    );
    const res = await api(request, ReorderMutation, { ids: order });
    // A reorder's error names the whole list: show it above the table.
    if (res.error) return failed('order', id, { form: res.error.message, fields: {} }, statusFor(res.error));
    throw redirect(`${HERE}#category-${id}`);
  }

  const { input, notANumber } = categoryInput(form);
  if (Object.keys(notANumber).length > 0) return failed(intent, id, { form: null, fields: notANumber }, 400);
  const res =
    intent === 'update' && id
      ? await api(request, UpdateMutation, { input: { id, ...input } })
      : await api(request, CreateMutation, { input: { ...input, position: Number(form.get('position')) || 0 } });
  if (res.error) return failed(intent, id, formErrors(res.error), statusFor(res.error));
  const savedId = 'updateCategory' in res.data ? res.data.updateCategory.id : res.data.createCategory.id;
  throw redirect(`${HERE}#category-${savedId}`);
});

const moveButton =
  'rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-semibold text-slate-700 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-40';

/**
 * Administrators: the categories in display order (kind, threads, slow mode), moved up and
 * down one place at a time, edited one by one, and created. Every form posts without
 * JavaScript; the API's errors show beside the form that caused them.
 */
export default function AdminCategories() {
  const { adminCategories: categories } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const errorsFor = (intent: string, id: string | null) =>
    failure && failure.intent === intent && failure.id === id ? failure : null;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link to="/admin" className="text-brand-700 hover:underline">
            Admin
          </Link>
        </p>
        <h1 className="text-2xl font-bold">Categories</h1>
        <p className="mt-1 text-sm text-slate-600">
          In the order members see them. Restricted categories are seen only by moderators, administrators and
          advocates.
        </p>
      </div>
      {failure?.intent === 'order' && <FormMessage message={failure.form} />}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm" data-testid="category-table">
          <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2 font-semibold">
                Name
              </th>
              <th scope="col" className="hidden px-3 py-2 font-semibold sm:table-cell">
                Kind
              </th>
              <th scope="col" className="hidden px-3 py-2 text-right font-semibold sm:table-cell">
                Threads
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                Slow mode
              </th>
              <th scope="col" className="hidden px-3 py-2 font-semibold md:table-cell">
                Answer target
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                <span className="sr-only">Order</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {categories.map((c, i) => (
              <tr key={c.id} id={`category-${c.id}`} className="border-b border-slate-100 last:border-0">
                <td className="px-3 py-2">
                  <a href={`#edit-${c.id}`} className="font-medium text-brand-700 hover:underline">
                    {c.name}
                  </a>
                  <span className="block text-xs text-slate-600">/c/{c.slug}</span>
                  {/* Phones: kind and threads under the name, not in columns of their own. */}
                  <span className="block text-xs text-slate-600 sm:hidden">
                    {KIND_HELP[c.kind]?.label ?? c.kind} · {c.threadCount} threads
                  </span>
                </td>
                <td className="hidden px-3 py-2 text-slate-800 sm:table-cell">{KIND_HELP[c.kind]?.label ?? c.kind}</td>
                <td className="hidden px-3 py-2 text-right tabular-nums text-slate-800 sm:table-cell">
                  {c.threadCount}
                </td>
                <td className="px-3 py-2 text-slate-800" data-testid={`slow-mode-${c.id}`}>
                  {slowModeInWords(c.slowModeSeconds)}
                </td>
                <td className="hidden px-3 py-2 text-slate-800 md:table-cell" data-testid={`answer-target-${c.id}`}>
                  {answerTargetInWords(c.answerTargetMinutes)}
                </td>
                <td className="px-3 py-2">
                  <Form method="post" className="flex gap-1">
                    <input type="hidden" name="id" value={c.id} />
                    <MoveButtons
                      name={c.name}
                      first={i === 0}
                      last={i === categories.length - 1}
                      className={moveButton}
                    />
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section aria-labelledby="edit-heading" className="space-y-3">
        <h2 id="edit-heading" className="text-lg font-semibold">
          Edit
        </h2>
        {categories.map((c) => {
          const errors = errorsFor('update', c.id);
          return (
            <details
              key={c.id}
              id={`edit-${c.id}`}
              open={!!errors || undefined}
              className="rounded-lg border border-slate-200 bg-white p-4"
            >
              <summary className="cursor-pointer font-medium text-slate-900">{c.name}</summary>
              <div className="mt-3">
                <CategoryForm values={c} errors={errors} submitLabel={`Save ${c.name}`} />
              </div>
            </details>
          );
        })}
      </section>

      <section aria-labelledby="create-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="create-heading" className="mb-3 text-lg font-semibold">
          New category
        </h2>
        <CategoryForm errors={errorsFor('create', null)} submitLabel="Create category" position={categories.length} />
      </section>
    </div>
  );
}
