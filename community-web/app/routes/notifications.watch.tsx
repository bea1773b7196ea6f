import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { data, redirect } from 'react-router';
import {
  FollowCategoryMutation,
  FollowThreadMutation,
  MuteCategoryMutation,
  MuteThreadMutation,
  UnwatchCategoryMutation,
  UnwatchThreadMutation,
} from '../features/notifications/notifications.documents';
import { api } from '../graphql/client.server';
import { statusFor } from '../lib/form-errors';
import { safeRedirect } from '../lib/safe-redirect';
import { clearTokenHeader, readToken } from '../lib/session.server';
import { sameOriginAction } from '../lib/same-origin.server';
import type { Route } from './+types/notifications.watch';

const MUTATIONS = {
  thread: { FOLLOWING: FollowThreadMutation, MUTED: MuteThreadMutation, NONE: UnwatchThreadMutation },
  category: { FOLLOWING: FollowCategoryMutation, MUTED: MuteCategoryMutation, NONE: UnwatchCategoryMutation },
} as const;

/** The follow / mute / unwatch forms of thread and category pages post here, then go back. */
export const action = sameOriginAction(async ({ request }: Route.ActionArgs) => {
  const form = await request.formData();
  const back = safeRedirect(form.get('redirectTo'));
  if (!(await readToken(request))) throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  const target = form.get('target') === 'category' ? 'category' : 'thread';
  const level = String(form.get('level'));
  if (level !== 'FOLLOWING' && level !== 'MUTED' && level !== 'NONE') {
    throw data({ message: 'Choose follow, mute or unwatch.' }, { status: 400 });
  }
  // Six mutations with one variable and results this route does not read.
  const mutation = MUTATIONS[target][level] as TypedDocumentNode<unknown, { id: string }>;
  const res = await api(request, mutation, { id: String(form.get('id') ?? '') });
  if (res.staleSession) throw redirect(back, { headers: { 'set-cookie': await clearTokenHeader() } });
  if (res.error) {
    if (res.error.code === 'UNAUTHENTICATED') throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
    throw data({ message: res.error.message }, { status: statusFor(res.error) });
  }
  throw redirect(back);
});

export async function loader() {
  throw redirect('/notifications');
}
