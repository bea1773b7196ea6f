import { redirect } from 'react-router';
import { api } from '../graphql/client.server';
import { LogoutMutation } from '../graphql/documents';
import { clearTokenHeader } from '../lib/session.server';
import { sameOriginAction } from '../lib/same-origin.server';
import type { Route } from './+types/logout';

export const action = sameOriginAction(async ({ request }: Route.ActionArgs) => {
  await api(request, LogoutMutation, {}).catch(() => null);
  throw redirect('/', { headers: { 'set-cookie': await clearTokenHeader() } });
});

export async function loader() {
  throw redirect('/');
}
