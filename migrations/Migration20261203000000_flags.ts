import { Migration } from '@mikro-orm/migrations';

/**
 * Flags, hidden posts and the review queue (issue 12, items 1 and 2).
 * - posts.hidden_at/by/reason: a post hidden pending review; hidden_by null means the system
 *   (the flags' weight reached the threshold). Others see a placeholder; lists and search drop it.
 * - flags: one per (post, flagger), with the weight computed when it was made (Discourse's flag
 *   score, in hundredths) and what review decided of it (the flagger's accuracy counts those).
 * - review_items: what reviewers work through; at most one open item per post (so concurrent
 *   flags crossing the threshold make one), claimed for a while by one reviewer at a time.
 */
export class Migration20261203000000_flags extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table posts
        add column hidden_at timestamptz(3),
        add column hidden_by int references members (id) on delete set null,
        add column hidden_reason text check (char_length(hidden_reason) <= 500),
        add constraint posts_hidden_state_check check ((hidden_at is null) = (hidden_reason is null));
      create index posts_hidden_idx on posts (id) where hidden_at is not null;

      -- A hidden question hides its thread from lists and titles: the thread row says so, kept by
      -- the database whenever a question's hidden_at changes (lock order posts, then threads), so
      -- a list page reads no post to know it.
      alter table threads add column question_hidden boolean not null default false;
      create function threads_question_hidden() returns trigger language plpgsql as $$
      begin
        update threads set question_hidden = new.hidden_at is not null where id = new.thread_id;
        return null;
      end $$;
      create trigger posts_question_hidden after update of hidden_at on posts
        for each row when (new.is_question and (old.hidden_at is null) <> (new.hidden_at is null))
        execute function threads_question_hidden();

      create table review_items (
        id int generated always as identity primary key,
        kind text not null check (kind in ('FLAGGED_POST', 'HIDDEN_POST', 'EDITED_AFTER_HIDE')),
        post_id int not null references posts (id) on delete cascade,
        author_id int not null references members (id) on delete cascade,
        category_id int not null references categories (id),
        status text not null default 'OPEN' check (status in ('OPEN', 'RESOLVED')),
        staff_only boolean not null default false,
        claimed_by int references members (id) on delete set null,
        claim_expires_at timestamptz(3),
        decision text check (decision in ('AGREE', 'DISAGREE', 'IGNORE')),
        decided_by int references members (id) on delete set null,
        decided_at timestamptz(3),
        decision_reason text check (char_length(decision_reason) <= 500),
        created_at timestamptz(3) not null default now(),
        constraint review_items_claim_check check ((claimed_by is null) = (claim_expires_at is null)),
        constraint review_items_decided_check
          check ((status = 'RESOLVED') = (decision is not null and decided_at is not null))
      );
      -- one open item per post: flags upsert into it, concurrent ones meet here
      create unique index review_items_open_post_idx on review_items (post_id) where status = 'OPEN';
      -- the queue page (oldest waiting first) and its capacity view
      create index review_items_queue_idx on review_items (status, created_at, id);
      create index review_items_decided_idx on review_items (decided_at, decided_by) where status = 'RESOLVED';
      create index review_items_author_idx on review_items (author_id);

      create table flags (
        id int generated always as identity primary key,
        post_id int not null references posts (id) on delete cascade,
        flagger_id int not null references members (id) on delete cascade,
        review_item_id int not null references review_items (id) on delete cascade,
        reason text not null check (reason in ('SPAM', 'ABUSIVE', 'OFF_TOPIC', 'PERSONAL_DATA', 'OTHER')),
        note text check (char_length(note) <= 500),
        weight int not null check (weight >= 0),
        status text not null default 'OPEN' check (status in ('OPEN', 'AGREED', 'DISAGREED', 'IGNORED')),
        created_at timestamptz(3) not null default now(),
        decided_at timestamptz(3),
        constraint flags_once_per_member unique (post_id, flagger_id),
        constraint flags_other_note_check check (reason <> 'OTHER' or coalesce(btrim(note), '') <> '')
      );
      -- a flagger's daily cap and accuracy
      create index flags_flagger_idx on flags (flagger_id, created_at);
      -- an item's flags (the queue's loader)
      create index flags_review_item_idx on flags (review_item_id);

      -- Statistics for the new columns now (lists filter on hidden_at): a new column without them
      -- misled the planner into reading whole tables (see the thread moderation migration).
      analyze posts;
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop table flags;
      drop table review_items;
      drop trigger posts_question_hidden on posts;
      drop function threads_question_hidden();
      alter table threads drop column question_hidden;
      alter table posts drop constraint posts_hidden_state_check, drop column hidden_reason,
        drop column hidden_by, drop column hidden_at;
    `);
  }
}
