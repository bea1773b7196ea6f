import { data, Form, Link, redirect, useActionData, useNavigation, useSearchParams } from 'react-router';
import { Button, Field, FormMessage } from '../components/ui/field';
import { api } from '../graphql/client.server';
import { LoginMutation } from '../graphql/documents';
import { formErrors, statusFor } from '../lib/form-errors';
import { safeRedirect } from '../lib/safe-redirect';
import { setTokenHeader } from '../lib/session.server';
import { sameOriginAction } from '../lib/same-origin.server';
import type { Route } from './+types/login';

export const meta: Route.MetaFunction = () => [{ title: 'Log in · Hearth' }];

export const action = sameOriginAction(async ({ request }: Route.ActionArgs) => {
  const form = await request.formData();
  const login = String(form.get('login') ?? '');
  const res = await api(
    request,
    LoginMutation,
    { input: { login, password: String(form.get('password') ?? '') } },
    { token: null },
  );
  if (res.error) return data({ ...formErrors(res.error), login }, { status: statusFor(res.error) });
  throw redirect(safeRedirect(form.get('redirectTo')), {
    headers: { 'set-cookie': await setTokenHeader(res.data.login.token) },
  });
});

export default function Login() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === 'submitting';
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-bold">Log in</h1>
      <Form method="post" className="mt-6 space-y-4 rounded-lg border border-slate-200 bg-white p-6" noValidate>
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? '/'} />
        <FormMessage message={result?.form} />
        <Field
          label="Handle or email"
          name="login"
          autoComplete="username"
          defaultValue={result?.login}
          error={result?.fields.login}
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          error={result?.fields.password}
        />
        <Button type="submit" className="w-full" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </Button>
      </Form>
      <p className="mt-4 text-center text-sm text-slate-600">
        New here?{' '}
        <Link
          to={`/register${params.get('redirectTo') ? `?redirectTo=${encodeURIComponent(params.get('redirectTo')!)}` : ''}`}
          className="font-medium text-brand-700 underline"
        >
          Create an account
        </Link>
      </p>
    </div>
  );
}
