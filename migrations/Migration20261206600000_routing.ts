import { Migration } from '@mikro-orm/migrations';

/**
 * Question routing (module `routing`): a new question is offered to the members likeliest to
 * answer it (PRODUCT.md capability 7).
 *
 * - `routed_threads`: one row per question the router has decided on (even when it found nobody),
 *   claimed first with `on conflict do nothing`, so a redelivered or replayed `thread.created`
 *   routes a thread at most once.
 * - `thread_routes`: who was asked about which thread, why (the reason's parts, for the
 *   sentence staff and the member read) and when. Unique per thread and member; the
 *   (member_id, notified_at) index counts a member's routed questions of the last day (the cap).
 * - `posts_accepted_recent_idx`: accepted answers by the time they were accepted, carrying their
 *   thread and author, so "accepted answers of the last 90 days" is one range of a small partial
 *   index (only accepted, live answers), whose size follows the window's activity, not the
 *   1.3 M posts of the table; the thread's tags and category are checked by primary key.
 * - `notifications.kind` gains QUESTION_ROUTED (beside WEBHOOK_DISABLED, from 20261206500000); `notification_preferences.enabled` lets a member
 *   turn a kind off entirely (only QUESTION_ROUTED may be: the others always show in the app).
 */
export class Migration20261206600000_routing extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table routed_threads (
        thread_id int primary key references threads (id) on delete cascade,
        event_id bigint not null,
        routed_at timestamptz(3) not null default now()
      );

      create table thread_routes (
        thread_id int not null references threads (id) on delete cascade,
        member_id int not null references members (id) on delete cascade,
        score double precision not null check (score > 0),
        reason jsonb not null,
        notified_at timestamptz(3) not null default now(),
        primary key (thread_id, member_id)
      );
      create index thread_routes_member_day_idx on thread_routes (member_id, notified_at desc);

      create index posts_accepted_recent_idx on posts (accepted_at desc) include (thread_id, author_id)
        where accepted_at is not null and deleted_at is null;

      alter table notifications drop constraint notifications_kind_check;
      alter table notifications add constraint notifications_kind_check check (kind in (
        'REPLY', 'FOLLOWED_REPLY', 'NEW_THREAD', 'MENTION', 'ANSWER_ACCEPTED', 'STAFF_PICKED',
        'ARTICLE_FROM_ANSWER', 'BADGE_AWARDED', 'LEVEL_REACHED', 'POST_MODERATED', 'FLAG_RESOLVED', 'SANCTION',
        'WEBHOOK_DISABLED', 'QUESTION_ROUTED'));

      alter table notification_preferences
        add column enabled boolean not null default true,
        add constraint notification_preferences_optional_off check (enabled or kind = 'QUESTION_ROUTED');
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      alter table notification_preferences drop constraint notification_preferences_optional_off,
        drop column enabled;
      delete from notifications where kind = 'QUESTION_ROUTED';
      alter table notifications drop constraint notifications_kind_check;
      alter table notifications add constraint notifications_kind_check check (kind in (
        'REPLY', 'FOLLOWED_REPLY', 'NEW_THREAD', 'MENTION', 'ANSWER_ACCEPTED', 'STAFF_PICKED',
        'ARTICLE_FROM_ANSWER', 'BADGE_AWARDED', 'LEVEL_REACHED', 'POST_MODERATED', 'FLAG_RESOLVED', 'SANCTION',
        'WEBHOOK_DISABLED'));
      drop index posts_accepted_recent_idx;
      drop table thread_routes, routed_threads;
    `);
  }
}
