import type { Viewer } from '../../platform/authz/guardian.js';
import { textArray } from '../../platform/db/sql.js';
import { readableCategorySql, readableThreadSql } from '../community/visibility.js';
import type { SearchFilter } from './search-index.js';

/**
 * SQL: the document aliased `d` is readable by `viewer`, checked against the live rows it comes
 * from: whatever the index holds, a deleted post, a deleted thread or a category the viewer may
 * not enter, an article no longer published is never a hit, a snippet or a count (the index may
 * lag; visibility never does).
 * Checked per candidate row by primary key: `offset 0` keeps the planner from turning each
 * `exists` into a hash of every readable thread (100,000 rows hashed to check ten hits).
 */
export const visibleDocumentSql = (viewer: Viewer | null, d = 'd'): string => {
  // A thread whose question is hidden pending review is out of search, with its replies.
  const thread = `exists (select 1 from threads rt join posts rq on rq.id = rt.question_post_id
                           where rt.id = ${d}.thread_id and rq.hidden_at is null and ${readableThreadSql(viewer, 'rt')} offset 0)`;
  return `case ${d}.kind
    when 'THREAD' then ${thread}
    when 'POST' then ${thread}
      and exists (select 1 from posts p where p.id = ${d}.source_id and p.deleted_at is null
                   and p.hidden_at is null offset 0)
    when 'ARTICLE' then exists (select 1 from articles a where a.id = ${d}.source_id and a.state = 'PUBLISHED'
      and (a.category_id is null or exists (select 1 from categories rc where rc.id = a.category_id
                                             and ${readableCategorySql(viewer, 'rc')})) offset 0)
    when 'MEMBER' then true
    else false end`;
};

/** SQL: the live title of the document aliased `d` (a thread's may have just been edited). */
export const liveTitleSql = (d = 'd') =>
  `coalesce((select t.title from threads t where t.id = ${d}.thread_id), ${d}.title)`;

/**
 * The `where` clause of a search over `search_documents d`: the text query first and inline
 * (websearch_to_tsquery in the clause itself, where the planner sees it against the GIN index
 * and its statistics; built in a CTE it hides both and plans took 300–1,000 ms), then the
 * filters. Visibility is applied by `visibleMatches`.
 */
export function matchSql(text: string, filter: SearchFilter, d = 'd') {
  const where = [`${d}.document @@ websearch_to_tsquery('hearth_search', ?)`];
  const params: unknown[] = [text];
  if (filter.kinds?.length) {
    where.push(`${d}.kind = any(?::text[])`);
    params.push(textArray(filter.kinds));
  }
  if (filter.categoryId !== undefined) {
    where.push(`${d}.category_id = ?`);
    params.push(filter.categoryId);
  }
  if (filter.tags?.length) {
    where.push(`${d}.tags @> ?::text[]`);
    params.push(textArray(filter.tags));
  }
  if (filter.solved !== undefined) {
    where.push(`${d}.solved = ?`);
    params.push(filter.solved);
  }
  if (filter.createdAfter !== undefined) {
    where.push(`${d}.created_at > ?::timestamptz`);
    params.push(filter.createdAfter.toISOString());
  }
  return {
    where: where.join('\n    and '),
    params,
    /** The filters alone (what a walk of the newest index in their scope passes over). */
    filterWhere: where.slice(1).join('\n    and ') || 'true',
    filterParams: params.slice(1),
  };
}

/** SQL: the key a hit is made distinct by (onePerThread): its thread, or itself. */
export const hitGroupSql = (distinct: boolean, d = 'd') =>
  distinct
    ? `case when ${d}.kind in ('THREAD', 'POST') then 't' || ${d}.thread_id else ${d}.kind || ${d}.source_id end`
    : `${d}.kind || ${d}.source_id`;

/**
 * SQL (and its parameters): no newer document of the thread of `d` matches and is readable, so
 * `d` is its thread's hit in a NEWEST list (onePerThread). The thread's few documents are read
 * by search_documents_thread_idx alone (`offset 0`: combined with the words' or tags' GIN index
 * the planner read 80,000 index entries per row) and matched one by one; category, tags and
 * solved are the thread's, so only the words and the date are checked again.
 */
