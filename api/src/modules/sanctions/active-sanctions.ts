import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../platform/authz/guardian.js';
import { sql } from '../../platform/db/sql.js';
import { DomainError } from '../../platform/errors.js';

export type SanctionKind = 'SILENCE' | 'SUSPEND';

/** A sanction in force: what the member is told, and what enforcement decides with. */
export interface ActiveSanction {
  kind: SanctionKind;
  /** Null: until staff lift it. */
  until: Date | null;
  reason: string;
}

/**
 * The sanctions in force on the member of table alias `alias`, as one jsonb array column of a
 * larger statement (the session look-up), so enforcing them costs no extra round trip. The
 * view compares `until` with now(): an expired sanction is no longer in it.
 */
export const activeSanctionsColumn = (alias: string): string =>
  `(select coalesce(jsonb_agg(jsonb_build_object('kind', a.kind, 'until', a.until, 'reason', a.reason)), '[]'::jsonb)
      from active_member_sanctions a where a.member_id = ${alias}.id)`;

/** Maps the column above. */
export function parseActiveSanctions(json: unknown): ActiveSanction[] {
  return ((json ?? []) as { kind: SanctionKind; until: string | null; reason: string }[]).map((s) => ({
    kind: s.kind,
    until: s.until === null ? null : new Date(s.until),
    reason: s.reason,
  }));
}

/** The sanctions in force on `memberId` (log-in reads them once the password matched). */
export async function activeSanctionsOf(em: EntityManager, memberId: number): Promise<ActiveSanction[]> {
  const [row] = await sql<{ sanctions: unknown }>(
    em,
    `select ${activeSanctionsColumn('m')} as sanctions from members m where m.id = ?`,
    [memberId],
  );
  return parseActiveSanctions(row?.sanctions);
}

/**
 * A suspended member may not log in, and a session of theirs stops working at their next
 * request: FORBIDDEN (the credentials are right; the account is barred) naming the end and the
 * reason, with `extensions.suspendedUntil` (null: until staff lift it) for the web app. The
 * session itself is kept, so lifting the suspension restores it at once.
 */
export function ensureNotSuspended(sanctions: ActiveSanction[]): void {
  const suspension = sanctions.find((s) => s.kind === 'SUSPEND');
  if (!suspension) return;
  const end = suspension.until ? `until ${suspension.until.toISOString()}` : 'until a moderator lifts it';
  throw new DomainError('FORBIDDEN', `Your account is suspended ${end} (reason: ${suspension.reason}).`, {
    suspendedUntil: suspension.until?.toISOString() ?? null,
  });
}

/** The viewer's silence among the sanctions in force, for the guardian. */
export function silenceOf(sanctions: ActiveSanction[]): Viewer['silence'] {
  const silence = sanctions.find((s) => s.kind === 'SILENCE');
  return silence ? { until: silence.until, reason: silence.reason } : null;
}
