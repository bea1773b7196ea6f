import { Migration } from '@mikro-orm/migrations';

/**
 * Moderator actions on threads, and the audit log's index.
 * - threads.locked_from: the status a locked thread had, so unlocking restores it.
 * - threads.close_reason / close_note / duplicate_of_id: why a thread is closed (a duplicate
 *   names its original). Kept while the thread is locked from CLOSED, cleared on reopening.
 * - threads.merged_into_id: a duplicate merged into another thread stays as a pointer to it.
 * - threads.pinned_scope / pinned_at / pinned_by: pinned first in the category list (CATEGORY)
 *   and on the home list too (GLOBAL), in pin order; one index per list.
 * - reputation_events by thread: moving a thread moves its ledger's rollups to the new
 *   category (reputation/rollups.ts reads a thread's events).
 * - reputation_rollup_rows reads the thread's category under a key-share lock (the one the
 *   ledger row's foreign key takes anyway, compatible with every other command's lock), and a
 *   move locks the thread FOR UPDATE: a credit recorded while a thread moves waits for the move
 *   and lands in the new category, and a move waits for credits already recorded, so it moves
 *   them too.
 * - domain_events_audit_idx: the moderator actions of the log, newest first, so the audit log
 *   reads its page without walking the votes and posts in between. Its predicate is the one
 *   audit/event-log.queries.ts writes (AUDIT_PREDICATE); changing either needs both.
 */
export class Migration20261203200000_thread_moderation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table threads
        add column locked_from text check (locked_from in ('OPEN', 'ANSWERED', 'CLOSED')),
        add column close_reason text check (close_reason in ('DUPLICATE', 'OFF_TOPIC', 'RESOLVED', 'OTHER')),
        add column close_note text check (length(close_note) between 1 and 500),
        add column duplicate_of_id int references threads (id),
        add column merged_into_id int references threads (id),
        add column pinned_scope text check (pinned_scope in ('CATEGORY', 'GLOBAL')),
        add column pinned_at timestamptz(3),
        add column pinned_by int references members (id) on delete set null,
        -- A lock without one (older locks, bulk loads) unlocks to OPEN (ANSWERED with a solution).
        add constraint threads_lock_remembers_status check (locked_from is null or status = 'LOCKED'),
        add constraint threads_duplicate_check check (
          duplicate_of_id is null or (close_reason = 'DUPLICATE' and duplicate_of_id <> id)),
        add constraint threads_closed_check check (
          (close_reason is null and close_note is null) or status = 'CLOSED' or locked_from = 'CLOSED'),
        add constraint threads_merged_check check (
          merged_into_id is null or (merged_into_id <> id and duplicate_of_id = merged_into_id)),
        add constraint threads_pinned_check check ((pinned_scope is null) = (pinned_at is null));

      create index threads_pinned_category_idx on threads (category_id, pinned_at, id)
        where pinned_at is not null and deleted_at is null;
      create index threads_pinned_global_idx on threads (pinned_at, id)
        where pinned_scope = 'GLOBAL' and deleted_at is null;

      create index reputation_events_thread_idx on reputation_events (thread_id) where thread_id is not null;

      create or replace function reputation_rollup_rows(
        p_member int, p_thread int, p_points int, p_accepted int, p_at timestamptz, p_all_time_only boolean)
      returns void language plpgsql as $$
      declare
        day date := (p_at at time zone 'utc')::date;
        cat int;
      begin
        if p_points = 0 and p_accepted = 0 then return; end if;
        -- key share: what the ledger row's foreign key takes anyway; only a move's FOR UPDATE waits for it.
        select category_id into cat from threads where id = p_thread for key share;
        cat := coalesce(cat, 0);
        insert into reputation_rollups as r (period, period_start, category_id, member_id, points, accepted)
        select p.period, p.start, c.id, p_member, p_points, p_accepted
          from (values ('WEEK', date_trunc('week', day)::date),
                       ('MONTH', date_trunc('month', day)::date),
                       ('ALL_TIME', date '1970-01-01')) as p (period, start)
         cross join (select 0 as id union all select cat where cat <> 0) as c
         where p.period = 'ALL_TIME' or not p_all_time_only
        on conflict (period, period_start, category_id, member_id)
        do update set points = r.points + excluded.points, accepted = r.accepted + excluded.accepted;
      end $$;

      create index domain_events_audit_idx on domain_events (id)
        where name in ('thread.status_changed', 'thread.moved', 'thread.merged', 'thread.pinned', 'thread.unpinned',
                       'post.removed', 'post.restored', 'post.staff_picked', 'post.staff_pick_withdrawn',
                       'post.hidden', 'post.unhidden', 'review.resolved',
                       'member.silenced', 'member.suspended', 'member.sanction_lifted', 'member.staff_note_added',
                       'advocate.granted', 'advocate.revoked', 'reputation.adjusted',
                       'category.created', 'category.changed')
           or (name in ('post.edited', 'post.deleted') and actor_type = 'member'
               and actor_id is distinct from (data ->> 'authorId')::bigint);

      -- Statistics for the new columns now: without them the planner guessed threads.merged_into_id null in
      -- 0.5% of rows and read the whole table for a page of the threads list (0.8 s at 100,000).
      analyze threads;
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop index domain_events_audit_idx;
      create or replace function reputation_rollup_rows(
        p_member int, p_thread int, p_points int, p_accepted int, p_at timestamptz, p_all_time_only boolean)
      returns void language plpgsql as $$
      declare
        day date := (p_at at time zone 'utc')::date;
        cat int := coalesce((select category_id from threads where id = p_thread), 0);
      begin
        if p_points = 0 and p_accepted = 0 then return; end if;
        insert into reputation_rollups as r (period, period_start, category_id, member_id, points, accepted)
        select p.period, p.start, c.id, p_member, p_points, p_accepted
          from (values ('WEEK', date_trunc('week', day)::date),
                       ('MONTH', date_trunc('month', day)::date),
                       ('ALL_TIME', date '1970-01-01')) as p (period, start)
         cross join (select 0 as id union all select cat where cat <> 0) as c
         where p.period = 'ALL_TIME' or not p_all_time_only
        on conflict (period, period_start, category_id, member_id)
        do update set points = r.points + excluded.points, accepted = r.accepted + excluded.accepted;
      end $$;
      drop index reputation_events_thread_idx;
      alter table threads
        drop column locked_from, drop column close_reason, drop column close_note, drop column duplicate_of_id,
        drop column merged_into_id, drop column pinned_scope, drop column pinned_at, drop column pinned_by;
    `);
  }
}
