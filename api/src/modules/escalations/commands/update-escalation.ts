import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../../platform/authz/actor.js';
import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import { assertValid, NotFoundError, type FieldErrors } from '../../../platform/errors.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import type { Scope } from '../../../platform/scope.js';
import { ESCALATION_STATUSES, type EscalationStatus } from '../escalations.events.js';
import { escalationById, stateOf, type EscalationRow } from '../escalations.queries.js';

export interface EscalationChange {
  status?: EscalationStatus | null;
  caseId?: string | null;
  caseUrl?: string | null;
  /** The CRM's own status word, stored as sent. */
  caseStatus?: string | null;
  resolution?: string | null;
  resolutionPostId?: number | null;
  /** The CRM's time of this version: an older one than stored changes nothing. */
  caseUpdatedAt?: Date | null;
}

const isOpen = (s: EscalationStatus) => s === 'OPEN' || s === 'IN_PROGRESS' || s === 'WAITING_ON_CUSTOMER';

function validate(change: EscalationChange): void {
  const errors: FieldErrors = {};
  if (change.status != null && !ESCALATION_STATUSES.includes(change.status)) errors.status = 'Unknown status.';
  if (change.caseId != null && (change.caseId.trim() === '' || change.caseId.length > 200))
    errors.caseId = 'A case id is 1–200 characters.';
  if (change.caseUrl != null && (change.caseUrl.length > 2000 || !/^https?:\/\/\S+$/i.test(change.caseUrl)))
    errors.caseUrl = 'A case URL is an http(s) URL of at most 2,000 characters.';
  if (change.caseStatus != null && change.caseStatus.length > 100)
    errors.caseStatus = 'A case status is at most 100 characters.';
  if (change.resolution != null && change.resolution.length > 20000)
    errors.resolution = 'A resolution is at most 20,000 characters.';
  if (change.caseUpdatedAt != null && Number.isNaN(change.caseUpdatedAt.getTime()))
    errors.updatedAt = 'Not a valid time.';
  assertValid(errors);
}

/**
 * Applies a change to an escalation in one transaction (the row locked): nothing when the
 * CRM's `caseUpdatedAt` is older than the stored one, or when nothing differs; otherwise the
 * update and an `escalation.updated` event with the states before and after. Reopening a
 * RESOLVED or CLOSED escalation is refused when the thread already has another open one.
 * Returns the row as it is after, and whether it changed.
 */
export async function applyEscalationChange(
  em: EntityManager,
  actor: Actor,
  id: number,
  change: EscalationChange,
): Promise<{ escalation: EscalationRow; changed: boolean }> {
  validate(change);
  return transact(em, async (tx) => {
    const before = await escalationById(tx, id, true);
    if (!before) throw new NotFoundError('Escalation');
    if (change.caseUpdatedAt && before.case_updated_at && change.caseUpdatedAt < new Date(before.case_updated_at)) {
      return { escalation: before, changed: false };
    }
    const next = {
      status: change.status ?? before.status,
      case_id: change.caseId === undefined || change.caseId === null ? before.case_id : change.caseId.trim(),
      case_url: change.caseUrl ?? before.case_url,
      case_status: change.caseStatus ?? before.case_status,
      resolution: change.resolution ?? before.resolution,
      resolution_post_id: change.resolutionPostId ?? before.resolution_post_id,
    };
    const differs =
      next.status !== before.status ||
      next.case_id !== before.case_id ||
      next.case_url !== before.case_url ||
      next.case_status !== before.case_status ||
      next.resolution !== before.resolution ||
      next.resolution_post_id !== before.resolution_post_id;
    if (!differs) {
      if (change.caseUpdatedAt) {
        await sql(tx, `update escalations set case_updated_at = greatest(case_updated_at, ?) where id = ?`, [
          change.caseUpdatedAt,
          id,
        ]);
      }
      return { escalation: before, changed: false };
    }
    if (!isOpen(before.status) && isOpen(next.status)) {
      const [other] = await sql(
        tx,
        `select 1 from escalations where thread_id = ? and id <> ? and status in ('OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER')`,
        [before.thread_id, id],
      );
      if (other) {
        assertValid({ status: 'This thread has another open escalation: work on that one.' });
      }
    }
    const [after] = await sql<EscalationRow>(
      tx,
      `update escalations set status = ?, case_id = ?, case_url = ?, case_status = ?, resolution = ?,
              resolution_post_id = ?, case_updated_at = coalesce(greatest(case_updated_at, ?::timestamptz), ?::timestamptz),
              updated_at = now(),
              closed_at = case when ? then null when closed_at is null then now() else closed_at end
        where id = ? returning *`,
      [
        next.status,
        next.case_id,
        next.case_url,
        next.case_status,
        next.resolution,
        next.resolution_post_id,
        change.caseUpdatedAt ?? null,
        change.caseUpdatedAt ?? null,
        isOpen(next.status),
        id,
      ],
    );
    const [thread] = await sql<{ author_id: number }>(tx, 'select author_id from threads where id = ?', [
      before.thread_id,
    ]);
    await recordEvent(tx, actor, {
      name: 'escalation.updated',
      subject: ref('escalation', id),
      related: [ref('thread', before.thread_id), ...(thread ? [ref('member', thread.author_id)] : [])],
      data: {
        escalationId: id,
        threadId: before.thread_id,
        askerId: thread?.author_id ?? 0,
        customerId: before.customer_id,
        before: stateOf(before),
        after: stateOf(after!),
      },
    });
    return { escalation: after!, changed: true };
  });
}

/** Staff move an escalation along (a support agent is on it, waiting on the customer, resolved, closed). */
export async function setEscalationStatus(
  scope: Scope,
  input: { id: number; status: EscalationStatus; note: string | null },
): Promise<EscalationRow> {
  scope.guardian.ensureCan('escalation.manage', null);
  const note = input.note?.trim() || null;
  if (note && note.length > 20000) assertValid({ note: 'A note is at most 20,000 characters.' });
  const change: EscalationChange = { status: input.status };
  if (note) change.resolution = note;
  return (await applyEscalationChange(scope.em, scope.guardian.requireActor(), input.id, change)).escalation;
}

/**
 * The CRM's case (or staff recording it): its id, URL, status and resolution, at its
 * `updatedAt`; an older `updatedAt` than stored changes nothing. Staff, or a service token
 * with cases:write.
 */
export async function updateEscalationCase(
  scope: Scope,
  input: {
    id: number;
    caseId: string | null;
    caseUrl: string | null;
    status: EscalationStatus | null;
    caseStatus: string | null;
    resolution: string | null;
    updatedAt: Date | null;
  },
): Promise<EscalationRow> {
  scope.guardian.ensureCan('escalation.updateCase', null);
  const result = await applyEscalationChange(scope.em, scope.guardian.requireActor(), input.id, {
    status: input.status,
    caseId: input.caseId,
    caseUrl: input.caseUrl,
    caseStatus: input.caseStatus,
    resolution: input.resolution,
    caseUpdatedAt: input.updatedAt,
  });
  return result.escalation;
}
