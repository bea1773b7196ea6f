import { Migration } from '@mikro-orm/migrations';

/**
 * Staff picks and moderator removals, and the reputation they carry.
 * - posts.staff_picked_at/by: an answer staff promoted as exemplary (+25 to its author).
 * - posts.deleted_by/removal_reason: who deleted a post and, for a moderator's removal, why;
 *   a removal as SPAM or ABUSE costs the author reputation until the post is restored.
 * - reputation_events: STAFF_PICK and POST_REMOVED kinds; an index for a thread's accepts
 *   (reversed on every re-accept, which scanned the ledger before).
 */
export class Migration20261123300000_staff_picks_removals extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table posts
        add column staff_picked_at timestamptz(3),
        add column staff_picked_by int references members (id) on delete set null,
        add column deleted_by int references members (id) on delete set null,
        add column removal_reason text check (removal_reason in ('SPAM', 'ABUSE', 'OFF_TOPIC', 'OTHER')),
        add constraint posts_removal_deleted_check check (removal_reason is null or deleted_at is not null);
      -- the Staff Pick badge rule and a member's picked answers
      create index posts_staff_picked_idx on posts (author_id) where staff_picked_at is not null;
      -- the moderators' list of removed posts, newest first
      create index posts_deleted_idx on posts (deleted_at desc, id desc) where deleted_at is not null;

      alter table reputation_events drop constraint reputation_events_kind_check;
      alter table reputation_events add constraint reputation_events_kind_check check (kind in (
        'QUESTION_UPVOTED', 'ANSWER_UPVOTED', 'DOWNVOTE_RECEIVED', 'DOWNVOTE_CAST',
        'ANSWER_ACCEPTED', 'ACCEPTED_AN_ANSWER', 'STAFF_PICK', 'POST_REMOVED', 'ADJUSTMENT', 'REVERSAL'));
      -- a thread's accept events, which every accept, un-accept and deleted solution reverses
      create index reputation_events_accepts_idx on reputation_events (thread_id)
        where kind in ('ANSWER_ACCEPTED', 'ACCEPTED_AN_ANSWER');
    `);
  }
}