export function newestInThreadSql(text: string, filter: SearchFilter, viewer: Viewer | null) {
  const match = matchSql(text, { createdAfter: filter.createdAfter }, 'd2');
  return {
    where: `(d.kind not in ('THREAD', 'POST') or not exists (
              select 1 from (select * from search_documents t where t.thread_id = d.thread_id offset 0) d2
               where d2.kind in ('THREAD', 'POST')
                 and (d2.created_at, d2.kind, d2.source_id) > (d.created_at, d.kind, d.source_id)
                 and ${match.where} and ${visibleDocumentSql(viewer, 'd2')}))`,
    params: match.params,
  };
}

/**
 * SQL (and its parameters) for the first `limit` matches the viewer may read, in `order`.
 * Checking visibility costs a few index lookups per row, so it is checked on the first
 * `1.5 × limit + 10` matches only (`raw`, narrow rows), not on every match of a word in 1% of
 * 1.3M documents. When those are all taken and too few are readable (much hidden content among
 * the newest matches), `exhaustive` checks every match instead: the caller runs it again so.
 */
/**
 * Whether reading all `matches` (estimated) through the GIN index and sorting them beats walking
 * the newest index until `limit` of them turn up, in a table of `documents`. A walk checks about
 * `limit × documents / matches` rows, each costing ~0.4 of a row read through the bitmap (which
 * also sorts): the planner prices the walk's per-row text match far too cheaply, and walked
 * 148,000 rows (290 ms) for a word in 1% of documents where the bitmap read 13,000 (60 ms).
 */
export const bitmapIsCheaper = (matches: number, limit: number, documents: number): boolean =>
  matches * matches < 0.4 * rawLimit(limit) * documents;

/** Matches read before visibility is checked: room for some hidden ones among the newest. */
const rawLimit = (limit: number) => Math.ceil(limit * 1.5) + 10;

export function visibleMatches(
  match: { where: string; params: unknown[] },
  viewer: Viewer | null,
  opts: {
    raw: string;
    /** Read every match through the GIN index and sort them, rather than walk the newest index. */
    bitmap?: boolean;
    order: string;
    limit: number;
    exhaustive: boolean;
    extraWhere?: string;
    extraParams?: unknown[];
  },
) {
  const extra = opts.extraWhere ? `and ${opts.extraWhere}` : '';
  const orderBy = opts.order ? `order by ${opts.order}` : '';
  const raw = opts.exhaustive
    ? `select d.kind, d.source_id, d.thread_id, d.created_at, d.title from search_documents d
        where ${match.where} ${extra} and ${visibleDocumentSql(viewer)}
        ${orderBy} limit ?`
    : opts.bitmap
      ? `select d.* from (select d.kind, d.source_id, d.thread_id, d.created_at, d.title from search_documents d
                           where ${match.where} ${extra} offset 0) d
          ${orderBy} limit ?`
      : `select d.kind, d.source_id, d.thread_id, d.created_at, d.title from search_documents d
          where ${match.where} ${extra}
          ${orderBy} limit ?`;
  return {
    raw,
    visible: `select d.kind, d.source_id, d.thread_id, d.created_at, d.title
                from ${opts.raw} d
               where ${visibleDocumentSql(viewer)}
               ${orderBy} limit ?`,
    rawParams: [...match.params, ...(opts.extraParams ?? []), opts.exhaustive ? opts.limit : rawLimit(opts.limit)],
    visibleParams: [opts.limit],
    rawLimit: opts.exhaustive ? Number.MAX_SAFE_INTEGER : rawLimit(opts.limit),
  };
}

/** ts_headline's options: control-character marks (see snippet.ts), two short fragments. */
export const HEADLINE_OPTIONS =
  'StartSel=\u0002, StopSel=\u0003, MaxWords=24, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "';

/** Rank of a candidate: cover density, damped for long documents, scaled to [0, 1) as an int4. */
export const RANK_SQL = `floor(ts_rank_cd(s.document, websearch_to_tsquery('hearth_search', ?), 1 | 32) * 1e9)::int`;
