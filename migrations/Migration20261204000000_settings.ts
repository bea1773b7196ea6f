import { Migration } from '@mikro-orm/migrations';

/**
 * Runtime settings (platform/settings-store.ts, modules/settings).
 *
 * - settings: one row per settings group ('reputation', 'abuseLimits', 'moderation') holding
 *   what admins changed, as a JSON object of overrides on top of the startup values (code
 *   defaults, then the environment). A key absent from `overrides` follows the startup value.
 * - revision: from one sequence, so the largest revision names the newest state; every API
 *   instance compares it with what it has loaded (after a NOTIFY on hearth_settings, and on a
 *   slow poll in case a notification was missed).
 */
export class Migration20261204000000_settings extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create sequence settings_revision_seq;

      create table settings (
        key text primary key check (key ~ '^[a-zA-Z]+$'),
        overrides jsonb not null default '{}' check (jsonb_typeof(overrides) = 'object'),
        revision bigint not null default nextval('settings_revision_seq'),
        updated_at timestamptz(3) not null default now(),
        updated_by int references members (id)
      );
    `);
  }
}
