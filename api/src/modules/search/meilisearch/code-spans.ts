import type { EntityManager } from '@mikro-orm/postgresql';
import { sql, textArray } from '../../../platform/db/sql.js';
import type { SearchDocument } from '../search-index.js';

/** Fenced blocks (``` or ~~~, to the closing fence or the end) and inline `spans`. */
const CODE = /(^|\n)[ \t]*(`{3,}|~{3,})[^\n]*\n[\s\S]*?(\n[ \t]*\2[^\n]*(?=\n|$)|$)|`[^`\n]+`/g;

/** The code of a markdown source, and the source without it. */
export function splitCode(markdown: string): { code: string; prose: string } {
  const code: string[] = [];
  const prose = markdown.replace(CODE, (match) => {
    code.push(match.replace(/^\s*(`{3,}|~{3,})[^\n]*\n?|\n?[ \t]*(`{3,}|~{3,})[^\n]*$|`/g, ' ').trim());
    return match.startsWith('\n') ? '\n \n' : ' ';
  });
  return { code: code.join(' ').replace(/\s+/g, ' ').trim(), prose };
}

/**
 * Threads' and replies' documents with their code apart: `code` (searched without typo
 * tolerance: an identifier one letter off is another identifier) and the body without it, made
 * plain by the same SQL function as every document (search_plain_text). Reads the markdown of
 * the question (THREAD) or reply (POST) the loader used; two statements for any number.
 */
export async function withCodeApart(
  em: EntityManager,
  documents: SearchDocument[],
): Promise<Map<SearchDocument, { body: string; code: string }>> {
  const out = new Map<SearchDocument, { body: string; code: string }>();
  const posts = documents.filter((d) => d.kind === 'THREAD' || d.kind === 'POST');
  if (posts.length === 0) return out;
  const ids = (kind: string) => `{${posts.filter((d) => d.kind === kind).map((d) => d.id)}}`;
  const rows = await sql<{ kind: string; id: number; body: string }>(
    em,
    `select 'THREAD' as kind, t.id, q.body from threads t join posts q on q.id = t.question_post_id
      where t.id = any(?::int[])
     union all
     select 'POST' as kind, p.id, p.body from posts p where p.id = any(?::int[])`,
    [ids('THREAD'), ids('POST')],
  );
  const source = new Map(rows.map((r) => [`${r.kind}:${r.id}`, r.body]));
  const withCode = posts.flatMap((doc) => {
    const markdown = source.get(`${doc.kind}:${doc.id}`);
    if (!markdown || !/`|~~~/.test(markdown)) return [];
    return [{ doc, ...splitCode(markdown) }];
  });
  if (withCode.length === 0) return out;
  const plain = await sql<{ body: string }>(
    em,
    `select search_plain_text(x.source) as body from unnest(?::text[]) with ordinality x(source, n) order by x.n`,
    [textArray(withCode.map((w) => w.prose))],
  );
  withCode.forEach((w, i) => {
    if (w.code) out.set(w.doc, { body: plain[i]!.body, code: w.code });
  });
  return out;
}
