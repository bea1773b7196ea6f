import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import { ConflictError } from '../../../platform/errors.js';
import type { Scope } from '../../../platform/scope.js';
import { handleOf, heldByAnother, loadReviewItem, toReviewItem, type ReviewItemRow } from '../review-item.js';

/**
 * A reviewer claims an open item for `claimMinutes` (renewed when they claim it again), so two
 * reviewers do not work on one item at once. Another's unexpired claim is CONFLICT naming who
 * holds it until when; an expired claim is simply taken over.
 */
export async function claimReviewItem(scope: Scope, itemId: number): Promise<ReviewItemRow> {
  const viewer = scope.guardian.requireViewer();
  const item = await loadReviewItem(scope.em, itemId);
  scope.guardian.ensureCan('review.act', item);
  const minutes = scope.settings.moderation.claimMinutes;
  return transact(scope.em, async (tx) => {
    const locked = await loadReviewItem(tx, itemId, { lock: true });
    scope.guardian.ensureCan('review.act', locked);
    if (locked.status !== 'OPEN') {
      throw new ConflictError(
        `This item was already decided (${locked.decision}) by ${await handleOf(tx, locked.decidedBy)}.`,
      );
    }
    if (heldByAnother(locked, viewer.id)) {
      throw new ConflictError(
        `${await handleOf(tx, locked.claimedBy)} is reviewing this item until ${locked.claimExpiresAt!.toISOString()}.`,
      );
    }
    const [row] = await sql(
      tx,
      `update review_items set claimed_by = ?, claim_expires_at = now() + make_interval(mins => ?)
        where id = ? returning *`,
      [viewer.id, minutes, itemId],
    );
    return toReviewItem(row!);
  });
}
