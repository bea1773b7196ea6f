import { useId } from 'react';
import { data, Form, Link, redirect, useActionData, useLoaderData, useSearchParams } from 'react-router';
import { Button, Field, FieldError, FormMessage } from '../components/ui/field';
import { api, query } from '../graphql/client.server';
import { graphql } from '../graphql/generated';
import { formErrors, statusFor } from '../lib/form-errors';
import { sameOriginAction } from '../lib/same-origin.server';
import { readToken } from '../lib/session.server';
import type { Route } from './+types/admin.webhooks';

export const meta: Route.MetaFunction = () => [{ title: 'Webhooks · Admin · Hearth' }];

const HERE = '/admin/webhooks';

const WebhooksQuery = graphql(`
  query AdminWebhooks {
    webhookEventKinds {
      type
      label
      description
    }
    webhookEndpoints {
      id
      url
      description
      events
      enabled
      disabledReason
      failingSince
    }
  }
`);

const CreateWebhookMutation = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      endpoint {
        id
        url
      }
      secret
    }
  }
`);

const EnableWebhookMutation = graphql(`
  mutation EnableWebhookEndpoint($id: ID!) {
    enableWebhookEndpoint(id: $id) {
      id
    }
  }
`);

const DisableWebhookMutation = graphql(`
  mutation DisableWebhookEndpoint($id: ID!) {
    disableWebhookEndpoint(id: $id) {
      id
    }
  }
`);

const DeleteWebhookMutation = graphql(`
  mutation DeleteWebhookEndpoint($id: ID!) {
    deleteWebhookEndpoint(id: $id)
  }
`);

export async function loader({ request }: Route.LoaderArgs) {
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(HERE)}`);
  const { data: result, headers } = await query(request, WebhooksQuery, {});
  return data(result, { headers });
}

type ActionResult =
  | {
      intent: 'create';
      created: { id: string; url: string; secret: string } | null;
      form: string | null;
      fields: Record<string, string>;
    }
  | { intent: 'row'; id: string; form: string | null; fields: Record<string, string> };

