import { Migration } from '@mikro-orm/migrations';

/**
 * Search on PostgreSQL (api/src/modules/search): one row per searchable thing, kept by the
 * `search.postgres` event subscriber, rebuilt by `npm run search:reindex`.
 *
 * - `hearth_search`: English stemming with accents removed (unaccent as a filtering dictionary),
 *   so "café" finds "cafe" and the reverse, in documents and queries alike.
 * - `search_plain_text`: markdown to the text a reader sees, simply (links keep their text, code
 *   keeps its words, markers and tags go); used for every engine's documents.
 * - `search_fold`: lower case without accents, immutable, for trigram indexes on titles.
 * - `document`: title (A) above tags (B) above body (C), generated, with GIN.
 * - The newest indexes (overall, per category) serve NEWEST pages and the bounded relevance
 *   candidates of common words; tags have a GIN of their own.
 * - The similar-question indexes cover only what suggestions may show (solved threads and
 *   articles): title words (GIN) and title trigrams (GiST, for nearest-title scans: typos
 *   still match, and a word in every title costs nothing).
 * - `search_reconcile_positions`: where the reconcile job's rolling check stands per engine and kind.
 */
export class Migration20261202000000_search extends Migration {
  override async up(): Promise<void> {
    this.addSql(String.raw`
      create extension if not exists unaccent with schema public;
      create extension if not exists pg_trgm with schema public;

      create text search configuration hearth_search (copy = pg_catalog.english);
      alter text search configuration hearth_search
        alter mapping for asciiword, asciihword, hword_asciipart, word, hword, hword_part
        with public.unaccent, english_stem;

      create function search_fold(value text) returns text
        language sql immutable strict parallel safe
        as $$ select lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;

      -- array_to_string is only stable (element types' output may vary); for text[] it is not
      create function search_tags_text(tags text[]) returns text
        language sql immutable strict parallel safe
        as $$ select array_to_string(tags, ' ') $$;

      create function search_plain_text(source text) returns text
        language sql immutable strict parallel safe
        as $$
          select btrim(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
                 regexp_replace(source,
                   '!?\[([^\]]*)\]\([^)]*\)', '\1', 'g'),              -- links and images: their text
                   '<((https?|mailto):[^>\s]*)>', '\1', 'g'),          -- autolinks: the address
                   '</?[A-Za-z][^>]*>', ' ', 'g'),                     -- html tags
                   '^[ \t]*(#{1,6}|>+|[-*+]|\d+[.)]|(\x60{3,}|~{3,}).*)([ \t]+|$)', '', 'gn'), -- line markers, fences
                   '[*_~\x60]+', ' ', 'g'),                            -- emphasis and code marks
                   '[[:space:][:cntrl:]]+', ' ', 'g'))                 -- control characters, runs of space
        $$;

      create table search_documents (
        kind text not null check (kind in ('THREAD', 'POST', 'ARTICLE', 'MEMBER')),
        source_id int not null,
        thread_id int,
        category_id int,
        tags text[] not null default '{}',
        solved boolean,
        created_at timestamptz(3) not null,
        title text not null,
        body text not null,
        document tsvector generated always as (
          setweight(to_tsvector('hearth_search', title), 'A') ||
          setweight(to_tsvector('hearth_search', search_tags_text(tags)), 'B') ||
          setweight(to_tsvector('hearth_search', body), 'C')
        ) stored,
        primary key (kind, source_id)
      );
      create index search_documents_document_idx on search_documents using gin (document);
      create index search_documents_newest_idx on search_documents (created_at desc, kind desc, source_id desc);
      -- filters: a category's newest matches, and tags combined with the words' GIN
      create index search_documents_category_newest_idx on search_documents
        (category_id, created_at desc, kind desc, source_id desc) where category_id is not null;
      create index search_documents_tags_idx on search_documents using gin (tags);
      -- one hit per thread: a thread's other matching documents (postgres-query.ts newestInThreadSql)
      create index search_documents_thread_idx on search_documents (thread_id) where thread_id is not null;
      create index search_documents_similar_words_idx on search_documents
        using gin (to_tsvector('hearth_search', title)) where kind = 'ARTICLE' or (kind = 'THREAD' and solved);
      create index search_documents_similar_trgm_idx on search_documents
        using gist (search_fold(title) gist_trgm_ops) where kind = 'ARTICLE' or (kind = 'THREAD' and solved);

      create table search_reconcile_positions (
        engine text not null default 'postgres' check (engine in ('postgres', 'meilisearch')),
        kind text not null check (kind in ('THREAD', 'POST', 'ARTICLE', 'MEMBER')),
        last_id int not null default 0,
        updated_at timestamptz(3) not null default now(),
        primary key (engine, kind)
      );
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop table search_reconcile_positions, search_documents;
      drop function search_plain_text(text), search_tags_text(text[]), search_fold(text);
      drop text search configuration hearth_search;
    `);
  }
}
