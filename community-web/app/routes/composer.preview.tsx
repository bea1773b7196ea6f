import { api } from '../graphql/client.server';
import { failure, json } from '../features/composer/composer.server';
import { PreviewMarkdownQuery } from '../features/composer/documents';
import { readToken } from '../lib/session.server';
import { sameOriginAction } from '../lib/same-origin.server';
import type { Route } from './+types/composer.preview';

/** Longer than any post body (the API refuses those with its own message): not worth sending. */
const MAX_FORM_BODY = 64_000;

/**
 * POST /composer/preview (form field `body`) — the composer's preview: `{ html }` rendered by
 * the API with the renderer and sanitizer posts are stored with, or `{ error }`. A POST because
 * a draft can be 32,000 characters; it changes nothing.
 */
export const action = sameOriginAction(async ({ request }: Route.ActionArgs) => {
  if (!(await readToken(request))) return failure({ code: 'UNAUTHENTICATED', message: 'Log in to preview.' });
  const body = String((await request.formData()).get('body') ?? '');
  if (body.length > MAX_FORM_BODY) {
    return failure({ code: 'BAD_USER_INPUT', message: 'The text is too long to preview.' });
  }
  const res = await api(request, PreviewMarkdownQuery, { body });
  if (res.error) return failure(res.error);
  return json({ html: res.data.previewMarkdown });
});

export function loader() {
  return json({ error: { code: 'BAD_USER_INPUT', message: 'POST the body to preview.' } }, 405);
}
