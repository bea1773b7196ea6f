import { Migration } from '@mikro-orm/migrations';

/**
 * The review queue's remaining kinds (issue 12, item 2).
 * - review_items about a member (HELD_SIGNUP: author_id is the held member; no post, no category,
 *   staff only from the start) and about an article (ARTICLE_REPORT: article_id, its category if
 *   it has one, no author). post_id, author_id and category_id become nullable; a check makes
 *   each kind carry exactly its subject. The one-open-item-per-post index is unchanged (null post
 *   ids never collide); one open item per held member and per reported article join it.
 * - agreed_by / agreed_at: a member reviewer (not staff) agreed with spam or abuse flags; the
 *   post was hidden and the item handed to staff, who decide the removal and its penalty.
 * - article_reports: a member's report of a published article, once per member and article,
 *   attached to the article's open item like flags to a post's.
 */
export class Migration20261204200000_review_kinds extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table review_items
        drop constraint review_items_kind_check,
        alter column post_id drop not null,
        alter column author_id drop not null,
        alter column category_id drop not null,
        add column article_id int references articles (id) on delete cascade,
        add column agreed_by int references members (id) on delete set null,
        add column agreed_at timestamptz(3),
        add constraint review_items_kind_check
          check (kind in ('FLAGGED_POST', 'HIDDEN_POST', 'EDITED_AFTER_HIDE', 'HELD_SIGNUP', 'ARTICLE_REPORT')),
        add constraint review_items_subject_check check (case
          when kind = 'HELD_SIGNUP' then
            author_id is not null and post_id is null and article_id is null and category_id is null and staff_only
          when kind = 'ARTICLE_REPORT' then article_id is not null and post_id is null and author_id is null
          else post_id is not null and author_id is not null and category_id is not null and article_id is null
        end),
        add constraint review_items_agreed_check check ((agreed_by is null) = (agreed_at is null));
      create unique index review_items_open_signup_idx on review_items (author_id)
        where status = 'OPEN' and kind = 'HELD_SIGNUP';
      create unique index review_items_open_article_idx on review_items (article_id) where status = 'OPEN';

      create table article_reports (
        id int generated always as identity primary key,
        article_id int not null references articles (id) on delete cascade,
        reporter_id int not null references members (id) on delete cascade,
        review_item_id int not null references review_items (id) on delete cascade,
        reason text not null check (reason in ('OUTDATED', 'INCORRECT', 'SPAM', 'OTHER')),
        note text check (char_length(note) <= 500),
        created_at timestamptz(3) not null default now(),
        constraint article_reports_once_per_member unique (article_id, reporter_id),
        constraint article_reports_other_note_check check (reason <> 'OTHER' or coalesce(btrim(note), '') <> '')
      );
      -- a reporter's share of the daily flags cap
      create index article_reports_reporter_idx on article_reports (reporter_id, created_at);
      -- an item's reports (the queue's loader)
      create index article_reports_review_item_idx on article_reports (review_item_id);
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop table article_reports;
      delete from review_items where kind in ('HELD_SIGNUP', 'ARTICLE_REPORT');
      drop index review_items_open_article_idx;
      drop index review_items_open_signup_idx;
      alter table review_items
        drop constraint review_items_agreed_check,
        drop constraint review_items_subject_check,
        drop constraint review_items_kind_check,
        drop column agreed_at,
        drop column agreed_by,
        drop column article_id,
        alter column category_id set not null,
        alter column author_id set not null,
        alter column post_id set not null,
        add constraint review_items_kind_check check (kind in ('FLAGGED_POST', 'HIDDEN_POST', 'EDITED_AFTER_HIDE'));
    `);
  }
}
