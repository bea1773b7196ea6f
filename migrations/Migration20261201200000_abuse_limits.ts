import { Migration } from '@mikro-orm/migrations';

/**
 * Abuse limits (SECURITY.md) and idempotency keys.
 *
 * - Posting limits count the member's own rows: the last post and thread, posts and threads in
 *   the last 24 hours, identical bodies in the last minutes, edits (revisions after the first) in
 *   the last 24 hours. Each is a short range of an (author, created_at) index.
 * - Votes per UTC day are a counter row per member and day (like reputation_cap_days): one
 *   upsert on the vote path both counts and checks, and serializes one member's votes.
 * - Sign-ups remember the network they came from (IPv4 address or IPv6 /64; private, never
 *   exposed), so sign-ups per network and day are counted; those over the limit are held
 *   (held_at) until staff approve them (approved_at, approved_by).
 * - idempotency_keys: one row per member and Idempotency-Key, claimed in the writing transaction
 *   (the primary key makes a concurrent duplicate wait, then read the stored result).
 */
export class Migration20261201200000_abuse_limits extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create index posts_author_created_idx on posts (author_id, created_at);
      create index threads_author_created_idx on threads (author_id, created_at);
      create index post_revisions_editor_created_idx on post_revisions (editor_id, created_at) where revision > 1;

      create table member_vote_days (
        member_id int not null references members (id) on delete cascade,
        day date not null,
        votes int not null check (votes >= 0),
        primary key (member_id, day)
      );

      alter table members
        add column signup_network text,
        add column held_at timestamptz(3),
        add column approved_at timestamptz(3),
        add column approved_by int references members (id);
      create index members_signup_network_idx on members (signup_network, created_at) where signup_network is not null;
      create index members_held_idx on members (held_at, id) where held_at is not null and approved_at is null;

      create table idempotency_keys (
        member_id int not null references members (id) on delete cascade,
        key text not null check (length(key) between 1 and 255),
        request_hash text not null,
        -- the id of what the first request created (a thread, a post); null only while it runs
        result_id bigint,
        created_at timestamptz(3) not null default now(),
        primary key (member_id, key)
      );
      create index idempotency_keys_created_idx on idempotency_keys (created_at);
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop table idempotency_keys, member_vote_days;
      alter table members drop column signup_network, drop column held_at, drop column approved_at, drop column approved_by;
      drop index posts_author_created_idx, threads_author_created_idx, post_revisions_editor_created_idx;
    `);
  }
}
