import { Migration } from '@mikro-orm/migrations';

/**
 * posts.accepted_at to millisecond precision, like every other timestamp a cursor carries: a
 * cursor holds a JavaScript date (milliseconds), so microseconds made the solutions list skip
 * rows accepted within the cursor row's millisecond.
 */
export class Migration20261123700000_accepted_at_milliseconds extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table posts alter column accepted_at type timestamptz(3);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table posts alter column accepted_at type timestamptz;`);
  }
}
