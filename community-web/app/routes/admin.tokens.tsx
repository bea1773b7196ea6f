import { useId } from 'react';
import { data, Form, Link, redirect, useActionData, useLoaderData } from 'react-router';
import { ConfirmButton, ConfirmStep, isConfirmed } from '../components/ui/confirm';
import { Button, Field, FieldError, FormMessage } from '../components/ui/field';
import { chosenScopes, SERVICE_SCOPES } from '../features/admin/service-tokens';
import { api, query } from '../graphql/client.server';
import { graphql } from '../graphql/generated';
import { formErrors, statusFor } from '../lib/form-errors';
import { sameOriginAction } from '../lib/same-origin.server';
import { readToken } from '../lib/session.server';
import type { Route } from './+types/admin.tokens';

export const meta: Route.MetaFunction = () => [{ title: 'Service tokens · Admin · Hearth' }];

const HERE = '/admin/tokens';

const ServiceTokensQuery = graphql(`
  query AdminServiceTokens {
    serviceTokens {
      id
      name
      scopes
      createdAt
      rotatedAt
      lastUsedAt
      revokedAt
      createdBy {
        handle
      }
    }
  }
`);

const CreateServiceTokenMutation = graphql(`
  mutation AdminCreateServiceToken($input: CreateServiceTokenInput!) {
    createServiceToken(input: $input) {
      token
      serviceToken {
        id
        name
      }
    }
  }
`);

const RotateServiceTokenMutation = graphql(`
  mutation AdminRotateServiceToken($id: ID!) {
    rotateServiceToken(id: $id) {
      token
      serviceToken {
        id
        name
      }
    }
  }
`);

const RevokeServiceTokenMutation = graphql(`
  mutation AdminRevokeServiceToken($id: ID!) {
    revokeServiceToken(id: $id) {
      id
    }
  }
`);

export async function loader({ request }: Route.LoaderArgs) {
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(HERE)}`);
  const { data: result, headers } = await query(request, ServiceTokensQuery, {});
  const revoked = new URL(request.url).searchParams.get('revoked');
  return data({ ...result, revoked }, { headers });
}

type ActionData = {
  intent: string;
  id?: string;
  /** A secret just issued: shown in this response only. */
  issued?: { name: string; secret: string; rotated: boolean };
  error?: string | null;
  fields?: Record<string, string>;
  confirm?: { intent: string; id: string; name: string };
};

export const action = sameOriginAction(async ({ request }: Route.ActionArgs) => {
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(HERE)}`);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const id = String(form.get('id') ?? '');
  const name = String(form.get('name') ?? '');
  if (intent === 'create') {
    const res = await api(request, CreateServiceTokenMutation, { input: { name, scopes: chosenScopes(form) } });
    if (res.error) {
      const { form: message, fields } = formErrors(res.error);
      return data<ActionData>({ intent, error: message, fields }, { status: statusFor(res.error) });
    }
    const { token, serviceToken } = res.data.createServiceToken;
    return data<ActionData>({ intent, issued: { name: serviceToken.name, secret: token, rotated: false } });
  }
  if (intent === 'rotate' || intent === 'revoke') {
    // Without JavaScript the button submits directly: answer with the confirmation step.
    if (!isConfirmed(form)) return data<ActionData>({ intent, id, confirm: { intent, id, name } });
    if (intent === 'rotate') {
      const res = await api(request, RotateServiceTokenMutation, { id });
      if (res.error)
        return data<ActionData>({ intent, id, error: res.error.message }, { status: statusFor(res.error) });
      const { token, serviceToken } = res.data.rotateServiceToken;
      return data<ActionData>({ intent, id, issued: { name: serviceToken.name, secret: token, rotated: true } });
    }
    const res = await api(request, RevokeServiceTokenMutation, { id });
    if (res.error) return data<ActionData>({ intent, id, error: res.error.message }, { status: statusFor(res.error) });
    throw redirect(`${HERE}?revoked=${encodeURIComponent(name)}`);
  }
  return data<ActionData>({ intent, error: 'Unknown action.' }, { status: 400 });
});

const when = (iso: string | null | undefined) =>
  iso
    ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC'
    : 'never';

/**
 * Administrators issue tokens for integrations (a CRM, a data warehouse): each with the scopes
 * it needs, its secret shown once, rotated or revoked here. Every use is recorded against the
 * token in the event log.
 */
