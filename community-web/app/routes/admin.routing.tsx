import { data, Form, Link, redirect, useActionData, useLoaderData } from 'react-router';
import { Button, FormMessage } from '../components/ui/field';
import { MoveButtons } from '../components/ui/move-buttons';
import { RoutingRuleForm, type RoutingRuleFormErrors } from '../features/admin/routing-rule-form';
import { moved } from '../features/admin/wording';
import { api, query } from '../graphql/client.server';
import { graphql } from '../graphql/generated';
import { formErrors, statusFor } from '../lib/form-errors';
import { sameOriginAction } from '../lib/same-origin.server';
import { readToken } from '../lib/session.server';
import type { Route } from './+types/admin.routing';

export const meta: Route.MetaFunction = () => [{ title: 'Routing rules · Admin · Hearth' }];

const HERE = '/admin/routing';

const AdminRoutingRulesQuery = graphql(`
  query AdminRoutingRules {
    routingRules {
      id
      name
      enabled
      position
      categoryIds
      tags
      segments
      sentimentNegative
      sentimentScoreAtMost
      sentimentCues
      notifyHandles
      notifyModerators
      raisePriority
      escalate
      conditions
      actions
    }
    adminCategories {
      id
      name
    }
  }
`);

const CreateRuleMutation = graphql(`
  mutation AdminCreateRoutingRule($input: CreateRoutingRuleInput!) {
    createRoutingRule(input: $input) {
      id
    }
  }
`);

const UpdateRuleMutation = graphql(`
  mutation AdminUpdateRoutingRule($input: UpdateRoutingRuleInput!) {
    updateRoutingRule(input: $input) {
      id
    }
  }
`);

const DeleteRuleMutation = graphql(`
  mutation AdminDeleteRoutingRule($id: ID!) {
    deleteRoutingRule(id: $id)
  }
`);

const ReorderRulesMutation = graphql(`
  mutation AdminReorderRoutingRules($ids: [ID!]!) {
    reorderRoutingRules(ids: $ids) {
      id
    }
  }
`);

export async function loader({ request }: Route.LoaderArgs) {
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(HERE)}`);
  const { data: result, headers } = await query(request, AdminRoutingRulesQuery, {});
  return data(result, { headers });
}

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The form's rule as the API takes it (an empty score: no score condition). */
function ruleInput(form: FormData) {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const score = text('sentimentScoreAtMost');
  const raise = text('raisePriority');
  return {
    name: text('name'),
    enabled: form.get('enabled') === 'on',
    categoryIds: form.getAll('categoryIds').map(String),
    tags: list(text('tags')),
    segments: list(text('segments')),
    sentimentNegative: form.get('sentimentNegative') === 'on',
    sentimentScoreAtMost: score === '' ? null : Number.parseInt(score, 10),
    sentimentCues: form.getAll('sentimentCues').map(String),
    notifyHandles: list(text('notifyHandles')).map((h) => h.replace(/^@/, '')),
    notifyModerators: form.get('notifyModerators') === 'on',
    raisePriority: raise === '' ? 0 : Number.parseInt(raise, 10),
    escalate: form.get('escalate') === 'on',
  };
}

type Failure = { intent: string; id: string | null } & RoutingRuleFormErrors;

const failed = (intent: string, id: string | null, errors: RoutingRuleFormErrors, status: number) =>
  data<Failure>({ intent, id, ...errors }, { status });

export const action = sameOriginAction(async ({ request }: Route.ActionArgs) => {
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(HERE)}`);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const id = String(form.get('id') ?? '') || null;

  if (intent === 'up' || intent === 'down') {
    const current = await api(request, AdminRoutingRulesQuery, {});
    if (current.error) return failed('order', id, formErrors(current.error), statusFor(current.error));
    const order = moved(
      current.data.routingRules.map((r) => r.id),
      id ?? '',
      intent,
    );
    const res = await api(request, ReorderRulesMutation, { ids: order });
    if (res.error) return failed('order', id, { form: res.error.message, fields: {} }, statusFor(res.error));
    throw redirect(`${HERE}#rule-${id}`);
  }
  if ((intent === 'enable' || intent === 'disable') && id) {
    const res = await api(request, UpdateRuleMutation, { input: { id, enabled: intent === 'enable' } });
    if (res.error) return failed('order', id, { form: res.error.message, fields: {} }, statusFor(res.error));
    throw redirect(`${HERE}#rule-${id}`);
  }
  if (intent === 'delete' && id) {
    const res = await api(request, DeleteRuleMutation, { id });
    if (res.error) return failed('order', id, { form: res.error.message, fields: {} }, statusFor(res.error));
    throw redirect(HERE);
  }

  const input = ruleInput(form);
  if (Number.isNaN(input.sentimentScoreAtMost) || Number.isNaN(input.raisePriority)) {
    return failed(intent, id, { form: null, fields: { raisePriority: 'Give whole numbers.' } }, 400);
  }
  if (intent === 'update' && id) {
    const { sentimentScoreAtMost, ...rest } = input;
    const res = await api(request, UpdateRuleMutation, {
      input: {
        id,
        ...rest,
        ...(sentimentScoreAtMost === null ? { clearSentimentScore: true } : { sentimentScoreAtMost }),
      },
    });
    if (res.error) return failed(intent, id, formErrors(res.error), statusFor(res.error));
    throw redirect(`${HERE}#rule-${id}`);
  }
  const res = await api(request, CreateRuleMutation, { input });
  if (res.error) return failed('create', null, formErrors(res.error), statusFor(res.error));
  throw redirect(`${HERE}#rule-${res.data.createRoutingRule.id}`);
});

