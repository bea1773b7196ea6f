import { Migration } from '@mikro-orm/migrations';

/**
 * Escalations (api/src/modules/escalations): a thread that needs staff becomes a case. At most
 * one open escalation (OPEN, IN_PROGRESS, WAITING_ON_CUSTOMER) per thread, enforced by a
 * partial unique index, so concurrent triggers leave one row. `customer_id` is the asker's
 * linked customer when it was raised; `requested_by` null means the system raised it.
 * `priority_parts` holds the formula's parts (modules/escalations/priority.ts); `advocate` puts
 * an advocate's escalation first in the queue. `case_*` are the CRM's; `priority_computed_at` orders the refresh of the waiting part;
 * `case_updated_at` orders its updates (an older one changes nothing). Categories gain `answer_target_minutes`: a
 * question unanswered that long is escalated (null: never automatically).
 */
export class Migration20261206400000_escalations extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table categories add column answer_target_minutes int
        check (answer_target_minutes is null or answer_target_minutes between 1 and 525600);
      create table escalations (
        id serial primary key,
        thread_id int not null references threads (id) on delete cascade,
        customer_id int references customers (id) on delete set null,
        reason text not null check (reason in ('UNANSWERED', 'NEEDS_STAFF', 'NEGATIVE_URGENT')),
        requested_by int references members (id) on delete set null,
        note text check (note is null or char_length(note) <= 1000),
        trigger_post_id int references posts (id) on delete set null,
        advocate boolean not null default false,
        priority int not null,
        priority_parts jsonb not null,
        priority_computed_at timestamptz not null default now(),
        status text not null default 'OPEN'
          check (status in ('OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'RESOLVED', 'CLOSED')),
        sla_due_at timestamptz not null,
        case_id text check (case_id is null or char_length(case_id) <= 200),
        case_url text check (case_url is null or char_length(case_url) <= 2000),
        case_status text check (case_status is null or char_length(case_status) <= 100),
        case_updated_at timestamptz,
        resolution text check (resolution is null or char_length(resolution) <= 20000),
        resolution_post_id int references posts (id) on delete set null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        closed_at timestamptz
      );
      create unique index escalations_one_open_per_thread on escalations (thread_id)
        where status in ('OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER');
      create index escalations_queue_idx on escalations (advocate desc, priority desc, id);
      create index escalations_open_sla_idx on escalations (sla_due_at)
        where status in ('OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER');
      create index escalations_open_refresh_idx on escalations (priority_computed_at, id)
        where status in ('OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER');
      create index escalations_thread_idx on escalations (thread_id, id desc);
      create index escalations_customer_idx on escalations (customer_id, id desc) where customer_id is not null;
      create index threads_unanswered_since_idx on threads (created_at, id)
        where status = 'OPEN' and reply_count = 0 and deleted_at is null and merged_into_id is null;
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop index threads_unanswered_since_idx;
      drop table escalations;
      alter table categories drop column answer_target_minutes;
    `);
  }
}
