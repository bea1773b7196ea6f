import { Migration } from '@mikro-orm/migrations';

/**
 * Email sweeps (module `notifications`, email/): the per-minute sweep and the daily digest look
 * for recent unread notifications of every member; this index serves them without reading
 * every unread notification ever made.
 */
export class Migration20261205200000_email extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index notifications_email_sweep_idx on notifications (created_at) where read_at is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index notifications_email_sweep_idx;`);
  }
}
