import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../platform/authz/guardian.js';
import { sql, textArray } from '../../platform/db/sql.js';
import type { Services } from '../../platform/scope.js';
import { liveTitleSql, visibleDocumentSql } from './postgres-query.js';
import type { SearchHit, SearchRef } from './search-index.js';
import { similarQuestions } from './search.queries.js';

/** What has a related list: a thread's page or an article's page. */
export interface RelatedOf {
  kind: 'THREAD' | 'ARTICLE';
  id: number;
}

/** Candidates stored per item: room for the largest page (10) after the viewer's filter drops some. */
export const STORED_CANDIDATES = 15;
/** A list older than this is answered, and refreshed in the background (new threads enter older lists). */
export const FRESH_FOR_DAYS = 7;
/** A refresh asked for this recently is not asked again (one job per item, however many page views). */
const REFRESH_DEDUP_MINUTES = 10;

/**
 * Candidates are computed as one who may read every category would see them: what nobody may see
 * as related (deleted, hidden, merged threads, unpublished articles) is left out here, and
 * what only some may read (restricted categories) is filtered per viewer when read
 * (`visibleRelated`). This viewer never acts: it only widens the visibility rule to everything.
 */
const EVERY_CATEGORY: Viewer = {
  id: 0,
  handle: 'related-items',
  role: 'ADMIN',
  reputation: 0,
  createdAt: new Date(0),
  isAdvocate: false,
  advocateCategoryIds: null,
  silence: null,
};

export const relatedKey = (r: { kind: string; id: number }) => `${r.kind}:${r.id}`;

/** The item's title and question, and what it must not list: itself, and its article or source thread. */
async function loadSubject(
  em: EntityManager,
  of: RelatedOf,
): Promise<{ title: string; body: string | null; exclude: SearchRef[] } | null> {
  if (of.kind === 'THREAD') {
    const [row] = await sql<{ title: string; body: string | null; articles: number[] }>(
      em,
      `select t.title, q.body, array(select a.id from articles a where a.source_thread_id = t.id) as articles
         from threads t left join posts q on q.id = t.question_post_id where t.id = ?`,
      [of.id],
    );
    if (!row) return null;
    return { ...row, exclude: [of, ...row.articles.map((id) => ({ kind: 'ARTICLE' as const, id }))] };
  }
  const [row] = await sql<{ title: string; body: string; source_thread_id: number | null }>(
    em,
    'select title, issue as body, source_thread_id from articles where id = ?',
    [of.id],
  );
  if (!row) return null;
  const source = row.source_thread_id ? [{ kind: 'THREAD' as const, id: row.source_thread_id }] : [];
  return { title: row.title, body: row.body, exclude: [of, ...source] };
}

/**
 * The item's related candidates now, in rank order, from the search engine that answers
 * (Meilisearch or PostgreSQL: the same contract), without a viewer; null when the item is gone.
 */
export async function computeRelated(
  em: EntityManager,
  services: Services,
  of: RelatedOf,
): Promise<SearchRef[] | null> {
  const subject = await loadSubject(em, of);
  if (!subject) return null;
  const hits = await similarQuestions(
    { em, services, viewer: EVERY_CATEGORY },
    // Room for what is left out below.
    { title: subject.title, body: subject.body, first: STORED_CANDIDATES + 2 },
  );
  const skip = new Set(subject.exclude.map(relatedKey));
  return hits
    .filter((h) => !skip.has(relatedKey(h)))
    .slice(0, STORED_CANDIDATES)
    .map((h) => ({ kind: h.kind, id: h.id }));
}

/**
 * Stores a computed list. `replace`: a refresh overwrites (and clears `outdated` and the pending
 * refresh); otherwise a first computation on a page view inserts only if no one else did meanwhile.
 */
export async function saveRelated(
  em: EntityManager,
  of: RelatedOf,
  candidates: SearchRef[],
  opts: { replace: boolean },
): Promise<void> {
  await sql(
    em,
    `insert into related_items (kind, source_id, candidate_kinds, candidate_ids)
     values (?, ?, ?::text[], ?::int[])
     on conflict (kind, source_id) do ${
       opts.replace
         ? `update set candidate_kinds = excluded.candidate_kinds, candidate_ids = excluded.candidate_ids,
                       computed_at = now(), outdated = false, refresh_requested_at = null`
         : 'nothing'
     }`,
    [of.kind, of.id, textArray(candidates.map((c) => c.kind)), `{${candidates.map((c) => c.id).join(',')}}`],
  );
}

/**
 * Computes and stores an item's list (subscriber and refresh job), and returns it; a vanished
 * item's row goes.
 */
export async function refreshRelated(
  em: EntityManager,
  services: Services,
  of: RelatedOf,
): Promise<SearchRef[] | null> {
  const candidates = await computeRelated(em, services, of);
  if (candidates) await saveRelated(em, of, candidates, { replace: true });
  else await sql(em, 'delete from related_items where kind = ? and source_id = ?', [of.kind, of.id]);
  return candidates;
}

/** Pages whose lists a new candidate is checked against: its nearest titles among threads and articles. */
const NEIGHBOURS = 50;

