import { sql } from '../../platform/db/sql.js';
import type { Scope } from '../../platform/scope.js';
import { keepKnownMentions, mentionedHandles } from './markdown.js';

/**
 * Markdown as it is stored and previewed: rendered and sanitized (services.markdown), with
 * `@handle` a link only where a member has that handle, so "@team" or a typo stays plain text,
 * leads to no empty profile, and does not count toward a new member's mention limit.
 */
export async function renderBody(scope: Pick<Scope, 'em' | 'services'>, markdown: string): Promise<string> {
  const html = scope.services.markdown(markdown);
  const handles = mentionedHandles(html);
  if (handles.length === 0) return html;
  const rows = await sql<{ handle: string }>(
    scope.em,
    // lower(handle) is the unique index members_handle_key.
    `select lower(handle) as handle from members where lower(handle) = any(?::text[])`,
    [`{${handles.join(',')}}`],
  );
  return keepKnownMentions(html, new Set(rows.map((r) => r.handle)));
}
