import { redirect } from 'react-router';
import { api } from '../graphql/client.server';
import { LogoutMutation } from '../graphql/documents';
import { clearTokenHeader } from '../lib/session.server';
import type { Route } from './+types/logout';

export async function action({ request }: Route.ActionArgs) {
  await api(request, LogoutMutation, {}).catch(() => null);
  throw redirect('/', { headers: { 'set-cookie': await clearTokenHeader() } });
}

export async function loader() {
  throw redirect('/');
}
