import { data, Form, Link, redirect, useActionData, useLoaderData, useNavigation } from 'react-router';
import { EMAIL_MODES, KIND_LABELS } from '../features/notifications/kinds';
import {
  NotificationPreferencesQuery,
  SetNotificationPreferencesMutation,
} from '../features/notifications/notifications.documents';
import type { NotificationEmailMode, NotificationKind } from '../graphql/generated/graphql';
import { api, query } from '../graphql/client.server';
import { formErrors, statusFor } from '../lib/form-errors';
import { readToken } from '../lib/session.server';
import { sameOriginAction } from '../lib/same-origin.server';
import type { Route } from './+types/settings.notifications';

export const meta: Route.MetaFunction = () => [{ title: 'Notification settings · Hearth' }];

const LOGIN = '/login?redirectTo=/settings/notifications';

export async function loader({ request }: Route.LoaderArgs) {
  if (!(await readToken(request))) throw redirect(LOGIN);
  const { data: result } = await query(request, NotificationPreferencesQuery, {});
  return result;
}

const MODES = new Set<string>(EMAIL_MODES.map((m) => m.value));

export const action = sameOriginAction(async ({ request }: Route.ActionArgs) => {
  const form = await request.formData();
  const preferences = Object.keys(KIND_LABELS).flatMap((kind) => {
    const email = String(form.get(kind) ?? '');
    // A kind that may be turned off sends its checkbox's state (unchecked sends nothing).
    const enabled = form.has(`${kind}:toggle`) ? form.get(`${kind}:enabled`) === 'on' : undefined;
    return MODES.has(email) ? [{ kind: kind as NotificationKind, email: email as NotificationEmailMode, enabled }] : [];
  });
  const res = await api(request, SetNotificationPreferencesMutation, { input: { preferences } });
  if (res.error) {
    if (res.error.code === 'UNAUTHENTICATED') throw redirect(LOGIN);
    return data({ ...formErrors(res.error), saved: false }, { status: statusFor(res.error) });
  }
  return { form: null, fields: {} as Record<string, string>, saved: true };
});

export default function NotificationSettings() {
  const { notificationPreferences } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  return (
    <div className="mx-auto max-w-3xl">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
        <Link to="/notifications" className="hover:text-slate-900">
          Notifications
        </Link>{' '}
        / Settings
      </nav>
      <h1 className="mt-2 text-2xl font-bold">Notification settings</h1>
      <p className="mt-1 text-sm text-slate-600">
        Every notification shows here in the app. Choose which ones also reach you by email.
      </p>
      {result?.saved && (
        <p
          role="status"
          className="mt-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
          data-testid="preferences-saved"
        >
          Your settings are saved.
        </p>
      )}
      {result && !result.saved && result.form && (
        <p role="alert" className="mt-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {result.form}
        </p>
      )}
      <Form method="post" className="mt-6 space-y-3" data-testid="preferences-form">
        {notificationPreferences.map((p) => {
          const meta = KIND_LABELS[p.kind] ?? { label: p.kind, help: '' };
          return (
            <fieldset key={p.kind} className="rounded-lg border border-slate-200 bg-white px-4 py-3" data-kind={p.kind}>
              <legend className="sr-only">{meta.label}</legend>
              <div className="flex flex-wrap items-center justify-between gap-3">
                <div className="min-w-0">
                  <p aria-hidden className="font-medium text-slate-900">
                    {meta.label}
                  </p>
                  <p className="text-sm text-slate-600">{meta.help}</p>
                </div>
                <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
                  {p.canTurnOff && (
                    <label className="inline-flex items-center gap-1.5 font-medium text-slate-800">
                      <input type="hidden" name={`${p.kind}:toggle`} value="1" />
                      <input
                        type="checkbox"
                        name={`${p.kind}:enabled`}
                        defaultChecked={p.enabled}
                        className="h-4 w-4 accent-brand-600"
                        data-testid={`enabled-${p.kind}`}
                      />
                      On
                    </label>
                  )}
                  {EMAIL_MODES.map((m) => (
                    <label key={m.value} className="inline-flex items-center gap-1.5 text-slate-800">
                      <input
                        type="radio"
                        name={p.kind}
                        value={m.value}
                        defaultChecked={p.email === m.value}
                        className="h-4 w-4 accent-brand-600"
                      />
                      {m.label}
                    </label>
                  ))}
                </div>
              </div>
            </fieldset>
          );
        })}
        <button
          type="submit"
          disabled={busy}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
          data-testid="save-preferences"
        >
          {busy ? 'Saving…' : 'Save settings'}
        </button>
      </Form>
    </div>
  );
}
