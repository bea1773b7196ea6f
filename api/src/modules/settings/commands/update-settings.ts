import type { z } from 'zod';
import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import { ValidationError } from '../../../platform/errors.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import type { Scope } from '../../../platform/scope.js';
import { mergeDeep, SETTINGS_CHANNEL } from '../../../platform/settings-store.js';
import { getPath, setPath, settingRef, type SettingRef } from '../settings-catalog.js';
import '../settings.events.js';

export interface SettingChangeInput {
  key: string;
  /** Null: back to the startup value. */
  value: number | null;
}

const MAX_CHANGES = 100;
const MAX_REASON = 500;

/**
 * An admin changes runtime settings: every change is validated against its group's schema
 * (bounds, whole numbers), all of them or none are stored, and one `settings.changed` event
 * records each setting's value before and after with the reason. The NOTIFY goes out on commit,
 * so every instance loads the new revision; requests already running keep the settings they
 * started with. Returns the new revision (the current one when nothing changed).
 */
export async function updateSettings(
  scope: Scope,
  input: { changes: SettingChangeInput[]; reason: string | null },
): Promise<number> {
  scope.guardian.ensureCan('settings.update', null);
  const refs = checkShape(input);
  const reason = input.reason?.trim() || null;
  const store = scope.services.settings;
  const actor = scope.guardian.requireActor();
  const viewer = scope.guardian.requireViewer();

  const revision = await transact(scope.em, async (tx) => {
    // Admins saving at once on two instances are applied one after the other, each on top of
    // the other's stored overrides (read here under the lock, not from this instance's copy).
    await sql(tx, `select pg_advisory_xact_lock(hashtext('hearth.settings'))`);
    const groups = [...new Set(refs.map((r) => r.group))];
    const rows = await sql<{ key: string; overrides: Record<string, unknown> }>(
      tx,
      'select key, overrides from settings',
    );
    const stored = new Map(rows.map((r) => [r.key, r.overrides]));
    const before: Record<string, number> = {};
    const after: Record<string, number> = {};
    const written: [string, Record<string, unknown>][] = [];
    const errors: Record<string, string> = {};
    for (const { key: group, schema } of groups) {
      const old = stored.get(group) ?? {};
      let next = old;
      const startup = store.startupValue(group);
      for (const [i, r] of refs.entries()) {
        if (r.group.key !== group) continue;
        const value = input.changes[i]!.value;
        // The startup value is not stored: the setting follows the environment again.
        const follows = value === null || value === getPath(startup, r.path);
        next = setPath(next, r.path, follows ? undefined : value);
      }
      const was = effective(schema, startup, old);
      let now: unknown;
      try {
        now = store.validate(group, next);
      } catch (err) {
        Object.assign(errors, fieldErrors(group, refs, err as z.ZodError));
        continue;
      }
      for (const ref of refs.filter((x) => x.group.key === group)) {
        const b = getPath(was, ref.path) as number;
        const a = getPath(now, ref.path) as number;
        if (a !== b) {
          before[`${group}.${ref.path.join('.')}`] = b;
          after[`${group}.${ref.path.join('.')}`] = a;
        }
      }
      written.push([group, next]);
    }
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    if (Object.keys(after).length === 0) return store.current().revision;

    const [{ revision }] = (await sql<{ revision: string }>(
      tx,
      `select nextval('settings_revision_seq') as revision`,
    )) as [{ revision: string }];
    for (const [group, overrides] of written) {
      await sql(
        tx,
        `insert into settings (key, overrides, revision, updated_by) values (?, ?::jsonb, ?, ?)
         on conflict (key) do update
           set overrides = excluded.overrides, revision = excluded.revision, updated_at = now(), updated_by = excluded.updated_by`,
        [group, JSON.stringify(overrides), revision, viewer.id],
      );
    }
    await recordEvent(tx, actor, {
      name: 'settings.changed',
      subject: ref('settings', Number(revision)),
      data: { revision: Number(revision), before, after, reason },
    });
    await sql(tx, 'select pg_notify(?, ?)', [SETTINGS_CHANNEL, revision]);
    return Number(revision);
  });
  // This instance's next request sees the change without waiting for its own NOTIFY.
  if (revision > store.current().revision) await store.reload();
  return revision;
}

/** The group's values with `overrides`, or its startup values when those no longer validate. */
function effective(schema: z.ZodTypeAny, startup: object, overrides: Record<string, unknown>): unknown {
  const parsed = schema.safeParse(mergeDeep(startup, overrides));
  return parsed.success ? parsed.data : startup;
}

function checkShape(input: { changes: SettingChangeInput[]; reason: string | null }): SettingRef[] {
  if (input.changes.length === 0) throw new ValidationError({ changes: 'Name at least one setting to change.' });
  if (input.changes.length > MAX_CHANGES) {
    throw new ValidationError({ changes: `At most ${MAX_CHANGES} settings can change at once.` });
  }
  if ((input.reason?.trim().length ?? 0) > MAX_REASON) {
    throw new ValidationError({ reason: `The reason can be at most ${MAX_REASON} characters.` });
  }
  const errors: Record<string, string> = {};
  const seen = new Set<string>();
  const refs = input.changes.map(({ key }) => {
    const found = settingRef(key);
    if (!found) errors[key] = `${key} is not a setting that can be changed.`;
    else if (seen.has(key)) errors[key] = `${found.label} is named twice.`;
    seen.add(key);
    return found!;
  });
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return refs;
}

/** The schema's complaints as "Label must be at least 0." under each setting's key. */
function fieldErrors(group: string, refs: SettingRef[], err: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of err.issues) {
    const key = `${group}.${issue.path.join('.')}`;
    const label = refs.find((r) => `${r.group.key}.${r.path.join('.')}` === key)?.label ?? key;
    out[key] = `${label} ${describeIssue(issue)}.`;
  }
  return out;
}

function describeIssue(issue: z.ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      return `must be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}`;
    case 'too_big':
      return `must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}`;
    case 'invalid_type':
      return issue.expected === 'integer' ? 'must be a whole number' : `must be a ${issue.expected}`;
    default:
      return issue.message.toLowerCase();
  }
}
