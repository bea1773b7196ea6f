import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../platform/db/sql.js';
import { DEFAULT_EMAIL_MODE, NOTIFICATION_KINDS, type EmailMode, type NotificationKind } from './notification-kinds.js';
import type { NotificationPreference } from './notification.types.js';

/** Every kind with the member's email mode, the default where they chose nothing. */
export async function preferencesOf(em: EntityManager, memberId: number): Promise<NotificationPreference[]> {
  const rows = await sql<{ kind: NotificationKind; email: EmailMode }>(
    em,
    'select kind, email from notification_preferences where member_id = ?',
    [memberId],
  );
  const chosen = new Map(rows.map((r) => [r.kind, r.email]));
  return NOTIFICATION_KINDS.map((kind) => ({
    kind,
    email: chosen.get(kind) ?? DEFAULT_EMAIL_MODE[kind],
    isDefault: !chosen.has(kind),
  }));
}

/**
 * Stores the member's choices for the kinds given (the last of a repeated kind wins). Choosing a
 * kind's default drops the row, so the member follows the default if it changes later.
 */
export async function setPreferences(
  em: EntityManager,
  memberId: number,
  preferences: { kind: NotificationKind; email: EmailMode }[],
): Promise<void> {
  const last = new Map(preferences.map((p) => [p.kind, p.email]));
  if (last.size === 0) return;
  const chosen = [...last].filter(([kind, email]) => DEFAULT_EMAIL_MODE[kind] !== email);
  const defaults = [...last].filter(([kind, email]) => DEFAULT_EMAIL_MODE[kind] === email).map(([kind]) => kind);
  await sql(
    em,
    `with dropped as (delete from notification_preferences where member_id = ? and kind = any(?::text[]))
     insert into notification_preferences (member_id, kind, email)
     select ?, p.kind, p.email from jsonb_to_recordset(?::jsonb) as p(kind text, email text)
     on conflict (member_id, kind) do update set email = excluded.email`,
    [memberId, `{${defaults.join(',')}}`, memberId, JSON.stringify(chosen.map(([kind, email]) => ({ kind, email })))],
  );
}
