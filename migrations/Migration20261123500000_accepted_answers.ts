import { Migration } from '@mikro-orm/migrations';

/**
 * posts.accepted_at: when the answer became its thread's solution, null otherwise, so a
 * member's solutions are one range of an index (profile "Solutions"). The thread's
 * accepted_post_id stays the source of truth; a trigger keeps accepted_at in step with it on
 * every path (accept, switch, unaccept, a deleted solution), so no command can forget it.
 * Existing solutions take the time of their accept event, or the answer's own time when the
 * accept earned nothing (self-accepts).
 */
export class Migration20261123500000_accepted_answers extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table posts add column accepted_at timestamptz;
      update posts p set accepted_at = coalesce(
               (select max(e.created_at) from reputation_events e
                 where e.kind = 'ANSWER_ACCEPTED' and e.post_id = p.id), p.created_at)
        from threads t where t.accepted_post_id = p.id;
      create index posts_accepted_idx on posts (author_id, accepted_at desc, id desc)
        where accepted_at is not null and deleted_at is null;

      create function threads_accepted_sync() returns trigger language plpgsql as $$
      begin
        update posts set accepted_at = null where id = old.accepted_post_id;
        update posts set accepted_at = now() where id = new.accepted_post_id;
        return null;
      end $$;
      create trigger threads_accepted_sync after update of accepted_post_id on threads
        for each row when (old.accepted_post_id is distinct from new.accepted_post_id)
        execute function threads_accepted_sync();
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop trigger threads_accepted_sync on threads;
      drop function threads_accepted_sync();
      drop index posts_accepted_idx;
      alter table posts drop column accepted_at;
    `);
  }
}
