import { data, Form, Link, redirect, useActionData, useLoaderData, useSearchParams } from 'react-router';
import { Button, FormMessage } from '../components/ui/field';
import { api, query } from '../graphql/client.server';
import { graphql } from '../graphql/generated';
import type { WebhookDeliveryStatus } from '../graphql/generated/graphql';
import { formErrors, statusFor } from '../lib/form-errors';
import { sameOriginAction } from '../lib/same-origin.server';
import { readToken } from '../lib/session.server';
import type { Route } from './+types/admin.webhook';

export const meta: Route.MetaFunction = () => [{ title: 'Webhook deliveries · Admin · Hearth' }];

const WebhookLogQuery = graphql(`
  query AdminWebhookLog($id: ID!, $status: WebhookDeliveryStatus, $after: String) {
    webhookEndpoint(id: $id) {
      id
      url
      description
      events
      enabled
      disabledReason
      failingSince
    }
    webhookDeliveries(endpointId: $id, status: $status, first: 50, after: $after) {
      edges {
        node {
          id
          webhookId
          eventType
          subject
          status
          attempts
          responseStatus
          responseTimeMs
          error
          nextAttemptAt
          lastAttemptAt
          createdAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const ReplayDeliveryMutation = graphql(`
  mutation ReplayWebhookDelivery($id: ID!) {
    replayWebhookDelivery(id: $id) {
      id
    }
  }
`);

const ReplayEndpointMutation = graphql(`
  mutation ReplayWebhookEndpoint($input: ReplayWebhookEndpointInput!) {
    replayWebhookEndpoint(input: $input) {
      replayed
    }
  }
`);

const RotateSecretMutation = graphql(`
  mutation RotateWebhookSecret($id: ID!) {
    rotateWebhookSecret(id: $id) {
      secret
    }
  }
`);

const STATUSES: WebhookDeliveryStatus[] = ['PENDING', 'SENDING', 'RETRYING', 'DELIVERED', 'FAILED', 'DEAD'];
const here = (id: string) => `/admin/webhooks/${id}`;

export async function loader({ request, params }: Route.LoaderArgs) {
  const url = new URL(request.url);
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname)}`);
  const status = STATUSES.find((s) => s === url.searchParams.get('status')) ?? null;
  const after = url.searchParams.get('after') || null;
  const { data: result, headers } = await query(
    request,
    WebhookLogQuery,
    { id: params.id, status, after },
    { routeParams: ['id', 'endpointId'] },
  );
  return data({ ...result, status }, { headers });
}

type ActionResult = { form: string | null; secret?: string; replayed?: number };

