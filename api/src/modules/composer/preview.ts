import { ValidationError } from '../../platform/errors.js';
import type { Scope } from '../../platform/scope.js';
import { codePointLength, trimInvisible } from '../../platform/text.js';
import { LIMITS } from '../community/post.rules.js';
import { consumeComposerRequest } from './composer-limits.js';
import { renderBody } from '../community/render-body.js';

/**
 * A draft body as it would be stored: trimmed as posting trims it, then the renderer and
 * sanitizer posts are stored with (services.markdown), so the preview is what gets posted.
 * Too short is fine for a draft; too long is refused as posting refuses it.
 */
export async function previewMarkdown(scope: Scope, body: string): Promise<string> {
  scope.guardian.requireViewer();
  await consumeComposerRequest(scope);
  const value = trimInvisible(body);
  const length = codePointLength(value);
  if (length > LIMITS.bodyMax) {
    const n = (x: number) => x.toLocaleString('en');
    throw new ValidationError({ body: `Body must be at most ${n(LIMITS.bodyMax)} characters; it has ${n(length)}.` });
  }
  return value === '' ? '' : renderBody(scope, value);
}
