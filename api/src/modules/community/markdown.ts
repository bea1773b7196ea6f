import type { Element, Root } from 'hast';
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
