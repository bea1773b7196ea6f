import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import type { Scope } from '../../../platform/scope.js';
import '../avatars.events.js';
import { deleteAvatarFiles } from './set-avatar.js';

/**
 * Removes a member's uploaded avatar (the member, or staff for an unsuitable one): the generated
 * avatar shows again. Removing when there is none changes nothing and records nothing.
 */
export async function removeAvatar(scope: Scope, memberId: number): Promise<void> {
  scope.guardian.ensureCan('avatar.remove', { memberId });
  const removed = await transact(scope.em, async (tx) => {
    const [row] = await sql<{ hash: string }>(tx, 'delete from member_avatars where member_id = ? returning hash', [
      memberId,
    ]);
    if (!row) return null;
    await recordEvent(tx, scope.guardian.requireActor(), {
      name: 'avatar.removed',
      subject: ref('member', memberId),
      data: { memberId, hash: row.hash },
    });
    return row.hash;
  });
  if (removed) await deleteAvatarFiles(scope, memberId, removed);
}
