import { z } from 'zod';
import { SETTINGS_GROUPS, type Settings, type SettingsGroup } from '../../settings.js';

/** One editable setting as the admin screen shows it. */
export interface SettingView {
  key: string;
  label: string;
  help: string;
  value: number;
  defaultValue: number;
  startupValue: number;
  /** Admins changed it (it no longer follows the startup value). */
  changed: boolean;
  integer: boolean;
  min: number | null;
  max: number | null;
}

export interface SettingsGroupView {
  key: string;
  label: string;
  description: string;
  environmentVariable: string;
  fields: SettingView[];
}

/** A setting's key ("moderation.hideThreshold") split into its group and its path in the group. */
export interface SettingRef {
  group: SettingsGroup;
  path: string[];
  label: string;
}

const REFS = new Map<string, SettingRef>(
  SETTINGS_GROUPS.flatMap((group) =>
    group.fields.map((f) => [`${group.key}.${f.path}`, { group, path: f.path.split('.'), label: f.label }] as const),
  ),
);

/** The editable setting named `key`, or null: nothing else (schedules, level names) can be changed. */
export const settingRef = (key: string): SettingRef | null => REFS.get(key) ?? null;

export function getPath(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], value);
}

/** `obj` with `path` set to `value` (or removed, for undefined), dropping objects left empty. */
export function setPath(obj: Record<string, unknown>, path: readonly string[], value: number | undefined) {
  const [head, ...rest] = path as [string, ...string[]];
  const out = { ...obj };
  if (rest.length === 0) {
    if (value === undefined) delete out[head];
    else out[head] = value;
  } else {
    const inner = setPath((out[head] as Record<string, unknown> | undefined) ?? {}, rest, value);
    if (Object.keys(inner).length === 0) delete out[head];
    else out[head] = inner;
  }
  return out;
}

/** The number schema at `path` (through defaults and nested objects), for its bounds. */
function numberSchemaAt(schema: z.ZodTypeAny, path: readonly string[]): z.ZodNumber {
  let s: z.ZodTypeAny = schema;
  for (const key of path) {
    while (s instanceof z.ZodDefault) s = s._def.innerType;
    s = (s as z.ZodObject<z.ZodRawShape>).shape[key]!;
  }
  while (s instanceof z.ZodDefault) s = s._def.innerType;
  if (!(s instanceof z.ZodNumber)) throw new Error(`setting ${path.join('.')} is not a number`);
  return s;
}

const DEFAULTS = new Map(SETTINGS_GROUPS.map((g) => [g.key, g.schema.parse({}) as unknown]));

/** Every editable setting: its value in `settings`, the code default and the startup value. */
export function settingsCatalog(
  settings: Settings,
  startup: (group: string) => object,
  overrides: (group: string) => Record<string, unknown>,
): SettingsGroupView[] {
  return SETTINGS_GROUPS.map((group) => ({
    key: group.key,
    label: group.label,
    description: group.description,
    environmentVariable: group.env,
    fields: group.fields.map((f) => {
      const path = f.path.split('.');
      const number = numberSchemaAt(group.schema, path);
      return {
        key: `${group.key}.${f.path}`,
        label: f.label,
        help: f.help,
        value: getPath(settings[group.key], path) as number,
        defaultValue: getPath(DEFAULTS.get(group.key), path) as number,
        startupValue: getPath(startup(group.key), path) as number,
        changed: getPath(overrides(group.key), path) !== undefined,
        integer: number.isInt,
        min: number.minValue,
        max: number.maxValue,
      };
    }),
  }));
}
