import { Migration } from '@mikro-orm/migrations';

/**
 * A view counts once per viewer, thread and UTC day: thread_views holds who has been counted
 * today. recordThreadView inserts the row with `on conflict do nothing` and moves
 * threads.view_count only when the row was new, in one statement
 * (api/src/modules/community/thread-views.ts). viewer_key is `m:<member id>` for members and
 * `a:<keyed hash of the client address and user agent>` for visitors: no address is stored.
 * Only today's rows decide anything; a daily job deletes rows from before yesterday, so the
 * table holds about two days of viewers.
 */
export class Migration20261201100000_thread_views extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table thread_views (
        thread_id int not null references threads (id) on delete cascade,
        viewer_key text not null check (length(viewer_key) <= 64),
        day date not null,
        primary key (thread_id, viewer_key, day)
      );
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table thread_views;`);
  }
}