export default function AdminTokens() {
  const { serviceTokens, revoked } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const working = serviceTokens.filter((t) => !t.revokedAt);
  const gone = serviceTokens.filter((t) => t.revokedAt);
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to="/admin" className="text-brand-700 hover:underline">
            Admin
          </Link>{' '}
          / Service tokens
        </p>
        <h1 className="mt-1 text-2xl font-bold">Service tokens</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Integrations call the API with a token sent as <code className="text-xs">Authorization: Bearer …</code>. A
          token may do only what its scopes allow, never what a member does (post, vote, flag, moderate). Creating,
          rotating and revoking are recorded in the{' '}
          <Link to="/moderation/audit?kind=service_token.created" className="text-brand-700 underline">
            audit log
          </Link>
          .
        </p>
      </div>
      {result?.issued && <IssuedSecret {...result.issued} />}
      {revoked && (
        <p
          role="status"
          className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
          data-testid="token-revoked"
        >
          Revoked “{revoked}”: requests with it are refused from now on.
        </p>
      )}
      {result?.confirm && (
        <ConfirmStep
          text={confirmText(result.confirm.intent, result.confirm.name)}
          fields={{ intent: result.confirm.intent, id: result.confirm.id, name: result.confirm.name }}
          cancelTo={HERE}
        />
      )}
      <CreateForm errors={result?.intent === 'create' ? result : null} />
      <section aria-labelledby="tokens-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="tokens-heading" className="text-lg font-semibold">
          Working tokens
        </h2>
        {working.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No working tokens. Create one above for each integration.</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-200">
            {working.map((t) => (
              <li key={t.id} className="py-3" data-testid={`token-${t.id}`}>
                <TokenSummary token={t} />
                {result?.id === t.id && result.error && (
                  <div className="mt-2">
                    <FormMessage message={result.error} />
                  </div>
                )}
                <div className="mt-2 flex flex-wrap gap-2">
                  <Form method="post">
                    <input type="hidden" name="intent" value="rotate" />
                    <input type="hidden" name="id" value={t.id} />
                    <input type="hidden" name="name" value={t.name} />
                    <ConfirmButton
                      text={confirmText('rotate', t.name)}
                      className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold text-slate-700 hover:bg-slate-50"
                    >
                      Rotate secret
                    </ConfirmButton>
                  </Form>
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="id" value={t.id} />
                    <input type="hidden" name="name" value={t.name} />
                    <ConfirmButton
                      text={confirmText('revoke', t.name)}
                      className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800"
                    >
                      Revoke
                    </ConfirmButton>
                  </Form>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      {gone.length > 0 && (
        <section aria-labelledby="revoked-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="revoked-heading" className="text-lg font-semibold">
            Revoked tokens
          </h2>
          <ul className="mt-3 divide-y divide-slate-200">
            {gone.map((t) => (
              <li key={t.id} className="py-3" data-testid={`token-${t.id}`}>
                <TokenSummary token={t} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function confirmText(intent: string, name: string) {
  return intent === 'rotate'
    ? {
        title: `Rotate the secret of “${name}”?`,
        description: 'A new secret is shown once; the current one stops working at once, so update the integration.',
        confirmLabel: 'Yes, rotate',
      }
    : {
        title: `Revoke “${name}”?`,
        description: 'Every request with this token is refused from now on. This cannot be undone.',
        confirmLabel: 'Yes, revoke',
      };
}

type TokenRow = ReturnType<typeof useLoaderData<typeof loader>>['serviceTokens'][number];

function TokenSummary({ token }: { token: TokenRow }) {
  return (
    <div className="text-sm">
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-semibold text-slate-900">{token.name}</span>
        {token.scopes.map((s) => (
          <code key={s} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800">
            {s}
          </code>
        ))}
        {token.revokedAt && (
          <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-900">revoked</span>
        )}
      </p>
      <p className="mt-1 text-slate-600">
        Created {when(token.createdAt)}
        {token.createdBy ? ` by @${token.createdBy.handle}` : ''} · last used {when(token.lastUsedAt)}
        {token.rotatedAt ? ` · rotated ${when(token.rotatedAt)}` : ''}
        {token.revokedAt ? ` · revoked ${when(token.revokedAt)}` : ''}
      </p>
    </div>
  );
}

function IssuedSecret({ name, secret, rotated }: { name: string; secret: string; rotated: boolean }) {
  const id = useId();
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-sm text-emerald-950"
      data-testid="issued-secret"
    >
      <h2 id={`${id}-title`} className="text-base font-semibold">
        {rotated ? `New secret for “${name}”` : `Token “${name}” created`}
      </h2>
      <p className="mt-1">
        Copy the secret now: it is shown only this once and cannot be read again (only its hash is kept). If it is lost,
        rotate the token.
      </p>
      <label htmlFor={`${id}-secret`} className="mt-3 block font-medium">
        Secret
      </label>
      <input
        id={`${id}-secret`}
        readOnly
        value={secret}
        onFocus={(e) => e.currentTarget.select()}
        className="mt-1 block w-full rounded-md border border-emerald-300 bg-white px-3 py-2 font-mono text-sm text-slate-900"
        data-testid="secret"
      />
      <p className="mt-1 text-xs">Select the field and copy it (Ctrl+C or ⌘C) into the integration’s settings.</p>
    </section>
  );
}

function CreateForm({ errors }: { errors: { error?: string | null; fields?: Record<string, string> } | null }) {
  const id = useId();
  const scopeError = errors?.fields?.scopes;
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        Create a token
      </h2>
      <Form method="post" className="mt-3 space-y-4">
        <input type="hidden" name="intent" value="create" />
        <Field
          label="Name"
          name="name"
          required
          maxLength={100}
          hint="The integration it is for, e.g. “Salesforce sync”."
          error={errors?.fields?.name}
        />
        <fieldset aria-describedby={scopeError ? `${id}-scopes-error` : undefined}>
          <legend className="text-sm font-medium text-slate-700">Scopes</legend>
          <div className="mt-1 grid gap-2 sm:grid-cols-2">
            {SERVICE_SCOPES.map((s) => (
              <label key={s.value} className="flex items-start gap-2 text-sm text-slate-800">
                <input type="checkbox" name="scopes" value={s.value} className="mt-1" />
                <span>
                  <span className="font-medium">{s.label}</span> <code className="text-xs">{s.value}</code>
                  <span className="block text-xs text-slate-600">{s.hint}</span>
                </span>
              </label>
            ))}
          </div>
          <FieldError id={`${id}-scopes-error`} error={scopeError} />
        </fieldset>
        <FormMessage message={errors?.error} />
        <Button type="submit">Create token</Button>
      </Form>
    </section>
  );
}
