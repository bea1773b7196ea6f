import { snapshotShape } from '../../../platform/db/snapshots.js';
import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import { ConflictError, NotFoundError } from '../../../platform/errors.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import type { Scope } from '../../../platform/scope.js';
import '../accounts.events.js';
import { Member } from '../member.entity.js';

/**
 * Staff approve a sign-up that was held (too many from one network, see signup-limits.ts): the
 * member can log in from now on. One conditional update, so two moderators approving at once
 * approve once (the second is CONFLICT); `member.approved` records who approved.
 */
export async function approveMember(scope: Scope, memberId: number): Promise<Member> {
  const viewer = scope.guardian.requireViewer();
  scope.guardian.ensureCan('member.approve', null);
  return transact(scope.em, async (tx) => {
    const [row] = await sql<Record<string, unknown>>(
      tx,
      `update members set approved_at = now(), approved_by = ?
        where id = ? and held_at is not null and approved_at is null returning *`,
      [viewer.id, memberId],
    );
    if (row) {
      const member = snapshotShape(tx, Member).map(row);
      await recordEvent(tx, scope.guardian.requireActor(), {
        name: 'member.approved',
        subject: ref('member', member.id),
        data: { memberId: member.id, handle: member.handle },
      });
      return member;
    }
    const [member] = await sql<{ held_at: Date | null }>(tx, 'select held_at from members where id = ?', [memberId]);
    if (!member) throw new NotFoundError('Member');
    throw new ConflictError(
      member.held_at
        ? 'This member is already approved.'
        : 'This member’s sign-up was not held: there is nothing to approve.',
    );
  });
}
