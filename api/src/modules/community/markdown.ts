import type { Element, ElementContent, Root, RootContent } from 'hast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/**
 * Markdown → sanitized HTML, once at write time. GitHub's sanitize schema (no script, style,
 * iframes or event handlers; only http(s)/mailto links), then links leaving the site get
 * rel="nofollow ugc noopener" so posts pass no ranking and no opener.
 *
 * Mentions: `@handle` in text becomes a link to the member's profile (`/u/handle`, class
 * `mention`), except inside code and links, where it means something else. It is done after
 * sanitizing, on text the sanitizer already passed, so the one class we add is ours alone (the
 * sanitizer drops any `class` a writer tries to give a link).
 *
 * Ids: raw HTML is dropped, so the only ids come from remark-rehype's footnotes, which it already
 * prefixes with `user-content-` (ids and the links to them alike). Sanitize must not prefix them
 * a second time, or footnote links would point at ids that no longer exist.
 */
export function createMarkdownRenderer(publicUrl: string) {
  const siteOrigin = new URL(publicUrl).origin;
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype) // raw HTML in markdown is dropped, not passed through
    .use(rehypeSanitize, { ...defaultSchema, clobberPrefix: '' })
    .use(() => (tree: Root) => markOutboundLinks(tree, siteOrigin))
    .use(() => (tree: Root) => linkMentions(tree))
    .use(rehypeStringify)
    .freeze();
  return (markdown: string): string => String(processor.processSync(markdown));
}

function markOutboundLinks(tree: Root, siteOrigin: string) {
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'a' || typeof node.properties.href !== 'string') return;
    if (isOutbound(node.properties.href, siteOrigin)) {
      node.properties.rel = ['nofollow', 'ugc', 'noopener'];
    }
  });
}

function isOutbound(href: string, siteOrigin: string): boolean {
  if (href.startsWith('#')) return false;
  try {
    return new URL(href, siteOrigin).origin !== siteOrigin;
  } catch {
    return true;
  }
}

/**
 * `@handle` preceded by a start, space or punctuation that cannot be part of an address or a
 * path (so `bob@example.com` and `/a/@b` are left alone), with a handle's characters (3–20 letters,
 * digits, `_` or `-`, as accounts/account.rules.ts) and not followed by more of them.
 */
const MENTION = /(^|[^A-Za-z0-9_@/.-])@([A-Za-z0-9_-]{3,20})(?![A-Za-z0-9_-])/g;
/** Elements whose text is never a mention. */
const NO_MENTIONS = new Set(['a', 'code', 'pre']);

function linkMentions(tree: Root) {
  const walk = (parent: Root | Element) => {
    const out: (RootContent | ElementContent)[] = [];
    for (const child of parent.children) {
      if (child.type === 'element') {
        if (!NO_MENTIONS.has(child.tagName)) walk(child);
        out.push(child);
      } else if (child.type === 'text') {
        out.push(...splitMentions(child.value));
      } else {
        out.push(child);
      }
    }
    parent.children = out as typeof parent.children;
  };
  walk(tree);
}

function splitMentions(text: string): ElementContent[] {
  const parts: ElementContent[] = [];
  let last = 0;
  for (const m of text.matchAll(MENTION)) {
    const at = m.index + m[1]!.length;
    if (at > last) parts.push({ type: 'text', value: text.slice(last, at) });
    const handle = m[2]!;
    parts.push({
      type: 'element',
      tagName: 'a',
      properties: { href: `/u/${handle}`, className: ['mention'] },
      children: [{ type: 'text', value: `@${handle}` }],
    });
    last = at + 1 + handle.length;
  }
  if (parts.length === 0) return [{ type: 'text', value: text }];
  if (last < text.length) parts.push({ type: 'text', value: text.slice(last) });
  return parts;
}

const MENTION_LINK = /<a href="\/u\/([A-Za-z0-9_-]{3,20})" class="mention">/g;

/** The handles rendered HTML mentions (distinct, lower-cased, in order of appearance). */
export function mentionedHandles(html: string): string[] {
  return [...new Set([...html.matchAll(MENTION_LINK)].map((m) => m[1]!.toLowerCase()))];
}

const MENTION_ELEMENT = /<a href="\/u\/([A-Za-z0-9_-]{3,20})" class="mention">(@[A-Za-z0-9_-]{3,20})<\/a>/g;

/**
 * `html` with the mention links of handles not in `known` (lower-cased) turned back into their
 * text. The links are the renderer's own output (the sanitizer drops any class a writer gives
 * a link), so their exact shape is known.
 */
export function keepKnownMentions(html: string, known: ReadonlySet<string>): string {
  return html.replace(MENTION_ELEMENT, (link, handle: string, text: string) =>
    known.has(handle.toLowerCase()) ? link : text,
  );
}
