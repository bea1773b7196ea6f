import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../platform/authz/guardian.js';

/** What search finds: a thread (its question), a reply, a knowledge article, a member. */
export type SearchKind = 'THREAD' | 'POST' | 'ARTICLE' | 'MEMBER';

/** One searchable thing, named by its kind and its source row's id. */
export interface SearchRef {
  kind: SearchKind;
  id: number;
}

/**
 * What an index holds for one thing, read from PostgreSQL (the source of truth) as it is now.
 * Text is plain (markdown stripped, accents kept: each engine folds them its own way).
 */
export interface SearchDocument extends SearchRef {
  /** A thread's or article's title, a reply's thread title, a member's handle. */
  title: string;
  tags: string[];
  body: string;
  categoryId: number | null;
  threadId: number | null;
  /** Whether the thread has an accepted answer (threads and replies; null otherwise). */
  solved: boolean | null;
  createdAt: Date;
}

export interface SearchFilter {
  kinds?: SearchKind[];
  categoryId?: number;
  tags?: string[];
  solved?: boolean;
  createdAfter?: Date;
}

/**
 * One hit per thread when a search covers threads and replies together (the default): a thread
 * whose question and three replies match is one result, as in Discourse's header search. By
 * relevance it is shown by its question when that matches, else by its best reply (Meilisearch's
 * `distinct`: its best-ranked document, the question on ties); for NEWEST by its newest match.
 * A search for replies alone lists every matching reply.
 */
export const onePerThread = (filter: SearchFilter): boolean =>
  !filter.kinds?.length || (filter.kinds.includes('THREAD') && filter.kinds.includes('POST'));

export interface SearchRequest {
  /** Already bounded and normalised by the caller (length, words). */
  text: string;
  filter: SearchFilter;
  sort: 'RELEVANCE' | 'NEWEST';
  first: number;
  /** The adapter's own opaque cursor from a previous page. */
  after: string | null;
  /** Visibility is always the adapter's job: nothing the viewer may not read is a hit, a snippet or a count. */
  viewer: Viewer | null;
}

export interface SearchHit extends SearchRef {
  /** As in the document: a thread's or article's title, a reply's thread title, a member's handle. */
  title: string;
  /** The thread of a THREAD or POST hit (a reply's link needs it); null for other kinds. */
  threadId: number | null;
  /** Escaped text with matches in <mark>; nothing else is HTML. */
  snippetHtml: string;
  createdAt: Date;
}

export interface SearchPage {
  /** Each hit with the cursor of the page that follows it (`after`). */
  hits: (SearchHit & { cursor: string })[];
  hasNextPage: boolean;
  endCursor: string | null;
  /** Capped: "1,000+" is `{ value: 1000, exact: false }`. */
  total: { value: number; exact: boolean };
}

export interface SimilarRequest {
  title: string;
  body?: string;
  first: number;
  viewer: Viewer | null;
}

/**
 * One search engine behind one interface: PostgreSQL full-text search (the embedded default)
 * or Meilisearch. The same contract suite runs against both.
 */
export interface SearchIndex {
  readonly engine: 'postgres' | 'meilisearch';
  /**
   * Brings the index in line with PostgreSQL for these things: indexes what is searchable now
   * and drops what is not (deleted, removed, hidden, drafts, archived). It reads current rows,
   * so running it twice, late or out of order changes nothing more.
   */
  sync(em: EntityManager, refs: SearchRef[]): Promise<void>;
  search(em: EntityManager, request: SearchRequest): Promise<SearchPage>;
  /** Solved questions and published articles like a question being asked. */
  similar(em: EntityManager, request: SimilarRequest): Promise<SearchHit[]>;
  /** Whether the engine answers now (a Meilisearch outage degrades search to PostgreSQL). */
  healthy(): Promise<boolean>;
}
