import type { EntityManager } from '@mikro-orm/postgresql';
import type { z } from 'zod';
import { PgListener } from './db/listener.js';
import { sql } from './db/sql.js';
import { logger } from './logger.js';

/** A group of runtime settings: one `settings` row, validated by its schema. */
export interface SettingsGroupSchema {
  key: string;
  schema: z.ZodTypeAny;
}

type Overrides = Record<string, unknown>;

/** Channel the settings command notifies after a change (payload: the new revision). */
export const SETTINGS_CHANNEL = 'hearth_settings';

/**
 * The settings in force on this instance: the startup values (code defaults, then the
 * environment) with the admins' overrides from the `settings` table on top. `current()` is an
 * immutable snapshot; a request takes one when it starts and keeps it to the end, so a change
 * never applies to a request already running. A change made on any instance reaches this one
 * by NOTIFY at once, and by a slow poll if that notification was lost.
 */
export class SettingsStore<S extends { readonly revision: number }> {
  private snapshot: S;
  private overrides: Record<string, Overrides> = {};
  private listener: PgListener | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private reloading: Promise<void> | null = null;

  constructor(
    private readonly em: () => EntityManager,
    private readonly groups: readonly SettingsGroupSchema[],
    private readonly startup: Readonly<Record<string, object>>,
    private readonly opts: { url: string; pollMs: number },
  ) {
    this.snapshot = this.build({}, 0);
  }

  current(): S {
    return this.snapshot;
  }

  /** What admins changed in a group (a copy), for the settings screen and the change command. */
  overridesOf(key: string): Overrides {
    return structuredClone(this.overrides[key] ?? {});
  }

  startupValue(key: string): object {
    return this.startup[key]!;
  }

  /** Settings as they would be with `overrides` for one group: throws the schema's ZodError. */
  validate(key: string, overrides: Overrides): unknown {
    const group = this.groups.find((g) => g.key === key);
    if (!group) throw new Error(`unknown settings group ${key}`);
    return group.schema.parse(mergeDeep(this.startup[key]!, overrides));
  }

  async start(): Promise<void> {
    await this.reload();
    this.listener = new PgListener(this.opts.url);
    this.listener.on(SETTINGS_CHANNEL, (payload) => {
      if (Number(payload) > this.snapshot.revision) void this.reload();
    });
    this.listener.onReconnect(() => void this.reload());
    await this.listener.start();
    this.pollTimer = setInterval(() => void this.poll(), this.opts.pollMs);
    this.pollTimer.unref();
  }

  async stop(): Promise<void> {
    if (this.pollTimer) clearInterval(this.pollTimer);
    await this.listener?.stop();
    await this.reloading;
  }

  /** Reads the table again (one reload at a time; callers share a running one). */
  reload(): Promise<void> {
    this.reloading ??= this.read().finally(() => {
      this.reloading = null;
    });
    return this.reloading;
  }

  private async poll(): Promise<void> {
    try {
      const [row] = await sql<{ revision: string }>(
        this.em(),
        'select coalesce(max(revision), 0) as revision from settings',
      );
      if (Number(row!.revision) > this.snapshot.revision) await this.reload();
    } catch (err) {
      logger.warn('settings poll failed', { err: String(err) });
    }
  }

  private async read(): Promise<void> {
    const rows = await sql<{ key: string; overrides: Overrides; revision: string }>(
      this.em(),
      'select key, overrides, revision from settings',
    );
    const overrides = Object.fromEntries(rows.map((r) => [r.key, r.overrides]));
    const revision = rows.reduce((max, r) => Math.max(max, Number(r.revision)), 0);
    if (revision < this.snapshot.revision) return;
    this.overrides = overrides;
    this.snapshot = this.build(overrides, revision);
  }

  private build(overrides: Record<string, Overrides>, revision: number): S {
    const values: Record<string, unknown> = { revision };
    for (const group of this.groups) {
      const merged = mergeDeep(this.startup[group.key]!, overrides[group.key] ?? {});
      const parsed = group.schema.safeParse(merged);
      if (parsed.success) {
        values[group.key] = parsed.data;
      } else {
        // A stored override the code no longer accepts (a key renamed, a bound tightened) must
        // not stop the instance: the group falls back to its startup values and says so.
        logger.error('stored settings rejected; using startup values', {
          group: group.key,
          issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        });
        values[group.key] = this.startup[group.key];
      }
    }
    return deepFreeze(values) as S;
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `base` with `patch` laid over it, objects merged key by key, anything else replaced. */
export function mergeDeep(base: object, patch: Overrides): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(patch)) {
    out[k] = isPlainObject(v) && isPlainObject(out[k]) ? mergeDeep(out[k] as object, v) : v;
  }
  return out;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** One setting an admin may change: its path in the group's object, and words for the screen. */
export interface SettingFieldSpec {
  path: string;
  label: string;
  help: string;
}
