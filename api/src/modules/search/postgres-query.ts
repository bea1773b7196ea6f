import type { Viewer } from '../../platform/authz/guardian.js';
import { textArray } from '../../platform/db/sql.js';
import { readableThreadIdSql } from '../community/visibility.js';
import type { SearchFilter } from './search-index.js';

/**
 * SQL: the document aliased `d` is readable by `viewer`, checked against the live rows it comes
 * from: whatever the index holds, a deleted post, a deleted thread or a category the viewer may
 * not enter is never a hit, a snippet or a count (the index may lag; visibility never does).
 * Correlated lookups rather than joins: they run per candidate row by primary key (a join
 * against a CTE's poorly estimated rows was planned as a scan of every thread).
 */
export const visibleDocumentSql = (viewer: Viewer | null): string => `case d.kind
    when 'THREAD' then ${readableThreadIdSql(viewer, 'd.thread_id')}
    when 'POST' then ${readableThreadIdSql(viewer, 'd.thread_id')}
      and exists (select 1 from posts p where p.id = d.source_id and p.deleted_at is null)
    when 'MEMBER' then true
    else false end`;

/** SQL: the live title of the document aliased `d` (a thread's may have just been edited). */
export const liveTitleSql = `coalesce((select t.title from threads t where t.id = d.thread_id), d.title)`;

/**
 * The `where` clause of a search over `search_documents d`: the text query first and inline
 * (websearch_to_tsquery in the clause itself, where the planner sees it against the GIN index
 * and its statistics; built in a CTE it hides both and plans took 300–1,000 ms), then the
 * filters. Visibility is applied by `visibleMatches`.
 */
export function matchSql(text: string, filter: SearchFilter) {
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
  return { where: where.join('\n    and '), params };
}

/**
 * SQL (and its parameters) for the first `limit` matches the viewer may read, in `order`.
 * Checking visibility costs two index lookups per row, so it is checked on the first
 * `4 × limit` matches only (`raw`, narrow rows), not on every match of a word in 1% of 1.3M
 * documents. When those are all taken and too few are readable (much hidden content among
 * the newest matches), `exhaustive` checks every match instead: the caller runs it again so.
 */
export function visibleMatches(
  match: { where: string; params: unknown[] },
  viewer: Viewer | null,
  opts: {
    raw: string;
    order: string;
    limit: number;
    exhaustive: boolean;
    extraWhere?: string;
    extraParams?: unknown[];
  },
) {
  const extra = opts.extraWhere ? `and ${opts.extraWhere}` : '';
  const raw = opts.exhaustive
    ? `select d.kind, d.source_id, d.thread_id, d.created_at, d.title from search_documents d
        where ${match.where} ${extra} and ${visibleDocumentSql(viewer)}
        order by ${opts.order} limit ?`
    : `select d.kind, d.source_id, d.thread_id, d.created_at, d.title from search_documents d
        where ${match.where} ${extra}
        order by ${opts.order} limit ?`;
  return {
    raw,
    visible: `select d.kind, d.source_id, d.thread_id, d.created_at, ${liveTitleSql} as title
                from ${opts.raw} d
               where ${visibleDocumentSql(viewer)}
               order by ${opts.order} limit ?`,
    rawParams: [...match.params, ...(opts.extraParams ?? []), opts.exhaustive ? opts.limit : 4 * opts.limit],
    visibleParams: [opts.limit],
    rawLimit: opts.exhaustive ? Number.MAX_SAFE_INTEGER : 4 * opts.limit,
  };
}

/** ts_headline's options: control-character marks (see snippet.ts), two short fragments. */
export const HEADLINE_OPTIONS =
  'StartSel=\u0002, StopSel=\u0003, MaxWords=24, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "';

/** Rank of a candidate: cover density, damped for long documents, scaled to [0, 1) as an int4. */
export const RANK_SQL = `floor(ts_rank_cd(s.document, websearch_to_tsquery('hearth_search', ?), 1 | 32) * 1e9)::int`;
