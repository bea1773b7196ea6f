/**
 * The toolbar's edits as pure functions of (text, selection): each returns the new text and
 * the selection to leave, so the composer applies them in one step the browser can undo.
 */
export interface Edit {
  text: string;
  start: number;
  end: number;
}

/**
 * Wraps the selection in `before`/`after` (`**bold**`), or inserts them around `placeholder`
 * at the cursor and selects the placeholder so typing replaces it. Wrapping an already wrapped
 * selection unwraps it, as Discourse and Stack Overflow do.
 */
export function wrap(edit: Edit, before: string, after: string, placeholder: string): Edit {
  const { text, start, end } = edit;
  const selected = text.slice(start, end);
  if (text.slice(start - before.length, start) === before && text.slice(end, end + after.length) === after) {
    return {
      text: text.slice(0, start - before.length) + selected + text.slice(end + after.length),
      start: start - before.length,
      end: end - before.length,
    };
  }
  const inner = selected || placeholder;
  return {
    text: text.slice(0, start) + before + inner + after + text.slice(end),
    start: start + before.length,
    end: start + before.length + inner.length,
  };
}

/** `[text](https://)` with the URL selected, ready to be typed or pasted over. */
export function link(edit: Edit): Edit {
  const { text, start, end } = edit;
  const label = text.slice(start, end) || 'link text';
  const url = 'https://';
  const inserted = `[${label}](${url})`;
  const urlStart = start + label.length + 3;
  return { text: text.slice(0, start) + inserted + text.slice(end), start: urlStart, end: urlStart + url.length };
}

/** A fenced code block around the selected lines (or an empty one), on lines of its own. */
export function codeBlock(edit: Edit): Edit {
  const { text, start, end } = edit;
  const selected = text.slice(start, end);
  if (!selected.includes('\n') && selected !== '' && !atLineStart(text, start)) {
    return wrap(edit, '`', '`', 'code');
  }
  const lead = start === 0 || text[start - 1] === '\n' ? '' : '\n';
  const trail = text[end] === undefined || text[end] === '\n' ? '' : '\n';
  const inner = selected || 'code';
  const open = `${lead}\`\`\`\n`;
  return {
    text: `${text.slice(0, start)}${open}${inner}\n\`\`\`${trail}${text.slice(end)}`,
    start: start + open.length,
    end: start + open.length + inner.length,
  };
}

const atLineStart = (text: string, at: number) => at === 0 || text[at - 1] === '\n';

/**
 * Prefixes every line the selection touches (`> `, `- `, `1. `…); when all of them already
 * carry the prefix, takes it off. Numbered lists count up.
 */
export function prefixLines(edit: Edit, kind: 'quote' | 'bullet' | 'number'): Edit {
  const { text, start, end } = edit;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nextBreak = text.indexOf('\n', end > start && text[end - 1] === '\n' ? end - 1 : end);
  const lineEnd = nextBreak === -1 ? text.length : nextBreak;
  const lines = text.slice(lineStart, lineEnd).split('\n');
  const pattern = { quote: /^> ?/, bullet: /^[-*] /, number: /^\d+\. / }[kind];
  const prefix = (i: number) => ({ quote: '> ', bullet: '- ', number: `${i + 1}. ` })[kind];
  const allPrefixed = lines.every((l) => pattern.test(l));
  const changed = lines.map((l, i) => (allPrefixed ? l.replace(pattern, '') : prefix(i) + l)).join('\n');
  const placeholder = changed === prefix(0) ? { quote: 'quote', bullet: 'item', number: 'item' }[kind] : '';
  const block = changed + placeholder;
  return {
    text: text.slice(0, lineStart) + block + text.slice(lineEnd),
    start: placeholder ? lineStart + changed.length : lineStart,
    end: lineStart + block.length,
  };
}

/** The `@handle` being typed just before the cursor, if any: where it starts and what follows the @. */
export function mentionAt(text: string, cursor: number): { start: number; prefix: string } | null {
  const match = /(^|[^\w@`])@([A-Za-z0-9_-]{0,20})$/.exec(text.slice(Math.max(0, cursor - 22), cursor));
  if (!match) return null;
  const prefix = match[2]!;
  return { start: cursor - prefix.length - 1, prefix };
}

/** Replaces the `@prefix` at `start` with `@handle ` and puts the cursor after it. */
export function insertMention(edit: Edit, start: number, handle: string): Edit {
  const { text, end } = edit;
  const inserted = `@${handle} `;
  const after = text
    .slice(end)
    .replace(/^[A-Za-z0-9_-]*/, '')
    .replace(/^ /, '');
  const cursor = start + inserted.length;
  return { text: text.slice(0, start) + inserted + after, start: cursor, end: cursor };
}