const small =
  'rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-semibold text-slate-700 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-40';

/**
 * Administrators: the routing rules in the order they apply, each with its conditions and
 * actions in words; moved up and down, enabled or disabled, edited, deleted (after a second
 * click), and created. Every form posts without JavaScript.
 */
export default function AdminRouting() {
  const { routingRules: rules, adminCategories: categories } = useLoaderData<typeof loader>();
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
        <h1 className="text-2xl font-bold">Routing rules</h1>
        <p className="mt-1 text-sm text-slate-600">
          Applied in this order to every new question, once each: a rule whose conditions all hold notifies, raises the
          escalation&apos;s priority or escalates.
        </p>
      </div>
      {failure?.intent === 'order' && <FormMessage message={failure.form} />}
      {rules.length === 0 ? (
        <p className="text-sm text-slate-700">No routing rules yet.</p>
      ) : (
        <ol className="space-y-2" data-testid="rule-list">
          {rules.map((r, i) => (
            <li
              key={r.id}
              id={`rule-${r.id}`}
              className="rounded-lg border border-slate-200 bg-white p-3"
              data-testid={`rule-${r.id}`}
            >
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div>
                  <p className="font-medium text-slate-900">
                    {i + 1}. {r.name}{' '}
                    {!r.enabled && <span className="text-xs font-semibold text-slate-600">(disabled)</span>}
                  </p>
                  <p className="text-sm text-slate-700">
                    {r.conditions}: {r.actions}.
                  </p>
                </div>
                <Form method="post" className="flex flex-wrap gap-1">
                  <input type="hidden" name="id" value={r.id} />
                  <MoveButtons name={r.name} first={i === 0} last={i === rules.length - 1} className={small} />
                  <button type="submit" name="intent" value={r.enabled ? 'disable' : 'enable'} className={small}>
                    {r.enabled ? 'Disable' : 'Enable'}
                  </button>
                </Form>
              </div>
              <details className="mt-2" open={!!errorsFor('update', r.id) || undefined}>
                <summary className="cursor-pointer text-sm font-medium text-brand-700">Edit</summary>
                <div className="mt-3">
                  <RoutingRuleForm
                    values={r}
                    categories={categories}
                    errors={errorsFor('update', r.id)}
                    submitLabel={`Save ${r.name}`}
                  />
                </div>
              </details>
              <details className="mt-1">
                <summary className="cursor-pointer text-sm font-medium text-red-700">Delete</summary>
                <Form method="post" className="mt-2 flex items-center gap-2">
                  <input type="hidden" name="id" value={r.id} />
                  <p className="text-sm text-slate-700">Delete “{r.name}”? What it already did stays in the log.</p>
                  <Button type="submit" name="intent" value="delete" variant="danger">
                    Delete {r.name}
                  </Button>
                </Form>
              </details>
            </li>
          ))}
        </ol>
      )}
      <section aria-labelledby="create-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="create-heading" className="mb-3 text-lg font-semibold">
          New rule
        </h2>
        <RoutingRuleForm categories={categories} errors={errorsFor('create', null)} submitLabel="Create rule" />
      </section>
    </div>
  );
}
