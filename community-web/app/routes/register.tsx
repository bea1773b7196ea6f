import { data, Form, Link, redirect, useActionData, useNavigation, useSearchParams } from 'react-router';
import { Button, Field, FormMessage } from '../components/ui/field';
import { api } from '../graphql/client.server';
import { RegisterMutation } from '../graphql/documents';
import { formErrors, statusFor } from '../lib/form-errors';
import { safeRedirect } from '../lib/safe-redirect';
import { setTokenHeader } from '../lib/session.server';
import { sameOriginAction } from '../lib/same-origin.server';
import type { Route } from './+types/register';

export const meta: Route.MetaFunction = () => [{ title: 'Create an account · Hearth' }];

export const action = sameOriginAction(async ({ request }: Route.ActionArgs) => {
  const form = await request.formData();
  const values = { handle: String(form.get('handle') ?? ''), email: String(form.get('email') ?? '') };
  const res = await api(
    request,
    RegisterMutation,
    // The honeypot travels as typed: people never see it, so only a bot fills it in.
    { input: { ...values, password: String(form.get('password') ?? ''), website: String(form.get('website') ?? '') } },
    { token: null },
  );
  if (res.error) return data({ ...formErrors(res.error), values }, { status: statusFor(res.error) });
  throw redirect(safeRedirect(form.get('redirectTo')), {
    headers: { 'set-cookie': await setTokenHeader(res.data.register.token) },
  });
});

export default function Register() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === 'submitting';
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-bold">Create an account</h1>
      <Form method="post" className="mt-6 space-y-4 rounded-lg border border-slate-200 bg-white p-6" noValidate>
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? '/'} />
        {/* The honeypot's refusal has no visible field to sit beside: say it for the whole form. */}
        <FormMessage message={result?.form ?? result?.fields.website ?? null} />
        {/* A honeypot for sign-up bots: out of sight and out of the tab order, skipped by autofill. */}
        <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
          <label htmlFor="website">Website (leave empty)</label>
          <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <Field
          label="Handle"
          name="handle"
          autoComplete="username"
          defaultValue={result?.values.handle}
          error={result?.fields.handle}
          hint="3–20 characters: letters, digits, _ or -"
        />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={result?.values.email}
          error={result?.fields.email}
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          error={result?.fields.password}
          hint="At least 10 characters"
        />
        <Button type="submit" className="w-full" disabled={busy}>
          {busy ? 'Creating…' : 'Create account'}
        </Button>
      </Form>
      <p className="mt-4 text-center text-sm text-slate-600">
        Already a member?{' '}
        <Link to="/login" className="font-medium text-brand-700 underline">
          Log in
        </Link>
      </p>
    </div>
  );
}
