import { Migration } from '@mikro-orm/migrations';

const AUDITED_BEFORE = `'thread.status_changed', 'thread.moved', 'thread.merged', 'thread.pinned', 'thread.unpinned',
                       'post.removed', 'post.restored', 'post.staff_picked', 'post.staff_pick_withdrawn',
                       'post.hidden', 'post.unhidden', 'review.resolved',
                       'member.silenced', 'member.suspended', 'member.sanction_lifted', 'member.staff_note_added',
                       'advocate.granted', 'advocate.revoked', 'reputation.adjusted',
                       'category.created', 'category.changed'`;

const auditIndex = (kinds: string) => `
  create index domain_events_audit_idx on domain_events (id)
    where name in (${kinds})
       or (name in ('post.edited', 'post.deleted') and actor_type = 'member'
           and actor_id is distinct from (data ->> 'authorId')::bigint);`;

/**
 * The admin area's members list and its audited actions (issue 12, item 4).
 * - members newest first (created_at, id), and the same per role, for the list and its role
 *   filter; advocates (few) by a partial index; a handle prefix by lower(handle)
 *   text_pattern_ops (the unique lower(handle) index uses the collation, which LIKE cannot).
 *   An email is found by the unique lower(email) index.
 * - domain_events_audit_idx again, with the kinds the admin area records
 *   (categories.reordered, member.role_changed): its predicate is audit/event-log.queries.ts's
 *   AUDIT_PREDICATE, and the two stay in step.
 */
export class Migration20261204110000_member_admin extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create index members_created_idx on members (created_at, id);
      create index members_role_created_idx on members (role, created_at, id);
      create index members_advocate_created_idx on members (created_at, id) where is_advocate;
      create index members_handle_prefix_idx on members (lower(handle) text_pattern_ops);

      drop index domain_events_audit_idx;
      ${auditIndex(`${AUDITED_BEFORE}, 'categories.reordered', 'member.role_changed'`)}
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop index members_created_idx, members_role_created_idx, members_advocate_created_idx,
        members_handle_prefix_idx;
      drop index domain_events_audit_idx;
      ${auditIndex(AUDITED_BEFORE)}
    `);
  }
}
