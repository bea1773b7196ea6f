import { Migration } from '@mikro-orm/migrations';

/**
 * Notifications (module `notifications`) and the email state around them (module `accounts` owns
 * verification; `notifications` owns what was emailed).
 *
 * - `notifications`: one row per recipient, kind and causing domain event; the unique key makes
 *   the after-commit fan-out idempotent when a subscriber batch is delivered twice. Thread and post
 *   are kept so a reader's visibility can be checked when listed (a post hidden later disappears
 *   from the list of those who may not read it). `data` holds what the message needs (badge
 *   name, level name, reason) so listing costs no join per kind.
 * - `notification_watches`: a member's choice for one thread or one category: FOLLOWING or MUTED.
 *   Askers and repliers get FOLLOWING rows on their threads (a later MUTED replaces it).
 * - `notification_preferences`: per member and kind, how email goes out (in-app always shows);
 *   a kind without a row uses the default in code.
 * - `notification_emails`: one row per notification emailed or put in a digest, claimed before
 *   sending so a retried job sends one email per event.
 * - `members.email_verified_at`: set by the signed verification link; no email is sent to an
 *   address without it. `members.last_digest_at`: the daily digest's high-water mark.
 */
export class Migration20261205000000_notifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table members add column email_verified_at timestamptz, add column last_digest_at timestamptz;

      create table notifications (
        id bigserial primary key,
        recipient_id int not null references members(id) on delete cascade,
        kind text not null check (kind in (
          'REPLY', 'FOLLOWED_REPLY', 'NEW_THREAD', 'MENTION', 'ANSWER_ACCEPTED', 'STAFF_PICKED',
          'ARTICLE_FROM_ANSWER', 'BADGE_AWARDED', 'LEVEL_REACHED', 'POST_MODERATED', 'FLAG_RESOLVED', 'SANCTION')),
        event_id bigint not null,
        actor_id int references members(id) on delete set null,
        thread_id int references threads(id) on delete cascade,
        post_id int references posts(id) on delete cascade,
        data jsonb not null default '{}',
        created_at timestamptz not null default now(),
        read_at timestamptz,
        unique (recipient_id, kind, event_id)
      );
      create index notifications_recipient_idx on notifications (recipient_id, id desc);
      create index notifications_unread_idx on notifications (recipient_id, id desc) where read_at is null;

      create table notification_watches (
        id serial primary key,
        member_id int not null references members(id) on delete cascade,
        thread_id int references threads(id) on delete cascade,
        category_id int references categories(id) on delete cascade,
        level text not null check (level in ('FOLLOWING', 'MUTED')),
        created_at timestamptz not null default now(),
        check ((thread_id is null) <> (category_id is null))
      );
      create unique index notification_watches_thread_key on notification_watches (member_id, thread_id) where thread_id is not null;
      create unique index notification_watches_category_key on notification_watches (member_id, category_id) where category_id is not null;
      create index notification_watches_thread_idx on notification_watches (thread_id, level) where thread_id is not null;
      create index notification_watches_category_idx on notification_watches (category_id, level) where category_id is not null;

      create table notification_preferences (
        member_id int not null references members(id) on delete cascade,
        kind text not null,
        email text not null check (email in ('IMMEDIATELY', 'DAILY_DIGEST', 'NEVER')),
        primary key (member_id, kind)
      );

      create table notification_emails (
        notification_id bigint primary key references notifications(id) on delete cascade,
        mode text not null check (mode in ('IMMEDIATELY', 'DAILY_DIGEST')),
        sent_at timestamptz not null default now()
      );
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop table notification_emails, notification_preferences, notification_watches, notifications;
      alter table members drop column email_verified_at, drop column last_digest_at;
    `);
  }
}
