import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Meilisearch,
  MeilisearchTaskTimeOutError,
  type EnqueuedTask,
  type Hit,
  type MultiSearchQueryWithFederation,
} from 'meilisearch';
import { withCodeApart } from './meilisearch/code-spans.js';
import { decodeCursor, encodeCursor } from './meilisearch/cursor.js';
import { toMeiliDocument, documentId, type MeiliDocument } from './meilisearch/documents.js';
import { filterExpression, readableCategoryIds } from './meilisearch/filters.js';
import { ensureIndexes, indexNames, indexOfKind, type IndexNames } from './meilisearch/indexes.js';
import { asRetryable, isIndexNotFound, isOutage, settled } from './meilisearch/tasks.js';
import { refKey, visibleRefs } from './meilisearch/visible-hits.js';
import {
  onePerThread,
  type SearchDocument,
  type SearchFilter,
  type SearchHit,
  type SearchIndex,
  type SearchKind,
  type SearchPage,
  type SearchRef,
  type SearchRequest,
  type SimilarRequest,
} from './search-index.js';
import { MARK_END, MARK_START, snippetHtml } from './snippet.js';

export interface MeilisearchIndexOptions {
  url: string;
  apiKey?: string;
  /** Prepended to index names, so instances and test runs can share one server. */
  prefix: string;
  /** Totals are capped here ("1,000+"): SEARCH_MAX_TOTAL, the same cap as PostgreSQL's. */
  maxTotal: number;
  /** What is searchable now for some refs (search-documents.ts: the same for both engines). */
  loadDocuments: (em: EntityManager, refs: SearchRef[]) => Promise<SearchDocument[]>;
  /** How long a sync waits for Meilisearch to apply it (default 5 s; an edit shows within 2 s). */
  syncTimeoutMs?: number;
  /** How long an answer to "is it up?" is reused (default 3 s: searches do not probe each time). */
  healthTtlMs?: number;
}

const SEARCH_TIMEOUT_MS = 1_500;
/** Meilisearch's default maxTotalHits: results past it cannot be paged to. */
const MAX_PAGED = 1000;
/** Words of a snippet around the first match. */
const CROP_WORDS = 30;
/** Meilisearch reads only the first 10 words of a query. */
const QUERY_WORDS = 10;

type StoredHit = Hit<Pick<MeiliDocument, 'kind' | 'refId' | 'title' | 'threadId' | 'createdAt' | 'body'>>;

/**
 * The Meilisearch engine: threads and replies in one index, articles and
 * members in theirs, one federated search over the kinds asked for. Visibility is applied twice:
 * as a category filter inside Meilisearch (so counts and pages hold only readable content) and
 * by checking each hit against PostgreSQL (so a document the index has not caught up on never
 * shows). Failures to reach Meilisearch come out as outages: indexing retries them later
 * (RetryLaterError) and searches fall back to PostgreSQL (engines.ts).
 */
export class MeilisearchIndex implements SearchIndex {
  readonly engine = 'meilisearch' as const;
  readonly client: Meilisearch;
  private readonly searchClient: Meilisearch;
  readonly names: IndexNames;
  private ready: Promise<void> | null = null;
  private health: { ok: boolean; until: number } | null = null;
  /** How deep results page (Meilisearch's maxTotalHits): at least the total cap. */
  private readonly maxOffset: number;

  constructor(private readonly options: MeilisearchIndexOptions) {
    // Indexing may send 10,000 documents at once; a search waiting on a hung server longer
    // than a second and a half is better answered by PostgreSQL.
    this.client = new Meilisearch({ host: options.url, apiKey: options.apiKey, timeout: 30_000 });
    this.searchClient = new Meilisearch({ host: options.url, apiKey: options.apiKey, timeout: SEARCH_TIMEOUT_MS });
    this.names = indexNames(options.prefix);
    this.maxOffset = Math.max(MAX_PAGED, options.maxTotal);
  }

