import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../platform/authz/actor.js';
import { sql } from '../../platform/db/sql.js';
import { recordEvent, ref, type EventName } from '../../platform/events/events.js';
import type { SanctionKind } from './active-sanctions.js';
import type { SanctionChange, SanctionState } from './sanctions.events.js';
import './sanctions.events.js';

/** A member_sanctions row. */
export interface SanctionRow {
  id: number;
  member_id: number;
  kind: SanctionKind;
  starts_at: Date;
  until: Date | null;
  reason: string;
  imposed_by: number | null;
  lifted_at: Date | null;
  lifted_by: number | null;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export const stateOf = (row: SanctionRow): SanctionState => ({
  sanctionId: row.id,
  kind: row.kind,
  startsAt: iso(row.starts_at)!,
  until: iso(row.until),
  reason: row.reason,
  liftedAt: iso(row.lifted_at),
});

/** Records a change of `row` (its state before, or null; after, or null) as event `name`. */
export function recordSanctionEvent(
  tx: EntityManager,
  actor: Actor,
  name: Extract<
    EventName,
    'member.silenced' | 'member.suspended' | 'member.sanction_lifted' | 'member.sanction_expired'
  >,
  row: SanctionRow,
  before: SanctionState | null,
  after: SanctionState | null,
): Promise<void> {
  const data: SanctionChange = {
    memberId: row.member_id,
    sanctionId: row.id,
    kind: row.kind,
    reason: row.reason,
    before,
    after,
  };
  return recordEvent(tx, actor, {
    name,
    subject: ref('member', row.member_id),
    related: [ref('sanction', row.id)],
    data,
  });
}

/**
 * Starts a sanction now and records `member.silenced` or `member.suspended`. Returns null,
 * writing nothing, when one of that kind is already in force: the exclusion constraint decides,
 * so two moderators acting at once (or a moderator and the auto-silence) start one.
 */
export async function insertSanction(
  tx: EntityManager,
  actor: Actor,
  input: { memberId: number; kind: SanctionKind; until: Date | null; reason: string; imposedBy: number | null },
): Promise<SanctionRow | null> {
  const [row] = await sql<SanctionRow>(
    tx,
    `insert into member_sanctions (member_id, kind, until, reason, imposed_by) values (?, ?, ?, ?, ?)
     on conflict do nothing returning *`,
    [input.memberId, input.kind, input.until, input.reason, input.imposedBy],
  );
  if (!row) return null;
  await recordSanctionEvent(
    tx,
    actor,
    input.kind === 'SILENCE' ? 'member.silenced' : 'member.suspended',
    row,
    null,
    stateOf(row),
  );
  return row;
}

/** The sanctions in force on `memberId`, as rows. */
export function activeSanctionRows(tx: EntityManager, memberId: number): Promise<SanctionRow[]> {
  return sql<SanctionRow>(
    tx,
    'select * from member_sanctions where member_id = ? and lifted_at is null and (until is null or until > now())',
    [memberId],
  );
}
