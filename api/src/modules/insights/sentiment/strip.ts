/**
 * The author's own words in a markdown post: fenced and indented code blocks, inline code,
 * block quotes (`> …`) and quoted HTML are removed, so an error log or a quoted complaint does
 * not colour the post that quotes it.
 */
export function ownWords(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  let fence: string | null = null;
  let previousBlank = true;
  for (const line of lines) {
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (opener && opener[1]!.startsWith(fence)) fence = null;
      continue;
    }
    if (opener) {
      fence = opener[1]!;
      continue;
    }
    // An indented code block starts after a blank line (a list's continuation is not code).
    if (/^( {4}|\t)/.test(line) && previousBlank) continue;
    if (/^ {0,3}>/.test(line)) {
      previousBlank = false;
      continue;
    }
    previousBlank = line.trim() === '';
    kept.push(line);
  }
  return kept
    .join('\n')
    .replace(/<blockquote[\s\S]*?<\/blockquote>/gi, ' ')
    .replace(/<(pre|code)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/(`+)[^`]*?\1/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/https?:\/\/\S+/g, ' ');
}
