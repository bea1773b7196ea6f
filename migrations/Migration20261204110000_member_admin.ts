import { Migration } from '@mikro-orm/migrations';

/**
 * The admin area's members list and its audited actions (issue 12, item 4).
 * - members newest first (created_at, id), and the same per role, for the list and its role
 *   filter; advocates (few) by a partial index; a handle prefix by lower(handle)
 *   text_pattern_ops (the unique lower(handle) index uses the collation, which LIKE cannot).
 *   An email is found by the unique lower(email) index.
 * (The audit log's index gains this area's kinds in 20261204900000_audit_kinds.)
 */
export class Migration20261204110000_member_admin extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create index members_created_idx on members (created_at, id);
      create index members_role_created_idx on members (role, created_at, id);
      create index members_advocate_created_idx on members (created_at, id) where is_advocate;
      create index members_handle_prefix_idx on members (lower(handle) text_pattern_ops);
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop index members_created_idx, members_role_created_idx, members_advocate_created_idx,
        members_handle_prefix_idx;
    `);
  }
}