/**
 * Marks outdated the stored lists a new candidate (a thread just solved, an article just
 * published) would likely enter: those of the threads and articles with the nearest titles,
 * solved or not (one indexed nearest-neighbour scan). Their next page view refreshes them in the
 * background; the others take it up within the freshness window.
 */
export async function outdateNeighbours(em: EntityManager, of: RelatedOf): Promise<void> {
  await sql(
    em,
    `update related_items r set outdated = true
       from (select d.kind, d.source_id from search_documents d
              where d.kind in ('THREAD', 'ARTICLE')
              order by search_fold(d.title) <-> search_fold((select s.title from search_documents s
                                                               where s.kind = ? and s.source_id = ?))
              limit ?) n
      where r.kind = n.kind and r.source_id = n.source_id and not r.outdated
        and not (r.kind = ? and r.source_id = ?)`,
    [of.kind, of.id, NEIGHBOURS, of.kind, of.id],
  );
}

/** Which of `items` have a stored list, and which of those are due a refresh. */
export async function storedRelated(
  em: EntityManager,
  items: RelatedOf[],
): Promise<{ stored: Set<string>; due: RelatedOf[] }> {
  const rows = await sql<{ kind: RelatedOf['kind']; source_id: number; due: boolean }>(
    em,
    `select r.kind, r.source_id, (r.outdated or r.computed_at < now() - make_interval(days => ?)) as due
       from related_items r join unnest(?::text[], ?::int[]) i(kind, id) on r.kind = i.kind and r.source_id = i.id`,
    [FRESH_FOR_DAYS, textArray(items.map((i) => i.kind)), `{${items.map((i) => i.id).join(',')}}`],
  );
  return {
    stored: new Set(rows.map((r) => relatedKey({ kind: r.kind, id: r.source_id }))),
    due: rows.filter((r) => r.due).map((r) => ({ kind: r.kind, id: r.source_id })),
  };
}

/**
 * Claims the refresh of lists that are due, one claim per item per few minutes (an atomic
 * update: concurrent page views claim it once), and returns those claimed: each gets one job.
 */
export async function claimRefresh(em: EntityManager, due: RelatedOf[]): Promise<RelatedOf[]> {
  if (due.length === 0) return [];
  const rows = await sql<{ kind: RelatedOf['kind']; source_id: number }>(
    em,
    `update related_items r set refresh_requested_at = now()
       from unnest(?::text[], ?::int[]) i(kind, id)
      where r.kind = i.kind and r.source_id = i.id
        -- Still due: a refresh that finished since the list was read is not asked again.
        and (r.outdated or r.computed_at < now() - make_interval(days => ?))
        and (r.refresh_requested_at is null
             or r.refresh_requested_at < now() - make_interval(mins => ?))
      returning r.kind, r.source_id`,
    [textArray(due.map((i) => i.kind)), `{${due.map((i) => i.id).join(',')}}`, FRESH_FOR_DAYS, REFRESH_DEDUP_MINUTES],
  );
  return rows.map((r) => ({ kind: r.kind, id: r.source_id }));
}

/**
 * The stored candidates of `items` that `viewer` may read now, in rank order, by the one
 * visibility rule search applies (visibleDocumentSql on the live rows: a candidate moved into a
 * restricted category, deleted, hidden, unsolved or unpublished since it was computed is gone at
 * once), and still suggestible (a solved thread not merged away, or an article).
 */
export async function visibleRelated(
  em: EntityManager,
  viewer: Viewer | null,
  items: RelatedOf[],
): Promise<Map<string, SearchHit[]>> {
  const rows = await sql<{
    of_kind: string;
    of_id: number;
    kind: 'THREAD' | 'ARTICLE';
    source_id: number;
    thread_id: number | null;
    created_at: Date;
    title: string;
  }>(
    em,
    `select r.kind as of_kind, r.source_id as of_id, d.kind, d.source_id, d.thread_id, d.created_at,
            ${liveTitleSql()} as title
       from related_items r
       join unnest(?::text[], ?::int[]) i(kind, id) on r.kind = i.kind and r.source_id = i.id
       cross join lateral unnest(r.candidate_kinds, r.candidate_ids) with ordinality c(kind, id, rank)
       join search_documents d on d.kind = c.kind and d.source_id = c.id
      where (d.kind = 'ARTICLE'
             or (d.kind = 'THREAD' and d.solved
                 and not exists (select 1 from threads m where m.id = d.source_id and m.merged_into_id is not null)))
        and ${visibleDocumentSql(viewer)}
      order by r.kind, r.source_id, c.rank`,
    [textArray(items.map((i) => i.kind)), `{${items.map((i) => i.id).join(',')}}`],
  );
  const lists = new Map<string, SearchHit[]>(items.map((i) => [relatedKey(i), []]));
  for (const r of rows) {
    lists.get(relatedKey({ kind: r.of_kind, id: r.of_id }))!.push({
      kind: r.kind,
      id: r.source_id,
      title: r.title,
      threadId: r.thread_id,
      snippetHtml: '',
      createdAt: new Date(r.created_at),
    });
  }
  return lists;
}