export const action = sameOriginAction(async ({ request }: Route.ActionArgs) => {
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(HERE)}`);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  if (intent === 'create') {
    const input = {
      url: String(form.get('url') ?? '').trim(),
      events: form.getAll('events').map(String),
      description: String(form.get('description') ?? '').trim() || null,
    };
    const res = await api(request, CreateWebhookMutation, { input });
    if (res.error) {
      return data<ActionResult>(
        { intent: 'create', created: null, ...formErrors(res.error) },
        { status: statusFor(res.error) },
      );
    }
    // Answered, not redirected: the secret is on this one page and never in a URL.
    const { endpoint, secret } = res.data.createWebhookEndpoint;
    return data<ActionResult>({
      intent: 'create',
      created: { id: endpoint.id, url: endpoint.url, secret },
      form: null,
      fields: {},
    });
  }
  const id = String(form.get('id') ?? '');
  const res =
    intent === 'enable'
      ? await api(request, EnableWebhookMutation, { id })
      : intent === 'disable'
        ? await api(request, DisableWebhookMutation, { id })
        : intent === 'delete'
          ? await api(request, DeleteWebhookMutation, { id })
          : null;
  if (!res) return data<ActionResult>({ intent: 'row', id, form: 'Unknown action.', fields: {} }, { status: 400 });
  if (res.error)
    return data<ActionResult>({ intent: 'row', id, ...formErrors(res.error) }, { status: statusFor(res.error) });
  throw redirect(`${HERE}?done=${intent}`);
});

const DONE: Record<string, string> = {
  enable: 'The endpoint is enabled: new events are sent to it again.',
  disable: 'The endpoint is disabled: nothing more is sent to it.',
  delete: 'The endpoint and its delivery log were deleted.',
};

/**
 * Administrators register the endpoints the community's events are sent to (Standard Webhooks,
 * signed), see which are failing or disabled, and switch them on and off. A new endpoint's
 * signing secret is shown once, on the page that created it.
 */
export default function AdminWebhooks() {
  const { webhookEventKinds, webhookEndpoints } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const [params] = useSearchParams();
  const done = DONE[params.get('done') ?? ''];
  const created = result?.intent === 'create' ? result.created : null;
  const createErrors = result?.intent === 'create' && !result.created ? result : null;
  const labels = new Map(webhookEventKinds.map((k) => [k.type, k.label]));
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to="/admin" className="text-brand-700 hover:underline">
            Admin
          </Link>{' '}
          / Webhooks
        </p>
        <h1 className="mt-1 text-2xl font-bold">Webhooks</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Events are sent to each enabled endpoint as signed JSON (Standard Webhooks: <code>webhook-id</code>,{' '}
          <code>webhook-timestamp</code>, <code>webhook-signature</code>). A failed delivery is retried for about a day
          and a half; an endpoint that answers 410, or fails for five days, is disabled.
        </p>
      </div>

      {done && (
        <p
          role="status"
          className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
        >
          {done}
        </p>
      )}
      {result?.intent === 'row' && <FormMessage message={result.form} />}

      {created && (
        <section
          aria-labelledby="secret-heading"
          className="rounded-lg border border-amber-300 bg-amber-50 p-4"
          data-testid="webhook-secret"
        >
          <h2 id="secret-heading" className="text-lg font-semibold text-amber-950">
            Copy the signing secret now
          </h2>
          <p className="mt-1 text-sm text-amber-950">
            The endpoint <span className="font-medium break-all">{created.url}</span> was created. Its signing secret is
            shown only this once; the receiver needs it to verify every delivery.
          </p>
          <label className="mt-3 block text-sm font-medium text-amber-950">
            Signing secret
            <input
              readOnly
              value={created.secret}
              className="mt-1 block w-full rounded-md border border-amber-300 bg-white px-3 py-2 font-mono text-sm text-slate-900"
              onFocus={(e) => e.currentTarget.select()}
            />
          </label>
          <p className="mt-2 text-sm">
            <Link to={`${HERE}/${created.id}`} className="font-medium text-brand-700 underline">
              Open its delivery log
            </Link>
          </p>
        </section>
      )}

      <section aria-labelledby="endpoints-heading" className="space-y-3">
        <h2 id="endpoints-heading" className="text-lg font-semibold">
          Endpoints
        </h2>
        {webhookEndpoints.length === 0 ? (
          <p className="text-sm text-slate-600">No endpoint yet: add one below.</p>
        ) : (
          <ul className="space-y-3">
            {webhookEndpoints.map((e) => (
              <li key={e.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="webhook-endpoint">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="min-w-0">
                    <Link to={`${HERE}/${e.id}`} className="font-semibold break-all text-brand-700 hover:underline">
                      {e.url}
                    </Link>
                    {e.description && <p className="text-sm text-slate-700">{e.description}</p>}
                    <p className="mt-1 text-sm text-slate-700">
                      {e.enabled ? (
                        <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-semibold text-emerald-900">
                          Enabled
                        </span>
                      ) : (
                        <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs font-semibold text-slate-900">
                          Disabled
                        </span>
                      )}{' '}
                      {e.events.map((t) => labels.get(t) ?? t).join(', ')}
                    </p>
                    {!e.enabled && e.disabledReason && (
                      <p className="mt-1 text-sm text-slate-700">{e.disabledReason}</p>
                    )}
                    {e.enabled && e.failingSince && (
                      <p className="mt-1 text-sm text-red-700">
                        Failing since <time dateTime={e.failingSince}>{new Date(e.failingSince).toUTCString()}</time>
                      </p>
                    )}
                  </div>
                  <div className="flex flex-wrap gap-2">
                    <Form method="post">
                      <input type="hidden" name="id" value={e.id} />
                      <Button type="submit" name="intent" value={e.enabled ? 'disable' : 'enable'} variant="secondary">
                        {e.enabled ? 'Disable' : 'Enable'}
                        <span className="sr-only"> {e.url}</span>
                      </Button>
                    </Form>
                    <Form method="post">
                      <input type="hidden" name="id" value={e.id} />
                      <Button type="submit" name="intent" value="delete" variant="danger">
                        Delete<span className="sr-only"> {e.url}</span>
                      </Button>
                    </Form>
                  </div>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <CreateEndpointForm kinds={webhookEventKinds} errors={createErrors} />
    </div>
  );
}

function CreateEndpointForm({
  kinds,
  errors,
}: {
  kinds: { type: string; label: string; description: string }[];
  errors: { form: string | null; fields: Record<string, string> } | null;
}) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        Add an endpoint
      </h2>
      <Form method="post" className="mt-3 space-y-4">
        <input type="hidden" name="intent" value="create" />
        <Field
          label="URL"
          name="url"
          type="url"
          required
          maxLength={2000}
          placeholder="https://crm.example.com/hooks/hearth"
          hint="https, to a public address."
          error={errors?.fields.url}
        />
        <fieldset aria-describedby={`${id}-events-error`}>
          <legend className="text-sm font-medium text-slate-700">Events to send</legend>
          <div className="mt-1 grid gap-2 sm:grid-cols-2">
            {kinds.map((k) => (
              <label key={k.type} className="flex items-start gap-2 text-sm text-slate-800">
                <input type="checkbox" name="events" value={k.type} defaultChecked className="mt-1" />
                <span>
                  <span className="font-medium">{k.label}</span> <code className="text-xs">{k.type}</code>
                  <span className="block text-xs text-slate-600">{k.description}</span>
                </span>
              </label>
            ))}
          </div>
          <FieldError id={`${id}-events-error`} error={errors?.fields.events} />
        </fieldset>
        <Field label="Description (optional)" name="description" maxLength={500} error={errors?.fields.description} />
        <FormMessage message={errors?.form} />
        <Button type="submit">Add endpoint</Button>
      </Form>
    </section>
  );
}