export const action = sameOriginAction(async ({ request, params }: Route.ActionArgs) => {
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(here(params.id))}`);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  if (intent === 'replay') {
    const res = await api(request, ReplayDeliveryMutation, { id: String(form.get('delivery') ?? '') });
    if (res.error) return data<ActionResult>(formErrors(res.error), { status: statusFor(res.error) });
    throw redirect(`${here(params.id)}?replayed=1`);
  }
  if (intent === 'replay-since') {
    const since = new Date(`${String(form.get('since') ?? '')}Z`);
    if (Number.isNaN(since.getTime())) {
      return data<ActionResult>({ form: 'Enter the date and time (UTC) to replay from.' }, { status: 400 });
    }
    const res = await api(request, ReplayEndpointMutation, {
      input: { endpointId: params.id, since: since.toISOString() },
    });
    if (res.error) return data<ActionResult>(formErrors(res.error), { status: statusFor(res.error) });
    throw redirect(`${here(params.id)}?replayed=${res.data.replayWebhookEndpoint.replayed}`);
  }
  if (intent === 'rotate') {
    const res = await api(request, RotateSecretMutation, { id: params.id });
    if (res.error) return data<ActionResult>(formErrors(res.error), { status: statusFor(res.error) });
    // Answered, not redirected: the secret is on this one page and never in a URL.
    return data<ActionResult>({ form: null, secret: res.data.rotateWebhookSecret.secret });
  }
  return data<ActionResult>({ form: 'Unknown action.' }, { status: 400 });
});

const STATUS_STYLE: Record<string, string> = {
  DELIVERED: 'bg-emerald-100 text-emerald-900',
  PENDING: 'bg-slate-200 text-slate-900',
  SENDING: 'bg-sky-100 text-sky-900',
  RETRYING: 'bg-amber-100 text-amber-950',
  FAILED: 'bg-red-100 text-red-900',
  DEAD: 'bg-red-100 text-red-900',
};

const utc = (iso: string) => new Date(iso).toISOString().replace('T', ' ').slice(0, 19) + ' UTC';

/**
 * One endpoint's delivery log, newest first: each event sent, its status, attempts, the last
 * answer and how long it took, and when the next attempt is due. Dead and failed deliveries can
 * be sent again one by one, or all of them since a time; each keeps its webhook-id.
 */
export default function AdminWebhookLog() {
  const { webhookEndpoint: endpoint, webhookDeliveries, status } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const [params] = useSearchParams();
  const replayed = params.get('replayed');
  const deliveries = webhookDeliveries.edges.map((e) => e.node);
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to="/admin" className="text-brand-700 hover:underline">
            Admin
          </Link>{' '}
          /{' '}
          <Link to="/admin/webhooks" className="text-brand-700 hover:underline">
            Webhooks
          </Link>{' '}
          / Delivery log
        </p>
        <h1 className="mt-1 text-2xl font-bold break-all">{endpoint.url}</h1>
        {endpoint.description && <p className="mt-1 text-sm text-slate-700">{endpoint.description}</p>}
        <p className="mt-1 text-sm text-slate-700">
          {endpoint.enabled ? 'Enabled' : `Disabled${endpoint.disabledReason ? `: ${endpoint.disabledReason}` : ''}`}
          {' · '}
          {endpoint.events.join(', ')}
        </p>
      </div>

      {replayed && (
        <p
          role="status"
          className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
        >
          {replayed === '1' ? 'One delivery is' : `${replayed} deliveries are`} queued to be sent again.
        </p>
      )}
      <FormMessage message={result?.form} />
      {result?.secret && (
        <section aria-labelledby="secret-heading" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h2 id="secret-heading" className="text-lg font-semibold text-amber-950">
            Copy the new signing secret now
          </h2>
          <p className="mt-1 text-sm text-amber-950">
            Every delivery from now on is signed with it; it is shown only this once.
          </p>
          <label className="mt-3 block text-sm font-medium text-amber-950">
            Signing secret
            <input
              readOnly
              value={result.secret}
              className="mt-1 block w-full rounded-md border border-amber-300 bg-white px-3 py-2 font-mono text-sm text-slate-900"
            />
          </label>
        </section>
      )}

      <div className="flex flex-wrap items-end gap-4">
        <Form method="get" className="flex items-end gap-2">
          <label className="block text-sm font-medium text-slate-700">
            Status
            <select
              name="status"
              defaultValue={status ?? ''}
              className="mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
            >
              <option value="">All</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s.toLowerCase()}
                </option>
              ))}
            </select>
          </label>
          <Button type="submit" variant="secondary">
            Show
          </Button>
        </Form>
        <Form method="post" className="flex items-end gap-2">
          <input type="hidden" name="intent" value="replay-since" />
          <label className="block text-sm font-medium text-slate-700">
            Replay every dead delivery since (UTC)
            <input
              type="datetime-local"
              name="since"
              required
              className="mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
            />
          </label>
          <Button type="submit" variant="secondary">
            Replay dead deliveries
          </Button>
        </Form>
        <Form method="post">
          <input type="hidden" name="intent" value="rotate" />
          <Button type="submit" variant="secondary">
            Rotate signing secret
          </Button>
        </Form>
      </div>

      {deliveries.length === 0 ? (
        <p className="text-sm text-slate-600">No deliveries{status ? ` with status ${status.toLowerCase()}` : ''}.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-left text-sm" data-testid="webhook-deliveries">
            <caption className="sr-only">Deliveries, newest first</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Event
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Status
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Attempts
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Response
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Time
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Next attempt
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id} className="border-b border-slate-100 align-top" data-testid="webhook-delivery">
                  <td className="px-3 py-2">
                    <span className="font-medium">{d.eventType}</span>
                    <span className="block text-xs text-slate-600">
                      {d.subject} · <time dateTime={d.createdAt}>{utc(d.createdAt)}</time>
                    </span>
                    <code className="block text-xs text-slate-600">{d.webhookId}</code>
                  </td>
                  <td className="px-3 py-2">
                    <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${STATUS_STYLE[d.status] ?? ''}`}>
                      {d.status.toLowerCase()}
                    </span>
                    {d.error && <span className="mt-1 block text-xs text-slate-700">{d.error}</span>}
                  </td>
                  <td className="px-3 py-2">{d.attempts}</td>
                  <td className="px-3 py-2">{d.responseStatus ?? '—'}</td>
                  <td className="px-3 py-2">{d.responseTimeMs === null ? '—' : `${d.responseTimeMs} ms`}</td>
                  <td className="px-3 py-2">
                    {d.nextAttemptAt && d.status !== 'DELIVERED' ? (
                      <time dateTime={d.nextAttemptAt}>{utc(d.nextAttemptAt)}</time>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="px-3 py-2">
                    {(d.status === 'DEAD' || d.status === 'FAILED') && (
                      <Form method="post">
                        <input type="hidden" name="intent" value="replay" />
                        <input type="hidden" name="delivery" value={d.id} />
                        <Button type="submit" variant="secondary" className="!px-2 !py-1 text-xs">
                          Replay<span className="sr-only"> {d.webhookId}</span>
                        </Button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {webhookDeliveries.pageInfo.hasNextPage && webhookDeliveries.pageInfo.endCursor && (
        <p className="text-sm">
          <Link
            to={`?${new URLSearchParams({ ...(status ? { status } : {}), after: webhookDeliveries.pageInfo.endCursor })}`}
            className="font-medium text-brand-700 hover:underline"
          >
            Older deliveries
          </Link>
        </p>
      )}
    </div>
  );
}
