import { Migration } from '@mikro-orm/migrations';

/**
 * Counts that readers see leave out what they cannot read (issue 12, item 2): a thread's
 * reply_count no longer counts hidden replies, and a category's thread_count no longer counts
 * threads whose question is hidden or which were merged into another.
 * - posts_hidden_reply_count: hiding or showing a live reply moves its thread's reply_count, in
 *   the hiding statement's transaction (lock order posts, then threads, as every command).
 *   Removing or restoring a hidden reply leaves the count alone (delete-post.ts).
 * - threads_counted_in_category: a thread's question hidden or shown, or the thread merged,
 *   moves its category's thread_count (threads, then categories). Deleting and moving threads
 *   keep their own counter statements, which skip threads not counted.
 * Existing counts are recomputed with the new rule.
 */
export class Migration20261204210000_counts_without_hidden extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create function posts_hidden_reply_count() returns trigger language plpgsql as $$
      begin
        update threads set reply_count = reply_count + case when new.hidden_at is null then 1 else -1 end
         where id = new.thread_id;
        return null;
      end $$;
      create trigger posts_hidden_reply_count after update of hidden_at on posts
        for each row when (not new.is_question and new.deleted_at is null
                           and (old.hidden_at is null) <> (new.hidden_at is null))
        execute function posts_hidden_reply_count();

      create function threads_counted_in_category() returns trigger language plpgsql as $$
      declare
        was boolean := old.deleted_at is null and old.merged_into_id is null and not old.question_hidden;
        is_now boolean := new.deleted_at is null and new.merged_into_id is null and not new.question_hidden;
      begin
        if was <> is_now then
          update categories set thread_count = thread_count + case when is_now then 1 else -1 end
           where id = new.category_id;
        end if;
        return null;
      end $$;
      create trigger threads_counted_in_category after update of question_hidden, merged_into_id on threads
        for each row execute function threads_counted_in_category();

      update threads t set reply_count = r.n
        from (select t2.id, (select count(*) from posts p
                              where p.thread_id = t2.id and not p.is_question
                                and p.deleted_at is null and p.hidden_at is null)::int as n
                from threads t2) r
       where r.id = t.id and t.reply_count <> r.n;
      update categories c set thread_count = r.n
        from (select c2.id, (select count(*) from threads t
                              where t.category_id = c2.id and t.deleted_at is null
                                and t.merged_into_id is null and not t.question_hidden)::int as n
                from categories c2) r
       where r.id = c.id and c.thread_count <> r.n;
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop trigger threads_counted_in_category on threads;
      drop function threads_counted_in_category();
      drop trigger posts_hidden_reply_count on posts;
      drop function posts_hidden_reply_count();
      update threads t set reply_count = r.n
        from (select t2.id, (select count(*) from posts p
                              where p.thread_id = t2.id and not p.is_question and p.deleted_at is null)::int as n
                from threads t2) r
       where r.id = t.id and t.reply_count <> r.n;
      update categories c set thread_count = r.n
        from (select c2.id, (select count(*) from threads t where t.category_id = c2.id and t.deleted_at is null)::int as n
                from categories c2) r
       where r.id = c.id and c.thread_count <> r.n;
    `);
  }
}
