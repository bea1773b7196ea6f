import { Migration } from '@mikro-orm/migrations';

/**
 * Domain events: an immutable row per thing that happened, written in the transaction of the
 * command that did it (who, what, the subject, the data a subscriber needs), and the position
 * of each subscriber in the log.
 *
 * Delivery reads the log in (tx, id) order, and only events whose transaction is older than
 * every transaction still running (tx < pg_snapshot_xmin(pg_current_snapshot())): below that
 * horizon no event can still appear, so a subscriber that advances its position never skips
 * an event that committed late (ids are taken at insert, not at commit). A rolled-back
 * command leaves no row, so nothing is delivered.
 *
 * Badge awards remember the thread they were earned in, so a reason that names a thread is
 * shown only to viewers who may read that thread.
 */
export class Migration20261201000000_domain_events extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table domain_events (
        id bigint generated always as identity primary key,
        tx xid8 not null default pg_current_xact_id(),
        name text not null check (name ~ '^[a-z_]+\\.[a-z_]+$'),
        actor_type text not null check (actor_type in ('member', 'service', 'system')),
        actor_id bigint,
        actor_label text,
        subject text not null check (subject ~ '^[a-z_]+:[0-9]+$'),
        related text[] not null default '{}',
        data jsonb not null default '{}',
        occurred_at timestamptz not null default now(),
        check ((actor_type = 'system') = (actor_id is null))
      );
      create index domain_events_delivery_idx on domain_events (tx, id);
      create index domain_events_subject_idx on domain_events (subject, id);
      create index domain_events_related_idx on domain_events using gin (related);
      create index domain_events_actor_idx on domain_events (actor_type, actor_id, id);
      create index domain_events_name_idx on domain_events (name, id);

      create function domain_events_immutable() returns trigger language plpgsql as $$
      begin
        raise exception 'domain events are immutable';
      end $$;
      create trigger domain_events_immutable before update or delete on domain_events
        for each statement execute function domain_events_immutable();

      create table event_subscriptions (
        subscriber text primary key,
        -- Every event at or before (position_tx, position_id) has been handled.
        position_tx xid8 not null,
        position_id bigint not null,
        handled bigint not null default 0,
        updated_at timestamptz not null default now()
      );

      create table event_failures (
        subscriber text not null,
        event_id bigint not null references domain_events (id),
        attempts int not null,
        error text not null,
        failed_at timestamptz not null default now(),
        primary key (subscriber, event_id)
      );

      alter table badge_awards add column thread_id int references threads (id) on delete cascade;
      update badge_awards b set thread_id = p.thread_id from posts p where p.id = b.post_id;
      -- Awards earned once name the thread in their reason: find it by that text (the member's
      -- question, or the thread of their answer), set-based so it stays fast on a large forum.
      update badge_awards b set thread_id = t.id
        from threads t
       where b.badge = 'first-question' and b.thread_id is null and t.author_id = b.member_id
         and b.reason = 'Asked “' || t.title || '”';
      update badge_awards b set thread_id = x.thread_id
        from (select distinct p.author_id, t.id as thread_id, t.title
                from posts p join threads t on t.id = p.thread_id where not p.is_question) x
       where b.thread_id is null and x.author_id = b.member_id
         and ((b.badge = 'first-answer' and b.reason = 'Answered “' || x.title || '”')
           or (b.badge = 'quick-draw'
               and b.reason = 'Answered “' || x.title || '” within 5 minutes, and it was accepted'));
      -- A reason that still quotes a title it cannot be tied to (the thread was retitled) says
      -- what the badge is for instead, so no title is shown to viewers who may not read it.
      update badge_awards set reason = case badge
          when 'first-question' then 'Asked a first question.'
          when 'first-answer' then 'Answered a question for the first time.'
          else 'An answer posted within 5 minutes of the question was accepted.' end
       where thread_id is null and badge in ('first-question', 'first-answer', 'quick-draw') and reason like '%“%';
      -- "Staff picked your answer" read wrongly on other people's profiles.
      update badge_awards b set reason = 'Answer to “' || t.title || '” picked by staff'
        from threads t where b.badge = 'staff-pick' and t.id = b.thread_id;
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      alter table badge_awards drop column thread_id;
      drop table event_failures;
      drop table event_subscriptions;
      drop table domain_events;
      drop function domain_events_immutable();
    `);
  }
}