  /**
   * Creates the indexes and applies their settings once per process (the first sync or search
   * does it), and again after a failure or when Meilisearch lost them (index_not_found).
   */
  ensureReady(): Promise<void> {
    this.ready ??= ensureIndexes(this.client, this.names, this.maxOffset).catch((error) => {
      this.ready = null;
      throw error;
    });
    return this.ready;
  }

  async sync(em: EntityManager, refs: SearchRef[]): Promise<void> {
    if (refs.length === 0) return;
    try {
      const tasks = await this.enqueue(em, refs);
      await settled(this.client, tasks, this.options.syncTimeoutMs ?? 5_000);
    } catch (error) {
      // A task still queued at the deadline is slow indexing, not a server searches should avoid.
      if (isOutage(error) && !(error instanceof MeilisearchTaskTimeOutError)) this.markHealth(false);
      if (isIndexNotFound(error)) this.ready = null;
      throw asRetryable(error);
    }
  }

  /**
   * Sends Meilisearch the current documents of `refs` and the deletion of the others, without
   * waiting for it to apply them (a full rebuild waits once, at the end, so Meilisearch can
   * batch its work). Returns its tasks.
   */
  async enqueue(em: EntityManager, refs: SearchRef[]): Promise<EnqueuedTask[]> {
    await this.ensureReady();
    const documents = await this.options.loadDocuments(em, refs);
    const present = new Set(documents.map(refKey));
    const adds = new Map<string, MeiliDocument[]>();
    const deletes = new Map<string, string[]>();
    const apart = await withCodeApart(em, documents);
    for (const doc of documents) push(adds, indexOfKind(this.names, doc.kind), toMeiliDocument(doc, apart.get(doc)));
    for (const ref of refs) {
      if (!present.has(refKey(ref))) push(deletes, indexOfKind(this.names, ref.kind), documentId(ref));
    }
    const tasks: EnqueuedTask[] = [];
    for (const [uid, docs] of adds) tasks.push(await this.client.index(uid).addDocuments(docs));
    for (const [uid, ids] of deletes) tasks.push(await this.client.index(uid).deleteDocuments(ids));
    return tasks;
  }

  async search(em: EntityManager, request: SearchRequest): Promise<SearchPage> {
    const offset = decodeCursor(request.after, request.sort, this.maxOffset);
    await this.call(() => this.ensureReady());
    const readable = await readableCategoryIds(em, request.viewer);
    const queries = this.queries(request.text, request.filter, readable, {
      sort: request.sort === 'NEWEST' ? ['createdAt:desc'] : undefined,
      // Every word, as PostgreSQL's websearch_to_tsquery: a NEWEST list of partial matches is noise.
      matchingStrategy: 'all',
    });
    const limit = Math.min(request.first, this.maxOffset - offset);
    if (queries.length === 0 || limit <= 0) return { hits: [], hasNextPage: false, endCursor: null, total: exact(0) };
    const result = await this.call(() =>
      this.searchClient.multiSearch({ federation: { offset, limit: limit + 1 }, queries }),
    );
    const page = (result.hits as StoredHit[]).slice(0, limit);
    const positions = new Map(page.map((h, i) => [h, offset + i + 1]));
    const visible = await this.visible(em, request.viewer, readable, page);
    const hits = visible.map(({ stored, hit }) => ({
      ...hit,
      cursor: encodeCursor(positions.get(stored)!, request.sort),
    }));
    const hasNextPage = result.hits.length > limit && offset + limit < this.maxOffset;
    // Past the last visible hit: hits dropped at the end of a page are looked at (and dropped) again.
    const endCursor = hits.at(-1)?.cursor ?? (page.length ? encodeCursor(offset + page.length, request.sort) : null);
    // A hit dropped here (stale in the index) was counted by Meilisearch: not by us.
    const counted = Math.max((result.estimatedTotalHits ?? 0) - (page.length - hits.length), offset + hits.length);
    const cap = this.options.maxTotal;
    return { hits, hasNextPage, endCursor, total: counted >= cap ? { value: cap, exact: false } : exact(counted) };
  }

