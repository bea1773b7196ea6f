import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../platform/db/sql.js';
import type { SearchDocument, SearchKind, SearchRef } from './search-index.js';

export const SEARCH_KINDS: readonly SearchKind[] = ['THREAD', 'POST', 'ARTICLE', 'MEMBER'];

/**
 * Per kind, SQL selecting what is searchable now among the ids bound to its one `?::int[]`,
 * with the columns of search_documents. Deleted, removed and hidden posts, deleted threads,
 * threads whose question is hidden (and their replies), threads merged into another (a pointer
 * now), articles not published and sign-ups held for approval are not searchable; restricted categories are (each
 * search filters them by its viewer). Bodies become plain text in SQL (search_plain_text), so
 * every engine indexes the same text.
 */
const SOURCES: Partial<Record<SearchKind, string>> = {
  THREAD: `
    select 'THREAD'::text as kind, t.id as source_id, t.id as thread_id, t.category_id, t.tags,
           t.accepted_post_id is not null as solved, t.created_at, t.title, search_plain_text(q.body) as body
      from threads t join posts q on q.id = t.question_post_id
     where t.id = any(?::int[]) and t.deleted_at is null and q.deleted_at is null and q.hidden_at is null
       and t.merged_into_id is null`,
  POST: `
    select 'POST'::text as kind, p.id as source_id, t.id as thread_id, t.category_id, t.tags,
           t.accepted_post_id is not null as solved, p.created_at, t.title, search_plain_text(p.body) as body
      from posts p join threads t on t.id = p.thread_id
     where p.id = any(?::int[]) and not p.is_question and p.deleted_at is null and p.hidden_at is null
       and t.deleted_at is null
       and not exists (select 1 from posts hq where hq.id = t.question_post_id and hq.hidden_at is not null)`,
  // What readers see of a published article (a staged edit of it waits in article_versions).
  ARTICLE: `
    select 'ARTICLE'::text as kind, a.id as source_id, null::int as thread_id, a.category_id, a.tags,
           null::boolean as solved, coalesce(a.published_at, a.created_at) as created_at, a.title,
           search_plain_text(concat_ws(' ', a.issue, a.environment, a.resolution, a.cause)) as body
      from articles a
     where a.id = any(?::int[]) and a.state = 'PUBLISHED'`,
  MEMBER: `
    select 'MEMBER'::text as kind, m.id as source_id, null::int as thread_id, null::int as category_id,
           '{}'::text[] as tags, null::boolean as solved, m.created_at, m.handle as title, '' as body
      from members m
     where m.id = any(?::int[]) and (m.held_at is null or m.approved_at is not null)`,
};

/** The table each indexed kind's ids come from (reindex and reconcile walk its ids). */
export const SOURCE_TABLES: Partial<Record<SearchKind, string>> = {
  THREAD: 'threads',
  POST: 'posts',
  ARTICLE: 'articles',
  MEMBER: 'members',
};

/** The kinds indexed, in the order reindex and reconcile walk them. */
export const INDEXED_KINDS = SEARCH_KINDS.filter((k) => SOURCES[k] !== undefined);

/**
 * One statement selecting the searchable documents among `refs`, with its parameters; null
 * when no ref is of an indexed kind.
 */
export function searchableSql(refs: readonly SearchRef[]): { text: string; params: string[] } | null {
  const ids = new Map<SearchKind, Set<number>>();
  for (const r of refs) {
    if (!SOURCES[r.kind]) continue;
    if (!ids.has(r.kind)) ids.set(r.kind, new Set());
    ids.get(r.kind)!.add(r.id);
  }
  if (ids.size === 0) return null;
  const kinds = [...ids.keys()];
  return {
    text: kinds.map((k) => SOURCES[k]!).join('\n    union all'),
    params: kinds.map((k) => `{${[...ids.get(k)!].join(',')}}`),
  };
}

interface DocumentRow {
  kind: SearchKind;
  source_id: number;
  thread_id: number | null;
  category_id: number | null;
  tags: string[];
  solved: boolean | null;
  created_at: Date;
  title: string;
  body: string;
}

/**
 * The current documents for `refs`, read from PostgreSQL (the source of truth): only what is
 * searchable now, so a ref missing from the result is to be dropped from an index. One
 * statement whatever the number of refs. Both engines index from here.
 */
export async function loadSearchDocuments(em: EntityManager, refs: readonly SearchRef[]): Promise<SearchDocument[]> {
  const query = searchableSql(refs);
  if (!query) return [];
  const rows = await sql<DocumentRow>(em, query.text, query.params);
  return rows.map((r) => ({
    kind: r.kind,
    id: r.source_id,
    title: r.title,
    tags: r.tags,
    body: r.body,
    categoryId: r.category_id,
    threadId: r.thread_id,
    solved: r.solved,
    createdAt: new Date(r.created_at),
  }));
}

/**
 * A thread and every reply of it: a question's title or tags, its deletion, or an accepted
 * answer changes the replies' documents too (they carry the thread's title, tags and solved).
 */
export async function threadsWithReplies(em: EntityManager, threadIds: readonly number[]): Promise<SearchRef[]> {
  if (threadIds.length === 0) return [];
  const ids = `{${[...new Set(threadIds)].join(',')}}`;
  const rows = await sql<{ id: number }>(
    em,
    `select id from posts where thread_id = any(?::int[]) and not is_question and deleted_at is null`,
    [ids],
  );
  const threads = [...new Set(threadIds)].map((id): SearchRef => ({ kind: 'THREAD', id }));
  return threads.concat(rows.map((r): SearchRef => ({ kind: 'POST', id: r.id })));
}
