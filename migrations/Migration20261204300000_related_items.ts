import { Migration } from '@mikro-orm/migrations';

/**
 * Related content, precomputed (api/src/modules/search/related-items.ts): per thread or article,
 * its nearest solved threads and published articles in rank order (`candidate_kinds[i]`,
 * `candidate_ids[i]`), computed without a viewer and filtered for each viewer when read. The
 * source is a thread or an article, so there is no foreign key: a row whose source is gone is
 * never asked for. `outdated` marks a list a new candidate may belong to;
 * `refresh_requested_at` deduplicates refresh jobs per item. The trigram index over every
 * thread's and article's title finds the lists a new candidate may enter (the similarity index
 * covers candidates only: solved threads and articles).
 */
export class Migration20261204300000_related_items extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table related_items (
        kind text not null check (kind in ('THREAD', 'ARTICLE')),
        source_id int not null,
        candidate_kinds text[] not null,
        candidate_ids int[] not null,
        computed_at timestamptz not null default now(),
        outdated boolean not null default false,
        refresh_requested_at timestamptz,
        primary key (kind, source_id),
        check (cardinality(candidate_kinds) = cardinality(candidate_ids) and cardinality(candidate_ids) <= 50),
        check (candidate_kinds <@ array['THREAD', 'ARTICLE'])
      );
      create index search_documents_pages_trgm_idx on search_documents
        using gist (search_fold(title) gist_trgm_ops) where kind in ('THREAD', 'ARTICLE');
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index search_documents_pages_trgm_idx; drop table related_items;`);
  }
}
