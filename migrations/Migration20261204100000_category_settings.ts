import { Migration } from '@mikro-orm/migrations';

/**
 * Per-category settings (issue 12, item 4).
 * - categories.slow_mode_seconds: the least time between two posts (threads or replies) of one
 *   member in the category; 0 is off, at most a day. Staff are exempt (posting-limits.ts).
 *   The check reads posts by (author_id, created_at) joined to their thread: the existing
 *   posts_author_created_idx serves it, bounded by the slow-mode window.
 */
export class Migration20261204100000_category_settings extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table categories
        add column slow_mode_seconds int not null default 0
          constraint categories_slow_mode_check check (slow_mode_seconds between 0 and 86400);
    `);
  }

  override async down(): Promise<void> {
    this.addSql('alter table categories drop column slow_mode_seconds;');
  }
}