  async similar(em: EntityManager, request: SimilarRequest): Promise<SearchHit[]> {
    await this.call(() => this.ensureReady());
    const readable = await readableCategoryIds(em, request.viewer);
    const text = `${request.title} ${request.body ?? ''}`.split(/\s+/).filter(Boolean).slice(0, QUERY_WORDS).join(' ');
    const queries = this.queries(text, { kinds: ['THREAD', 'ARTICLE'] }, readable, {
      // A long question matches nothing word for word: drop its commonest words first.
      matchingStrategy: 'frequency',
      solvedThreads: true,
    });
    // Some headroom for hits the PostgreSQL check drops.
    const result = await this.call(() =>
      this.searchClient.multiSearch({ federation: { limit: request.first + 5 }, queries }),
    );
    const visible = await this.visible(em, request.viewer, readable, result.hits as StoredHit[]);
    return visible.slice(0, request.first).map((v) => v.hit);
  }

  async healthy(): Promise<boolean> {
    if (this.health && Date.now() < this.health.until) return this.health.ok;
    const ok = await this.searchClient.isHealthy().catch(() => false);
    return this.markHealth(ok);
  }

  private markHealth(ok: boolean): boolean {
    this.health = { ok, until: Date.now() + (this.options.healthTtlMs ?? 3_000) };
    return ok;
  }

  /** A call whose outage also marks Meilisearch down (the next searches go to PostgreSQL at once). */
  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (isOutage(error)) this.markHealth(false);
      if (isIndexNotFound(error)) this.ready = null;
      throw error;
    }
  }

  /** One query per index that holds a kind asked for (all kinds when none are named). */
  private queries(
    text: string,
    filter: SearchFilter,
    readable: number[],
    opts: { sort?: string[]; matchingStrategy: 'all' | 'frequency'; solvedThreads?: boolean },
  ): MultiSearchQueryWithFederation[] {
    const kinds: SearchKind[] = filter.kinds?.length ? filter.kinds : ['THREAD', 'POST', 'ARTICLE', 'MEMBER'];
    const byIndex = new Map<string, SearchKind[]>();
    for (const kind of kinds) push(byIndex, indexOfKind(this.names, kind), kind);
    return [...byIndex].map(([indexUid, indexKinds]) => {
      const where = filterExpression(filter, indexKinds, readable);
      if (opts.solvedThreads && indexUid === this.names.posts) where.push('solved = true');
      return {
        indexUid,
        q: text,
        filter: where,
        ...(opts.sort ? { sort: opts.sort } : {}),
        ...(indexUid === this.names.posts && onePerThread(filter) ? { distinct: 'threadId' } : {}),
        matchingStrategy: opts.matchingStrategy,
        attributesToRetrieve: ['kind', 'refId', 'title', 'threadId', 'createdAt'],
        attributesToCrop: ['body'],
        cropLength: CROP_WORDS,
        attributesToHighlight: ['title', 'body'],
        highlightPreTag: MARK_START,
        highlightPostTag: MARK_END,
      };
    });
  }

  /** The hits the viewer may read now (checked against PostgreSQL), in the engine's order. */
  private async visible(
    em: EntityManager,
    viewer: SearchRequest['viewer'],
    readable: number[],
    hits: StoredHit[],
  ): Promise<{ stored: StoredHit; hit: SearchHit }[]> {
    if (hits.length === 0) return [];
    const refs = hits.map((h) => ({ kind: h.kind, id: h.refId }));
    const allowed = await visibleRefs(em, viewer, refs, readable, this.options.loadDocuments);
    return hits
      .filter((h) => allowed.has(refKey({ kind: h.kind, id: h.refId })))
      .map((stored) => ({
        stored,
        hit: {
          kind: stored.kind,
          id: stored.refId,
          title: stored.title,
          threadId: stored.threadId,
          snippetHtml: snippetHtml(stored._formatted?.body || stored._formatted?.title || ''),
          createdAt: new Date(stored.createdAt),
        },
      }));
  }
}

const exact = (value: number) => ({ value, exact: true });

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
