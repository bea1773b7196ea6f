import type { Viewer } from '../../platform/authz/guardian.js';
import { textArray } from '../../platform/db/sql.js';
import { readableThreadSql } from '../community/visibility.js';
import type { SearchFilter } from './search-index.js';

/**
 * The rows a search may return, joined to the live rows they come from: whatever the index
 * holds, a deleted post, a deleted thread or a category the viewer may not enter is never a
 * hit, a snippet or a count (the index may lag; visibility never does).
 */
export const SEARCH_FROM = `search_documents d
  left join threads t on t.id = d.thread_id
  left join posts p on d.kind = 'POST' and p.id = d.source_id`;

/** SQL: the document aliased `d` (joined as in SEARCH_FROM) is readable by `viewer`. */
export const visibleDocumentSql = (viewer: Viewer | null): string => `case d.kind
    when 'THREAD' then ${readableThreadSql(viewer, 't')}
    when 'POST' then p.deleted_at is null and ${readableThreadSql(viewer, 't')}
    when 'MEMBER' then true
    else false end`;

/**
 * The `where` clause of a search: the text query first and inline (websearch_to_tsquery in
 * the clause itself, where the planner sees it against the GIN index and its statistics;
 * built in a CTE it hides both and plans took 300–1,000 ms), then the filters and visibility.
 */
export function matchSql(text: string, filter: SearchFilter, viewer: Viewer | null) {
  const where = [`d.document @@ websearch_to_tsquery('hearth_search', ?)`];
  const params: unknown[] = [text];
  if (filter.kinds?.length) {
    where.push('d.kind = any(?::text[])');
    params.push(textArray(filter.kinds));
  }
  if (filter.categoryId !== undefined) {
    where.push('d.category_id = ?');
    params.push(filter.categoryId);
  }
  if (filter.tags?.length) {
    where.push('d.tags @> ?::text[]');
    params.push(textArray(filter.tags));
  }
  if (filter.solved !== undefined) {
    where.push('d.solved = ?');
    params.push(filter.solved);
  }
  if (filter.createdAfter !== undefined) {
    where.push('d.created_at > ?::timestamptz');
    params.push(filter.createdAfter.toISOString());
  }
  where.push(visibleDocumentSql(viewer));
  return { where: where.join('\n    and '), params };
}

/** ts_headline's options: control-character marks (see snippet.ts), two short fragments. */
export const HEADLINE_OPTIONS =
  'StartSel=\u0002, StopSel=\u0003, MaxWords=24, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "';

/** Rank of a candidate: cover density, damped for long documents, scaled to [0, 1) as an int4. */
export const RANK_SQL = `floor(ts_rank_cd(c.document, websearch_to_tsquery('hearth_search', ?), 1 | 32) * 1e9)::int`;
