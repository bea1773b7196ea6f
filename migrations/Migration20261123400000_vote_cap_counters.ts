import { Migration } from '@mikro-orm/migrations';

/**
 * The daily vote cap as a counter: reputation_cap_days holds what a member earned from capped
 * (vote) events on a UTC day. A vote's credit is one upsert of today's row (which serializes
 * concurrent credits to one member and sees the latest committed count), instead of locking
 * the member and summing the day's ledger events: one statement fewer on the vote path, and no
 * index on reputation_events to maintain for it. Reversals of capped events move the row of
 * the day they count against, when it exists.
 *
 * Only today's row decides a credit, so rows are filled for yesterday and today; older days
 * have none (reversing an event from such a day changes no counter).
 */
export class Migration20261123400000_vote_cap_counters extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table reputation_cap_days (
        member_id int not null references members (id) on delete cascade,
        day date not null,
        earned int not null,
        -- what the latest credit was worth after the cap (the upsert's result)
        last_credit int not null default 0,
        primary key (member_id, day)
      );
      insert into reputation_cap_days (member_id, day, earned)
      select member_id, cap_day, sum(points) from reputation_events
       where cap_day >= (now() at time zone 'utc')::date - 1
       group by 1, 2;
      drop index reputation_events_cap_idx;
    `);
  }
}
