import { data, Form, Link, useActionData, useLoaderData } from 'react-router';
import { Button, FormMessage } from '../components/ui/field';
import { EmailUnsubscribeLinkQuery, UnsubscribeFromEmailsMutation } from '../features/email/email.documents';
import { oneClickUnsubscribeAction, tokenOf } from '../features/email/one-click-unsubscribe.server';
import { api } from '../graphql/client.server';
import { statusFor } from '../lib/form-errors';
import type { Route } from './+types/unsubscribe';

export const meta: Route.MetaFunction = () => [{ title: 'Unsubscribe · Hearth' }];

interface Scope {
  handle: string;
  digest: boolean;
  kinds: string[];
  labels: string[];
}

/**
 * The link at the foot of every notification email (and its List-Unsubscribe header). GET shows
 * what will stop and asks to confirm: a link scanner fetching it unsubscribes nobody. No login:
 * the signed token says whose emails these are.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const token = new URL(request.url).searchParams.get('token');
  if (!token)
    return data({ token: null, scope: null, error: 'This page needs the link from an email.' }, { status: 400 });
  const res = await api(request, EmailUnsubscribeLinkQuery, { token }, { token: null });
  if (res.error) return data({ token: null, scope: null, error: res.error.message }, { status: statusFor(res.error) });
  return { token, scope: res.data.emailUnsubscribeLink as Scope, error: null };
}

/** The confirm button, and a mail client's RFC 8058 one-click POST to the same URL. */
export const action = oneClickUnsubscribeAction(async ({ request, form }: Route.ActionArgs & { form: FormData }) => {
  const token = tokenOf(request, form);
  if (!token) return data({ done: null, error: 'This page needs the link from an email.' }, { status: 400 });
  const res = await api(request, UnsubscribeFromEmailsMutation, { token }, { token: null });
  if (res.error) return data({ done: null, error: res.error.message }, { status: statusFor(res.error) });
  return { done: res.data.unsubscribeFromEmails as Scope, error: null };
});

function What({ scope }: { scope: Scope }) {
  if (scope.labels.length === 0) return <p className="mt-3 text-slate-700">No emails of this kind are on.</p>;
  return (
    <ul className="mt-3 list-disc space-y-1 pl-5 text-slate-800" data-testid="unsubscribe-kinds">
      {scope.labels.map((label) => (
        <li key={label}>{label}</li>
      ))}
    </ul>
  );
}

export default function Unsubscribe() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result?.done) {
    return (
      <div className="mx-auto max-w-lg" data-testid="unsubscribe-done">
        <h1 className="text-2xl font-bold">You are unsubscribed</h1>
        <p className="mt-3 text-slate-700">
          @{result.done.handle} will get no more emails about{' '}
          {result.done.digest ? 'these (the daily digest)' : 'these'}:
        </p>
        <What scope={result.done} />
        <p className="mt-6 text-sm text-slate-700">
          You still see them in the community. Changed your mind?{' '}
          <Link to="/login" className="font-medium text-brand-700 underline">
            Log in
          </Link>{' '}
          and change your email settings.
        </p>
      </div>
    );
  }
  if (!loaded.scope) {
    return (
      <div className="mx-auto max-w-lg" data-testid="unsubscribe-error">
        <h1 className="text-2xl font-bold">This link did not work</h1>
        <p className="mt-3 text-slate-700">{loaded.error}</p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-lg">
      <h1 className="text-2xl font-bold">{loaded.scope.digest ? 'Stop the daily digest' : 'Stop these emails'}</h1>
      <p className="mt-3 text-slate-700">
        For @{loaded.scope.handle}: no more emails about {loaded.scope.digest ? 'these (the daily digest)' : 'these'}:
      </p>
      <What scope={loaded.scope} />
      <Form method="post" className="mt-6 space-y-3">
        <FormMessage message={result?.error} />
        <input type="hidden" name="token" value={loaded.token} />
        <Button type="submit" data-testid="confirm-unsubscribe">
          Unsubscribe
        </Button>
      </Form>
    </div>
  );
}
