import { Migration } from '@mikro-orm/migrations';

/**
 * Deflection (api/src/modules/knowledge/deflection.ts): each visit to the ask form is a session
 * (a random id the web app makes); the suggestions shown in it and the one clicked are rows of
 * ask_suggestions; posting the question marks the session asked. A clicked suggestion in a
 * session that never asked is a deflection; clicked and asked anyway, a failed one; shown and
 * not clicked, a potential one.
 */
export class Migration20261202300000_deflection extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table ask_sessions (
        id text primary key check (id ~ '^[A-Za-z0-9_-]{16,64}$'),
        member_id int not null references members (id) on delete cascade,
        started_at timestamptz(3) not null default now(),
        asked_thread_id int references threads (id) on delete set null,
        asked_at timestamptz(3)
      );
      create index ask_sessions_started_idx on ask_sessions (started_at);
      create index ask_sessions_member_idx on ask_sessions (member_id, started_at);

      create table ask_suggestions (
        session_id text not null references ask_sessions (id) on delete cascade,
        target_kind text not null check (target_kind in ('THREAD', 'ARTICLE')),
        target_id int not null,
        shown_at timestamptz(3) not null default now(),
        clicked_at timestamptz(3),
        primary key (session_id, target_kind, target_id)
      );
      create index ask_suggestions_target_idx on ask_suggestions (target_kind, target_id);
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table ask_suggestions, ask_sessions;`);
  }
}
