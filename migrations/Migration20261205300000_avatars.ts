import { Migration } from '@mikro-orm/migrations';

/**
 * Uploaded avatars (api/src/modules/avatars): one row per member who uploaded one; `hash` names
 * the stored files (a content hash, so a new image gets a new URL and caches never serve the old
 * one). Members without a row show the avatar generated from their handle. Edit reasons on post
 * revisions (the "edited …" history shows them when given).
 */
export class Migration20261205300000_avatars extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table member_avatars (
        member_id int primary key references members (id),
        hash text not null check (hash ~ '^[0-9a-f]{16}$'),
        updated_at timestamptz not null default now()
      );
      alter table post_revisions add column reason text check (char_length(reason) <= 300);
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      alter table post_revisions drop column reason;
      drop table member_avatars;
    `);
  }
}
