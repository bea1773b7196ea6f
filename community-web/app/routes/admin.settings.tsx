import { useId } from 'react';
import { data, Form, Link, redirect, useActionData, useLoaderData, useSearchParams } from 'react-router';
import { Button, FieldError, FormMessage } from '../components/ui/field';
import { api, query } from '../graphql/client.server';
import { graphql } from '../graphql/generated';
import type { SiteSettingsQuery } from '../graphql/generated/graphql';
import { settingChanges } from '../features/admin/settings-changes';
import { formErrors, statusFor } from '../lib/form-errors';
import { readToken } from '../lib/session.server';
import { sameOriginAction } from '../lib/same-origin.server';
import type { Route } from './+types/admin.settings';

export const meta: Route.MetaFunction = () => [{ title: 'Settings · Admin · Hearth' }];

const HERE = '/admin/settings';

const SiteSettingsQueryDoc = graphql(`
  query SiteSettings {
    siteSettings {
      revision
      groups {
        key
        label
        description
        environmentVariable
        fields {
          key
          label
          help
          value
          defaultValue
          startupValue
          changed
          integer
          min
          max
        }
      }
    }
  }
`);

const UpdateSettingsMutation = graphql(`
  mutation UpdateSettings($input: UpdateSettingsInput!) {
    updateSettings(input: $input) {
      revision
    }
  }
`);

type Group = SiteSettingsQuery['siteSettings']['groups'][number];
type SettingRow = Group['fields'][number];

export async function loader({ request }: Route.LoaderArgs) {
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(HERE)}`);
  const { data: result, headers } = await query(request, SiteSettingsQueryDoc, {});
  return data(result, { headers });
}

export const action = sameOriginAction(async ({ request }: Route.ActionArgs) => {
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(HERE)}`);
  const form = await request.formData();
  const group = String(form.get('group') ?? '');
  // The settings the form showed, read again so a forged key list cannot widen the request.
  const { data: current } = await query(request, SiteSettingsQueryDoc, {});
  const shown = current.siteSettings.groups.find((g) => g.key === group)?.fields ?? [];
  const { changes, errors } = settingChanges(form, shown);
  if (Object.keys(errors).length > 0) return data({ group, form: null, fields: errors }, { status: 400 });
  if (changes.length === 0)
    return data({ group, form: 'Nothing changed: edit a value first.', fields: {} }, { status: 400 });
  const reason = String(form.get('reason') ?? '').trim();
  const res = await api(request, UpdateSettingsMutation, { input: { changes, reason: reason || null } });
  if (res.error) return data({ group, ...formErrors(res.error) }, { status: statusFor(res.error) });
  throw redirect(`${HERE}?saved=${encodeURIComponent(group)}#${group}`);
});

const numberText = (n: number) => String(n);

/**
 * Administrators tune the community while it runs: reputation points and privilege
 * thresholds, abuse limits, flag weights and the hide threshold. Each setting shows its
 * default; a change is validated by the API, audited, and applied by every server to the
 * requests that start after it.
 */
export default function AdminSettings() {
  const { siteSettings } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const [params] = useSearchParams();
  const saved = params.get('saved');
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to="/admin" className="text-brand-700 hover:underline">
            Admin
          </Link>{' '}
          / Settings
        </p>
        <h1 className="mt-1 text-2xl font-bold">Site settings</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          A change applies on every server within seconds, to requests that start after it; nothing needs a restart.
          Each change is recorded in the{' '}
          <Link to="/moderation/audit?kind=settings.changed" className="text-brand-700 underline">
            audit log
          </Link>{' '}
          with its reason.
        </p>
      </div>
      <nav aria-label="Setting groups" className="flex flex-wrap gap-2 text-sm">
        {siteSettings.groups.map((g) => (
          <a
            key={g.key}
            href={`#${g.key}`}
            className="rounded-md border border-slate-300 bg-white px-2.5 py-1 hover:bg-slate-50"
          >
            {g.label}
          </a>
        ))}
      </nav>
      {siteSettings.groups.map((group) => (
        <SettingsGroupForm
          key={group.key}
          group={group}
          saved={saved === group.key}
          errors={failed?.group === group.key ? failed : null}
        />
      ))}
    </div>
  );
}

function SettingsGroupForm({
  group,
  saved,
  errors,
}: {
  group: Group;
  saved: boolean;
  errors: { form: string | null; fields: Record<string, string> } | null;
}) {
  return (
    <section
      id={group.key}
      aria-labelledby={`${group.key}-heading`}
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id={`${group.key}-heading`} className="text-lg font-semibold">
        {group.label}
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        {group.description} Startup values come from <code className="text-xs">{group.environmentVariable}</code>.
      </p>
      {saved && (
        <p
          role="status"
          className="mt-3 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
          data-testid="settings-saved"
        >
          Saved. Every server applies it to requests from now on.
        </p>
      )}
      {/* key: the form starts from the stored values again after each save. */}
      <Form method="post" className="mt-4" key={group.fields.map((f) => `${f.key}=${f.value}`).join()}>
        <input type="hidden" name="group" value={group.key} />
        <div className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
          {group.fields.map((setting) => (
            <SettingInput
              key={setting.key}
              setting={setting}
              resetForm={`reset-${group.key}`}
              error={errors?.fields[setting.key]}
            />
          ))}
        </div>
        <div className="mt-4 grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end">
          <label className="block text-sm font-medium text-slate-700">
            Reason (optional, for the audit log)
            <input
              name="reason"
              maxLength={500}
              className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
            />
          </label>
          <Button type="submit">Save {group.label.toLowerCase()}</Button>
        </div>
        <div className="mt-2">
          <FormMessage message={errors?.form} />
        </div>
      </Form>
      {/* Reset buttons submit this form (their `form` attribute): inside the main form, the first
          of them would be the button Enter presses. */}
      <Form id={`reset-${group.key}`} method="post" className="hidden">
        <input type="hidden" name="group" value={group.key} />
      </Form>
    </section>
  );
}

function SettingInput({ setting, resetForm, error }: { setting: SettingRow; resetForm: string; error?: string }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const differsAtStartup = setting.startupValue !== setting.defaultValue;
  return (
    <div data-testid={`setting-${setting.key}`}>
      <label htmlFor={id} className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-700">
        {setting.label}
        {setting.changed && (
          <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">changed</span>
        )}
      </label>
      <div className="mt-1 flex items-center gap-2">
        <input
          id={id}
          name={setting.key}
          type="number"
          inputMode={setting.integer ? 'numeric' : 'decimal'}
          step={setting.integer ? 1 : 'any'}
          min={setting.min ?? undefined}
          max={setting.max ?? undefined}
          defaultValue={numberText(setting.value)}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
          className={`block w-32 rounded-md border bg-white px-3 py-1.5 text-sm ${error ? 'border-red-400' : 'border-slate-300'}`}
        />
        <input type="hidden" name={`was:${setting.key}`} value={numberText(setting.value)} />
        {setting.changed && (
          <Button
            type="submit"
            form={resetForm}
            name="reset"
            value={setting.key}
            variant="ghost"
            className="!px-1 !py-1 text-xs underline"
          >
            Reset to {numberText(setting.startupValue)}
          </Button>
        )}
      </div>
      <p id={hintId} className="mt-1 text-xs text-slate-600">
        {setting.help} Default {numberText(setting.defaultValue)}
        {differsAtStartup ? `; ${numberText(setting.startupValue)} at startup` : ''}.
      </p>
      <FieldError id={errorId} error={error} />
    </div>
  );
}
