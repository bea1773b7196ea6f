/**
 * Engines mark matches with these two control characters, which indexed text never contains
 * (search_plain_text turns control characters into spaces), and the snippet is escaped before
 * they become <mark> tags: whatever a post says, the only HTML in a snippet is <mark>.
 */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

const MARKS = new RegExp(`(${MARK_START}|${MARK_END})`);
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML (element content and quoted attributes). */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** An engine's marked snippet as HTML: escaped text, matches in <mark>, marks always paired. */
export function snippetHtml(marked: string): string {
  let open = false;
  let html = '';
  for (const part of escapeHtml(marked).split(MARKS)) {
    if (part === MARK_START) {
      if (!open) html += '<mark>';
      open = true;
    } else if (part === MARK_END) {
      if (open) html += '</mark>';
      open = false;
    } else {
      html += part;
    }
  }
  return open ? `${html}</mark>` : html;
}
