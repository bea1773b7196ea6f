import { api } from '../graphql/client.server';
import { failure, json } from '../features/composer/composer.server';
import { TagSuggestionsQuery } from '../features/composer/documents';
import type { Route } from './+types/composer.tags';

/**
 * GET /composer/tags?prefix=… — existing tags for the tag being typed, with their counts, and
 * whether it would be a new tag the member may or may not create (`{ tags, newTag }`).
 */
export async function loader({ request }: Route.LoaderArgs) {
  const prefix = (new URL(request.url).searchParams.get('prefix') ?? '').trim();
  if (prefix === '') return json({ tags: [], newTag: null });
  if (prefix.length > 60) return json({ tags: [], newTag: null });
  const res = await api(request, TagSuggestionsQuery, { prefix });
  if (res.error) return failure(res.error);
  return json(res.data.tagSuggestions);
}
