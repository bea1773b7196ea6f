import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../platform/db/sql.js';
import { ValidationError } from '../../platform/errors.js';
import type { Viewer } from '../../platform/authz/guardian.js';
import {
  ADMIN_KINDS,
  DEFAULT_EMAIL_MODE,
  NOTIFICATION_KINDS,
  OPTIONAL_KINDS,
  type EmailMode,
  type NotificationKind,
} from './notification-kinds.js';
import type { NotificationPreference } from './notification.types.js';

/**
 * The kinds the viewer may be sent (administrators' kinds for administrators only) with their
 * email mode and whether it is on, the defaults where they chose nothing.
 */
export async function preferencesOf(
  em: EntityManager,
  viewer: Pick<Viewer, 'id' | 'role'>,
): Promise<NotificationPreference[]> {
  return (await everyPreferenceOf(em, viewer.id)).filter(
    (p) => viewer.role === 'ADMIN' || !ADMIN_KINDS.includes(p.kind),
  );
}

async function everyPreferenceOf(em: EntityManager, memberId: number): Promise<NotificationPreference[]> {
  const rows = await sql<{ kind: NotificationKind; email: EmailMode; enabled: boolean }>(
    em,
    'select kind, email, enabled from notification_preferences where member_id = ?',
    [memberId],
  );
  const chosen = new Map(rows.map((r) => [r.kind, r]));
  return NOTIFICATION_KINDS.map((kind) => ({
    kind,
    email: chosen.get(kind)?.email ?? DEFAULT_EMAIL_MODE[kind],
    enabled: chosen.get(kind)?.enabled ?? true,
    canTurnOff: OPTIONAL_KINDS.includes(kind),
    isDefault: !chosen.has(kind),
  }));
}

/**
 * Stores the member's choices for the kinds given (the last of a repeated kind wins); `enabled`
 * omitted keeps what the member had. Choosing a kind's default (its email mode, and on) drops the
 * row, so the member follows the default if it changes later. Turning off a kind that cannot be
 * turned off is BAD_USER_INPUT, and nothing changes.
 */
export async function setPreferences(
  em: EntityManager,
  memberId: number,
  preferences: { kind: NotificationKind; email: EmailMode; enabled?: boolean | null }[],
): Promise<void> {
  const last = new Map(preferences.map((p) => [p.kind, p]));
  if (last.size === 0) return;
  const refused = [...last.values()].filter((p) => p.enabled === false && !OPTIONAL_KINDS.includes(p.kind));
  if (refused.length > 0) {
    throw new ValidationError({
      preferences: `${refused.map((p) => p.kind).join(', ')} cannot be turned off; only ${OPTIONAL_KINDS.join(', ')} can.`,
    });
  }
  const current = new Map((await everyPreferenceOf(em, memberId)).map((p) => [p.kind, p.enabled]));
  const wanted = [...last.values()].map((p) => ({
    kind: p.kind,
    email: p.email,
    enabled: p.enabled ?? current.get(p.kind) ?? true,
  }));
  const isDefault = (p: (typeof wanted)[number]) => DEFAULT_EMAIL_MODE[p.kind] === p.email && p.enabled;
  const chosen = wanted.filter((p) => !isDefault(p));
  const defaults = wanted.filter(isDefault).map((p) => p.kind);
  await sql(
    em,
    `with dropped as (delete from notification_preferences where member_id = ? and kind = any(?::text[]))
     insert into notification_preferences (member_id, kind, email, enabled)
     select ?, p.kind, p.email, p.enabled from jsonb_to_recordset(?::jsonb) as p(kind text, email text, enabled boolean)
     on conflict (member_id, kind) do update set email = excluded.email, enabled = excluded.enabled`,
    [memberId, `{${defaults.join(',')}}`, memberId, JSON.stringify(chosen)],
  );
}
