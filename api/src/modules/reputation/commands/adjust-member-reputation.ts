import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from '../../../platform/errors.js';
import type { Scope } from '../../../platform/scope.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import { snapshotsById } from '../../../platform/db/snapshots.js';
import { Member } from '../../accounts/member.entity.js';
import { adjustReputation } from '../ledger.js';
import '../reputation.events.js';

export interface AdjustReputationInput {
  memberId: number;
  points: number;
  reason: string;
  /** A retried request with the same key writes nothing more; a different request with it is CONFLICT. */
  idempotencyKey?: string | null;
}

const MAX_ADJUSTMENT = 100_000;

/**
 * An administrator's correction (a migration from another platform, a mistake undone): one
 * ADJUSTMENT event with the reason and who made it, exempt from the vote cap.
 */
export async function adjustMemberReputation(scope: Scope, input: AdjustReputationInput): Promise<Member> {
  const actor = scope.guardian.requireViewer();
  scope.guardian.ensureCan('reputation.adjust', null);
  const errors: FieldErrors = {};
  const reason = input.reason.trim();
  if (!Number.isInteger(input.points) || input.points === 0 || Math.abs(input.points) > MAX_ADJUSTMENT) {
    errors.points = `Give a whole number of points other than 0, at most ${MAX_ADJUSTMENT} either way.`;
  }
  if (reason.length < 3 || reason.length > 500) errors.reason = 'Give a reason of 3 to 500 characters.';
  const key = input.idempotencyKey ?? null;
  if (key !== null && (key.length < 1 || key.length > 255)) errors.idempotencyKey = 'Use 1 to 255 characters.';
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  const [member] = await snapshotsById(scope.em, Member, [input.memberId]);
  if (!member) throw new NotFoundError('Member');

  await transact(scope.em, async (tx) => {
    const written = await adjustReputation(tx, {
      memberId: member.id,
      points: input.points,
      actorId: actor.id,
      reason,
      idempotencyKey: key,
    });
    if (written) {
      await recordEvent(tx, scope.guardian.requireActor(), {
        name: 'reputation.adjusted',
        subject: ref('member', member.id),
        data: { memberId: member.id, points: input.points, reason, ledgerEventId: written },
      });
      return;
    }
    const [earlier] = await sql<{ member_id: number; points: number; reason: string }>(
      tx,
      'select member_id, points, reason from reputation_events where idempotency_key = ?',
      [key],
    );
    if (!earlier || earlier.member_id !== member.id || earlier.points !== input.points || earlier.reason !== reason) {
      throw new ConflictError('This idempotency key was already used for a different adjustment.');
    }
  });
  const [fresh] = await snapshotsById(scope.em, Member, [member.id]);
  return fresh!;
}
