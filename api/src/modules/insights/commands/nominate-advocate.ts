import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import { ConflictError, NotFoundError } from '../../../platform/errors.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import type { Scope } from '../../../platform/scope.js';
import '../insights.events.js';

export interface Nomination {
  id: number;
  memberId: number;
  nominatedBy: number;
  score: number;
  createdAt: Date;
}

/**
 * Staff nominate a member for the advocate programme in one click. The advocates module has
 * no nomination (only grantAdvocate, which makes a member an advocate at once, with a reason
 * and categories), so this records a nomination and an `advocate.nominated` event, for the
 * programme's owners to follow up (an invitation, then grantAdvocate). CONFLICT for staff,
 * advocates and members nominated already since their last advocate change.
 */
export async function nominateAdvocate(scope: Scope, memberId: number): Promise<Nomination> {
  const actor = scope.guardian.requireViewer();
  scope.guardian.ensureCan('insights.nominate', null);
  return transact(scope.em, async (tx) => {
    const [member] = await sql<{ id: number; handle: string; role: string; is_advocate: boolean }>(
      tx,
      'select id, handle, role, is_advocate from members where id = ? for update',
      [memberId],
    );
    if (!member) throw new NotFoundError('Member');
    if (member.role !== 'MEMBER') throw new ConflictError(`@${member.handle} is staff.`);
    if (member.is_advocate) throw new ConflictError(`@${member.handle} is already an advocate.`);
    const [row] = await sql<{ id: string; score: number; created_at: string }>(
      tx,
      `insert into influencer_nominations (member_id, nominated_by, score)
       select ?, ?, coalesce((select score from member_influence where member_id = ?), 0)
        where not exists (
          select 1 from influencer_nominations n where n.member_id = ?
             and n.created_at > coalesce((select max(c.created_at) from advocate_changes c where c.member_id = ?),
                                         '-infinity'))
       returning id, score, created_at`,
      [memberId, actor.id, memberId, memberId, memberId],
    );
    if (!row) throw new ConflictError(`@${member.handle} is nominated already.`);
    const nomination = {
      id: Number(row.id),
      memberId,
      nominatedBy: actor.id,
      score: row.score,
      createdAt: new Date(row.created_at),
    };
    await recordEvent(tx, scope.guardian.requireActor(), {
      name: 'advocate.nominated',
      subject: ref('member', memberId),
      data: { memberId, score: nomination.score, nominationId: nomination.id },
    });
    return nomination;
  });
}
