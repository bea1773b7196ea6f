import { data, Form, Link, redirect, useActionData, useLoaderData } from 'react-router';
import { Button, FormMessage } from '../components/ui/field';
import { ResendVerificationEmailMutation, VerifyEmailMutation } from '../features/email/email.documents';
import { api } from '../graphql/client.server';
import { statusFor } from '../lib/form-errors';
import { readToken } from '../lib/session.server';
import { sameOriginAction } from '../lib/same-origin.server';
import { useViewer } from '../root';
import type { Route } from './+types/verify-email';

export const meta: Route.MetaFunction = () => [{ title: 'Verify your email · Hearth' }];

type Outcome = 'verified' | 'refused' | 'missing' | 'sent' | 'already';

/**
 * The link from the verification email: opening it verifies (no login needed: the signed token
 * says whose address it is; opening it twice is harmless). `?sent=1` is where asking for another
 * link lands.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const sent = url.searchParams.get('sent');
  if (sent === '1') return { outcome: 'sent' as Outcome, message: null };
  if (sent === '0') return { outcome: 'already' as Outcome, message: null };
  const token = url.searchParams.get('token');
  if (!token) return data({ outcome: 'missing' as Outcome, message: null }, { status: 400 });
  const res = await api(request, VerifyEmailMutation, { token }, { token: null });
  if (res.error) {
    return data({ outcome: 'refused' as Outcome, message: res.error.message }, { status: statusFor(res.error) });
  }
  return { outcome: 'verified' as Outcome, message: null };
}

/** "Send the link again" (the notice's button, and this page's after a refused link). */
export const action = sameOriginAction(async ({ request }: Route.ActionArgs) => {
  if (!(await readToken(request))) throw redirect('/login?redirectTo=%2Fverify-email%3Fsent%3D0');
  const res = await api(request, ResendVerificationEmailMutation, {});
  if (res.error) {
    if (res.error.code === 'UNAUTHENTICATED') throw redirect('/login');
    return data({ message: res.error.message }, { status: statusFor(res.error) });
  }
  throw redirect(res.data.resendVerificationEmail ? '/verify-email?sent=1' : '/verify-email?sent=0');
});

const TEXT: Record<Outcome, { title: string; body: string }> = {
  verified: {
    title: 'Your email address is verified',
    body: 'Thank you. Hearth will email you about replies and mentions as your settings say.',
  },
  refused: { title: 'This link did not work', body: '' },
  missing: { title: 'No verification link', body: 'Open the link from the verification email we sent you.' },
  sent: {
    title: 'Check your inbox',
    body: 'We sent a new verification link to your email address. It works for 7 days.',
  },
  already: { title: 'Your email address is verified', body: 'There is nothing more to do.' },
};

export default function VerifyEmail() {
  const { outcome, message } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const viewer = useViewer();
  const text = TEXT[outcome];
  const mayResend = viewer && (outcome === 'refused' || outcome === 'missing' || outcome === 'sent');
  return (
    <div className="mx-auto max-w-lg" data-testid="verify-email" data-outcome={outcome}>
      <h1 className="text-2xl font-bold">{text.title}</h1>
      <p className="mt-3 text-slate-700" data-testid="verify-outcome">
        {message ?? text.body}
      </p>
      <div className="mt-6 space-y-3">
        <FormMessage message={result?.message} />
        {mayResend && (
          <Form method="post">
            <input type="hidden" name="intent" value="resend" />
            <Button type="submit" variant="secondary" data-testid="resend-verification">
              Send a new link
            </Button>
          </Form>
        )}
        {!viewer && outcome === 'refused' && (
          <p className="text-sm text-slate-700">
            <Link to="/login?redirectTo=%2Fverify-email%3Fsent%3D0" className="font-medium text-brand-700 underline">
              Log in
            </Link>{' '}
            to ask for a new link.
          </p>
        )}
        <p>
          <Link to="/" className="text-sm font-medium text-brand-700 underline">
            Back to the community
          </Link>
        </p>
      </div>
    </div>
  );
}
