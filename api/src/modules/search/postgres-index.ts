import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeCursor, encodeCursor } from '../../graphql/pagination.js';
import { sql } from '../../platform/db/sql.js';
import { ValidationError } from '../../platform/errors.js';
import {
  bitmapIsCheaper,
  HEADLINE_OPTIONS,
  hitGroupSql,
  matchSql,
  newestInThreadSql,
  RANK_SQL,
  liveTitleSql,
  visibleDocumentSql,
  visibleMatches,
} from './postgres-query.js';
import { SEARCH_KINDS, searchableSql } from './search-documents.js';
import {
  onePerThread,
  type SearchHit,
  type SearchIndex,
  type SearchKind,
  type SearchPage,
  type SearchRef,
  type SearchRequest,
  type SimilarRequest,
} from './search-index.js';
import { snippetHtml } from './snippet.js';

interface HitRow {
  /** Hits counted (distinct per thread when onePerThread), up to the cap + 1. */
  total: number;
  /** There are more matches than were counted: the total is a lower bound. */
  more: boolean;
  /** The readable share of the matches checked was too small: check every match (see visibleMatches). */
  short: boolean;
  kind: SearchKind | null;
  source_id: number;
  thread_id: number | null;
  created_at: Date;
  title: string;
  rank?: number;
  snippet: string | null;
}

/**
 * Whether NEWEST counts its matches (up to the cap): not when the planner expects ten times the
 * cap, which then is "1,000+" without reading them (counting the first 1,001 matches of a word in
 * a quarter of the documents read its whole GIN posting list: 130 of a search's 150 ms).
 * Meilisearch's totals are estimates too; a first page that holds every hit is counted exactly.
 */
export const countsMatches = (estimated: number, cap: number): boolean => estimated < 10 * (cap + 1);

/** Newest first, ties broken by kind and id: the keyset order of NEWEST and of candidates. */
const newestFirst = (a: string) => `${a}.created_at desc, ${a}.kind desc, ${a}.source_id desc`;

/** Cursors hold a kind as its position in SEARCH_KINDS (an int the cursor check validates). */
const kindNumber = (kind: SearchKind) => SEARCH_KINDS.indexOf(kind);
function kindOf(n: number): SearchKind {
  const kind = SEARCH_KINDS[n];
  if (!kind) throw new ValidationError({ after: 'after is not a valid cursor for this list.' });
  return kind;
}

/** Suggestions are ranked among this many nearest titles and as many newest title matches. */
const SIMILAR_CANDIDATES = 50;

/**
 * Search on PostgreSQL full-text search over search_documents (see the search migration).
 * Relevance is computed only over a bounded candidate set, the newest `maxTotal` matches
 * (ranking every match of a common word took ~0.4–1 s at 1M posts), which also gives the
 * capped total; ts_headline runs only on the rows returned. NEWEST pages by keyset over
 * (created_at, kind, id) and counts with a bounded subquery, never count(*) over all matches.
 */
export class PostgresSearchIndex implements SearchIndex {
  readonly engine = 'postgres' as const;

  private documents = { count: 0, readAt: 0 };

  constructor(private readonly maxTotal = 1000) {}

