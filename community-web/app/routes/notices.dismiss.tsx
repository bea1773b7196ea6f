import { data, redirect } from 'react-router';
import { api } from '../graphql/client.server';
import { DismissNoticesMutation } from '../graphql/documents';
import { statusFor } from '../lib/form-errors';
import { safeRedirect } from '../lib/safe-redirect';
import { clearTokenHeader, readToken } from '../lib/session.server';
import { sameOriginAction } from '../lib/same-origin.server';
import type { Route } from './+types/notices.dismiss';

/** The notices' Dismiss form posts here: mark them seen, then back to the page it came from. */
export const action = sameOriginAction(async ({ request }: Route.ActionArgs) => {
  const form = await request.formData();
  const back = safeRedirect(form.get('redirectTo'));
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  const through = String(form.get('throughBadgeId') ?? '').trim();
  const res = await api(request, DismissNoticesMutation, { throughBadgeId: through || null });
  if (res.staleSession) throw redirect(back, { headers: { 'set-cookie': await clearTokenHeader() } });
  if (res.error) {
    if (res.error.code === 'UNAUTHENTICATED') throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
    throw data({ message: res.error.message }, { status: statusFor(res.error) });
  }
  throw redirect(back);
});

export async function loader() {
  throw redirect('/');
}
