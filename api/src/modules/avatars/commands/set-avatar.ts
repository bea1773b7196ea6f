import { isStaffViewer } from '../../../platform/authz/guardian.js';
import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import { logger } from '../../../platform/logger.js';
import type { Scope } from '../../../platform/scope.js';
import { AVATAR_SIZES, processAvatar } from '../avatar-image.js';
import { uploadsStorage } from '../avatar-storage.js';
import { avatarKey } from '../avatar-urls.js';
import '../avatars.events.js';

/** Deletes the files of a replaced or removed avatar; a failure leaves an orphan, never an error. */
export async function deleteAvatarFiles(scope: Scope, memberId: number, hash: string): Promise<void> {
  const keys = AVATAR_SIZES.map((size) => avatarKey(memberId, hash, size));
  await uploadsStorage(scope.services.config)
    .delete(keys)
    .catch((error: unknown) => logger.warn('could not delete avatar files', { error, memberId }));
}

/**
 * The viewer uploads an avatar: counted against the hourly limit first (every upload is decoded,
 * which costs CPU), checked and re-encoded (avatar-image.ts), its files written, then the row
 * pointing at them. Files before the row: a crash in between leaves unused files, never a row
 * whose files are missing. The previous avatar's files go after the commit.
 */
export async function setAvatar(scope: Scope, input: { memberId: number; image: Buffer }): Promise<{ hash: string }> {
  const viewer = scope.guardian.requireViewer();
  scope.guardian.ensureCan('avatar.change', { memberId: input.memberId });
  const perHour = scope.settings.abuseLimits.avatarUploadsPerHour;
  if (perHour > 0 && !isStaffViewer(viewer)) {
    await scope.services.rateLimits.consume(
      { label: 'avatar uploads', points: perHour, durationSeconds: 3600 },
      `avatar-upload:${viewer.id}`,
    );
  }
  const avatar = await processAvatar(input.image);
  const storage = uploadsStorage(scope.services.config);
  for (const size of AVATAR_SIZES) await storage.put(avatarKey(viewer.id, avatar.hash, size), avatar.images[size]);
  const previous = await transact(scope.em, async (tx) => {
    // Locked first: two uploads at once each delete the files of the one they replaced.
    const [row] = await sql<{ hash: string }>(tx, 'select hash from member_avatars where member_id = ? for update', [
      viewer.id,
    ]);
    await sql(
      tx,
      `insert into member_avatars (member_id, hash) values (?, ?)
       on conflict (member_id) do update set hash = excluded.hash, updated_at = now()`,
      [viewer.id, avatar.hash],
    );
    await recordEvent(tx, scope.guardian.requireActor(), {
      name: 'avatar.changed',
      subject: ref('member', viewer.id),
      data: { memberId: viewer.id, hash: avatar.hash },
    });
    return row?.hash ?? null;
  });
  if (previous && previous !== avatar.hash) await deleteAvatarFiles(scope, viewer.id, previous);
  return { hash: avatar.hash };
}