  /**
   * The planner's estimate of the matches (from the text query's lexeme statistics), and the
   * table's size (refreshed each minute), to choose how candidates are read (bitmapIsCheaper)
   * and whether NEWEST counts them (countsMatches).
   */
  private async shape(
    em: EntityManager,
    match: { where: string; params: unknown[]; filterWhere: string; filterParams: unknown[] },
    limit: number,
  ) {
    if (Date.now() - this.documents.readAt > 60_000) {
      const [row] = await sql<{ n: number }>(
        em,
        `select greatest(reltuples, 0)::float8 as n from pg_class where oid = 'search_documents'::regclass`,
      );
      this.documents = { count: row!.n, readAt: Date.now() };
    }
    const estimate = async (where: string, params: unknown[]) => {
      const [plan] = await sql<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
        em,
        `explain (format json) select 1 from search_documents d where ${where}`,
        params,
      );
      return plan!['QUERY PLAN'][0].Plan['Plan Rows'];
    };
    const matches = await estimate(match.where, match.params);
    // With filters, a walk passes over the filtered documents only (a category's index, say).
    const scope = match.filterParams.length
      ? await estimate(match.filterWhere, match.filterParams)
      : this.documents.count;
    return { bitmap: bitmapIsCheaper(matches, limit, scope), matches };
  }

  /**
   * Upserts what is searchable among `refs` and deletes the rest, in two statements inside
   * `em`'s transaction; unchanged documents are not rewritten.
   */
  async sync(em: EntityManager, refs: SearchRef[]): Promise<void> {
    if (refs.length === 0) return;
    const source = searchableSql(refs);
    if (source) {
      await sql(
        em,
        `insert into search_documents (kind, source_id, thread_id, category_id, tags, solved, created_at, title, body)
         ${source.text}
         on conflict (kind, source_id) do update
           set thread_id = excluded.thread_id, category_id = excluded.category_id, tags = excluded.tags,
               solved = excluded.solved, created_at = excluded.created_at, title = excluded.title, body = excluded.body
         where (search_documents.thread_id, search_documents.category_id, search_documents.tags, search_documents.solved,
                search_documents.created_at, search_documents.title, search_documents.body)
               is distinct from (excluded.thread_id, excluded.category_id, excluded.tags, excluded.solved,
                excluded.created_at, excluded.title, excluded.body)`,
        source.params,
      );
    }
    const kinds = refs.map((r) => r.kind);
    const ids = refs.map((r) => r.id);
    await sql(
      em,
      `delete from search_documents d
        using unnest(?::text[], ?::int[]) r(kind, id)
        where d.kind = r.kind and d.source_id = r.id
          and not exists (select 1 from (${source?.text ?? 'select null::text as kind, null::int as source_id'}) s
                           where s.kind = d.kind and s.source_id = d.source_id)`,
      [`{${kinds.join(',')}}`, `{${ids.join(',')}}`, ...(source?.params ?? [])],
    );
  }

  async search(em: EntityManager, request: SearchRequest): Promise<SearchPage> {
    const query = request.sort === 'NEWEST' ? this.newest.bind(this) : this.relevant.bind(this);
    let rows = await query(em, request, false);
    if (rows[0]!.short) rows = await query(em, request, true);
    const found = rows.filter((r) => r.kind !== null);
    const hits = found.slice(0, request.first);
    const hasNextPage = found.length > request.first;
    // A NEWEST first page holding every hit counts them exactly, whatever was estimated
    // (RELEVANCE pages only its candidates: all of them on one page may not be every hit).
    const whole = request.sort === 'NEWEST' && !request.after && !hasNextPage;
    const total = whole ? hits.length : rows[0]!.total;
    const last = hits.at(-1);
    const cursorOf = (r: HitRow) =>
      request.sort === 'NEWEST'
        ? [new Date(r.created_at).toISOString(), kindNumber(r.kind!), r.source_id]
        : [r.rank!, new Date(r.created_at).toISOString(), kindNumber(r.kind!), r.source_id];
    return {
      hits: hits.map((r) => ({ ...toHit(r), cursor: encodeCursor(cursorOf(r)) })),
      hasNextPage,
      endCursor: last ? encodeCursor(cursorOf(last)) : null,
      total: { value: Math.min(total, this.maxTotal), exact: (whole || !rows[0]!.more) && total <= this.maxTotal },
    };
  }

  /** The newest `maxTotal` (+1) readable matches are the candidates: ranked, paged, counted. */
  private async relevant(em: EntityManager, request: SearchRequest, exhaustive: boolean): Promise<HitRow[]> {
    const cursor = decodeCursor(request.after, ['int', 'timestamp', 'int', 'id']);
    const after = cursor ? 'where (r.rank, r.created_at, r.kind, r.source_id) < (?, ?::timestamptz, ?, ?)' : '';
    const match = matchSql(request.text, request.filter);
    // One hit per thread: its question when that matches, else its best-ranked reply (replies
    // carry the thread's title, and a short one outranks the question on the title's words alone).
    const distinct = onePerThread(request.filter);
    const m = visibleMatches(match, request.viewer, {
      raw: 'raw',
      bitmap: (await this.shape(em, match, this.maxTotal + 1)).bitmap,
      order: newestFirst('d'),
      limit: this.maxTotal + 1,
      exhaustive,
    });
    return sql<HitRow>(
      em,
      `with raw as materialized (${m.raw}),
            candidates as materialized (${m.visible}),
            scored as (
              select c.kind, c.source_id, c.thread_id, c.created_at, c.title, ${RANK_SQL} as rank,
                     ${hitGroupSql(distinct, 'c')} as hit_group
                from candidates c join search_documents s on s.kind = c.kind and s.source_id = c.source_id
            ),
            ranked as materialized (
              select distinct on (hit_group) * from scored
               order by hit_group, kind = 'THREAD' desc, rank desc, ${newestFirst('scored')}
            )
       select n.total, n.more, n.short, page.kind, page.source_id, page.thread_id, page.created_at, page.rank,
              ${liveTitleSql()} as title,
              ts_headline('hearth_search', d.body, websearch_to_tsquery('hearth_search', ?), ?) as snippet
         from (select (select count(*) from ranked)::int as total, count(*) > ? as more,
                      (select count(*) from raw) >= ? and count(*) < ? as short from candidates) n
         left join (select r.* from ranked r ${after}
                     order by r.rank desc, ${newestFirst('r')} limit ?) page on true
         left join search_documents d on d.kind = page.kind and d.source_id = page.source_id
        order by page.rank desc, ${newestFirst('page')}`,
      [
        ...m.rawParams,
        ...m.visibleParams,
        request.text,
        request.text,
        HEADLINE_OPTIONS,
        this.maxTotal,
        m.rawLimit,
        this.maxTotal + 1,
        ...(cursor ? [cursor[0], cursor[1], kindOf(cursor[2] as number), cursor[3]] : []),
        request.first + 1,
      ],
    );
  }

  /**
   * Keyset pages over every readable match, newest first (one per thread: a thread's newest
   * match, see newestInThreadSql); the total counted over the first `maxTotal` + 1 matches.
   */
  private async newest(em: EntityManager, request: SearchRequest, exhaustive: boolean): Promise<HitRow[]> {
    const match = matchSql(request.text, request.filter);
    const cursor = decodeCursor(request.after, ['timestamp', 'int', 'id']);
    const distinct = onePerThread(request.filter);
    const { bitmap, matches } = await this.shape(em, match, request.first + 1);
    const counts = countsMatches(matches, this.maxTotal);
    // Counting needs no order: any matches will do, so the count stops at the first it finds.
    const counted = visibleMatches(match, request.viewer, {
      raw: 'raw_counted',
      order: '',
      limit: this.maxTotal + 1,
      exhaustive,
    });
    const after = cursor
      ? {
          where: '(d.created_at, d.kind, d.source_id) < (?::timestamptz, ?, ?)',
          params: [cursor[0], kindOf(cursor[1] as number), cursor[2]],
        }
      : null;
    const newestOfThread = distinct ? newestInThreadSql(request.text, request.filter, request.viewer) : null;
    const extra = [after, newestOfThread].filter((x) => x !== null);
    const paged = visibleMatches(match, request.viewer, {
      raw: 'raw_page',
      bitmap,
      order: newestFirst('d'),
      limit: request.first + 1,
      exhaustive,
      extraWhere: extra.map((x) => x.where).join(' and ') || undefined,
      extraParams: extra.flatMap((x) => x.params),
    });
    const total = counts
      ? `(select count(distinct ${hitGroupSql(distinct)}) from counted d)::int as total,
         (select count(*) from counted) > ? as more,
         ((select count(*) from raw_counted) >= ? and (select count(*) from counted) < ?) or`
      : `?::int as total, true as more,`;
    return sql<HitRow>(
      em,
      `with ${counts ? `raw_counted as materialized (${counted.raw}), counted as materialized (${counted.visible}),` : ''}
            raw_page as materialized (${paged.raw}),
            page as materialized (${paged.visible})
       select n.total, n.more, n.short, page.kind, page.source_id, page.thread_id, page.created_at,
              ${liveTitleSql('s')} as title,
              ts_headline('hearth_search', s.body, websearch_to_tsquery('hearth_search', ?), ?) as snippet
         from (select ${total} ((select count(*) from raw_page) >= ? and (select count(*) from page) < ?) as short) n
         left join page on true
         left join search_documents s on s.kind = page.kind and s.source_id = page.source_id
        order by ${newestFirst('page')}`,
      [
        ...(counts ? [...counted.rawParams, ...counted.visibleParams] : []),
        ...paged.rawParams,
        ...paged.visibleParams,
        request.text,
        HEADLINE_OPTIONS,
        ...(counts ? [this.maxTotal, counted.rawLimit, this.maxTotal + 1] : [this.maxTotal + 1]),
        paged.rawLimit,
        request.first + 1,
      ],
    );
  }

  /**
   * Solved threads and published articles like a question: the nearest titles by trigrams
   * (a GiST nearest-neighbour scan, so typos match and a word common to every title costs
   * nothing) and the newest titles holding every title word, then ranked by title similarity
   * plus how well the title and body words cover each candidate.
   */
  async similar(em: EntityManager, request: SimilarRequest): Promise<SearchHit[]> {
    const suggestible = `(d.kind = 'ARTICLE' or (d.kind = 'THREAD' and d.solved)) and ${visibleDocumentSql(request.viewer)}`;
    const rows = await sql<HitRow>(
      em,
      `with candidates as (
         (select d.kind, d.source_id from search_documents d
           where ${suggestible}
           order by search_fold(d.title) <-> search_fold(?) limit ?)
         union
         (select d.kind, d.source_id from search_documents d
           where ${suggestible} and to_tsvector('hearth_search', d.title) @@ plainto_tsquery('hearth_search', ?)
           order by ${newestFirst('d')} limit ?)
       )
       select 0 as total, false as short, d.kind, d.source_id, d.thread_id, d.created_at, ${liveTitleSql()} as title,
              '' as snippet
         from candidates c join search_documents d on d.kind = c.kind and d.source_id = c.source_id
        order by similarity(search_fold(d.title), search_fold(?))
                 + ts_rank_cd(d.document, replace(plainto_tsquery('hearth_search', ?)::text, '&', '|')::tsquery, 1 | 32) desc,
                 ${newestFirst('d')}
        limit ?`,
      [
        request.title,
        SIMILAR_CANDIDATES,
        request.title,
        SIMILAR_CANDIDATES,
        request.title,
        `${request.title} ${request.body ?? ''}`,
        request.first,
      ],
    );
    return rows.map(toHit);
  }

  /** PostgreSQL is the source of truth: when it does not answer, nothing does. */
  async healthy(): Promise<boolean> {
    return true;
  }
}

function toHit(r: HitRow): SearchHit {
  return {
    kind: r.kind!,
    id: r.source_id,
    title: r.title,
    threadId: r.thread_id,
    snippetHtml: snippetHtml(r.snippet ?? ''),
    createdAt: new Date(r.created_at),
  };
}
