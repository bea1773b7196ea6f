import { api } from '../graphql/client.server';
import { failure, json } from '../features/composer/composer.server';
import { MemberSuggestionsQuery } from '../features/composer/documents';
import { readToken } from '../lib/session.server';
import type { Route } from './+types/composer.members';

/** GET /composer/members?prefix=… — handles to mention (`{ members: [{ handle }] }`). */
export async function loader({ request }: Route.LoaderArgs) {
  const prefix = new URL(request.url).searchParams.get('prefix') ?? '';
  if (!(await readToken(request))) return failure({ code: 'UNAUTHENTICATED', message: 'Log in to mention members.' });
  if (!/^[A-Za-z0-9_-]{1,20}$/.test(prefix)) return json({ members: [] });
  const res = await api(request, MemberSuggestionsQuery, { prefix });
  if (res.error) return failure(res.error);
  return json({ members: res.data.memberSuggestions });
}
