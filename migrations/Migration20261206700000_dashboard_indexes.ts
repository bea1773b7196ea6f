import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes for the staff insights dashboard (api/src/modules/dashboard): the threads asked in a
 * period (overall and per category), the solutions accepted in a period (top advocates) and the
 * posts written in a period (sentiment trend) are each one range of an index, not a scan of
 * the table.
 */
export class Migration20261206700000_dashboard_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create index threads_created_idx on threads (created_at) where deleted_at is null;
      create index threads_category_created_idx on threads (category_id, created_at) where deleted_at is null;
      create index posts_accepted_at_idx on posts (accepted_at) where accepted_at is not null and deleted_at is null;
      create index posts_created_idx on posts (created_at) where deleted_at is null;
      create index escalations_created_idx on escalations (created_at);
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop index escalations_created_idx;
      drop index posts_created_idx;
      drop index posts_accepted_at_idx;
      drop index threads_category_created_idx;
      drop index threads_created_idx;
    `);
  }
}
