import { Migration } from '@mikro-orm/migrations';

/**
 * Configurable routing rules (module `routing`, PRODUCT.md capability 7): admins say "when a new
 * question is in these categories, carries one of these tags, reads this negative, or comes from
 * a customer of this segment, notify these people, raise its escalation's priority, escalate it".
 *
 * - `routing_rules`: one rule, its place in the order (`position`, unique, deferred so a reorder
 *   can swap places in one statement), its conditions (each optional; all given must hold) and
 *   its actions (at least one). Cues and the score range are checked here as in the API.
 * - `routing_rule_categories`, `routing_rule_members`: the categories a rule is limited to and the
 *   members it notifies, with foreign keys (a deleted category or member leaves the rule).
 * - `routing_rule_applications`: a rule applied to a thread, once (primary key): a redelivered
 *   or replayed `thread.created` applies nothing twice.
 */
export class Migration20261206800000_routing_rules extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table routing_rules (
        id serial primary key,
        name text not null check (length(name) between 1 and 100 and name = btrim(name)),
        enabled boolean not null default true,
        position int not null check (position >= 0),
        tags text[] not null default '{}' check (cardinality(tags) <= 20),
        segments text[] not null default '{}' check (cardinality(segments) <= 20),
        sentiment_negative boolean not null default false,
        sentiment_score_at_most int check (sentiment_score_at_most between -1000 and 1000),
        sentiment_cues text[] not null default '{}'
          check (sentiment_cues <@ array['FRUSTRATION', 'URGENCY', 'CONFUSION', 'CHURN_RISK']::text[]),
        notify_moderators boolean not null default false,
        raise_priority int not null default 0 check (raise_priority between 0 and 100),
        escalate boolean not null default false,
        created_by int references members (id) on delete set null,
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now(),
        constraint routing_rules_position_key unique (position) deferrable initially deferred
      );
      create unique index routing_rules_name_key on routing_rules (lower(name));

      create table routing_rule_categories (
        rule_id int not null references routing_rules (id) on delete cascade,
        category_id int not null references categories (id) on delete cascade,
        primary key (rule_id, category_id)
      );

      create table routing_rule_members (
        rule_id int not null references routing_rules (id) on delete cascade,
        member_id int not null references members (id) on delete cascade,
        primary key (rule_id, member_id)
      );

      create table routing_rule_applications (
        rule_id int not null references routing_rules (id) on delete cascade,
        thread_id int not null references threads (id) on delete cascade,
        actions jsonb not null,
        applied_at timestamptz(3) not null default now(),
        primary key (rule_id, thread_id)
      );
      create index routing_rule_applications_thread_idx on routing_rule_applications (thread_id);
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop table routing_rule_applications;
      drop table routing_rule_members;
      drop table routing_rule_categories;
      drop table routing_rules;
    `);
  }
}
