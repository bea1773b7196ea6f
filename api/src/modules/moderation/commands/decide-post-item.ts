import type { EntityManager } from '@mikro-orm/postgresql';
import { isStaffViewer } from '../../../platform/authz/guardian.js';
import { sql } from '../../../platform/db/sql.js';
import { NotFoundError } from '../../../platform/errors.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import type { Scope } from '../../../platform/scope.js';
import { removePost } from '../../community/commands/delete-post.js';
import { markHidden, markUnhidden } from '../../community/commands/hide-post.js';
import { RemovalReason, type Post } from '../../community/post.entity.js';
import { loadPost, type PostInContext } from '../../community/visibility.js';
import { leadingReason, REMOVING_REASONS, type FlagReasonKey } from '../flag.rules.js';
import type { ReviewState } from '../moderation.events.js';
import {
  closeReviewItem,
  ensureOpenFor,
  loadReviewItem,
  toReviewItem,
  type ReviewDecision,
  type ReviewItemRow,
} from '../review-item.js';

const FLAG_STATUS: Record<Exclude<ReviewDecision, 'ESCALATE'>, string> = {
  AGREE: 'AGREED',
  DISAGREE: 'DISAGREED',
  IGNORE: 'IGNORED',
};

const stateOf = (item: ReviewItemRow, post: Post): ReviewState => ({
  status: item.status,
  staffOnly: item.staffOnly,
  hidden: !!post.hiddenAt,
  deleted: !!post.deletedAt,
});

/**
 * AGREE by staff: the flags were right. Spam and abuse (the flags' leading reason) are removed
 * with the removal command, so its reputation penalty applies, when the thread lets staff remove
 * posts; otherwise, and for other reasons, the post stays hidden (hidden now if it was not).
 */
async function agree(scope: Scope, tx: EntityManager, found: PostInContext, lead: FlagReasonKey | null, why: string) {
  const { post, thread } = found;
  if (post.deletedAt) return;
  if (lead && REMOVING_REASONS.has(lead) && scope.guardian.can('post.remove', { post, thread })) {
    const reason = lead === 'SPAM' ? RemovalReason.SPAM : RemovalReason.ABUSE;
    await removePost({ ...scope, em: tx }, { postId: post.id, reason });
    return;
  }
  await hide(scope, tx, found, why);
}

const hide = (scope: Scope, tx: EntityManager, { post, thread }: PostInContext, why: string) =>
  markHidden(tx, scope.guardian.requireActor(), { post, thread, byId: scope.guardian.requireViewer().id, reason: why });

/**
 * Decides an item about a post. Locks the post (and thread), then the item, the order every
 * command takes them; a decided item or another's unexpired claim is CONFLICT saying who did
 * what. AGREE hides or removes the post and counts its flags agreed (the flaggers' accuracy
 * rises; Helpful Flagger follows); DISAGREE shows it again and counts them disagreed; IGNORE
 * closes the item, leaving the post and accuracy alone; ESCALATE hands it to staff (it stays
 * open, unclaimed).
 *
 * A member reviewer's (review privilege or advocate) AGREE on spam or abuse is a binding hide
 * and a recommendation, not a removal: Stack Overflow leaves the -100 penalty to moderators or
 * to six binding spam flags, and Discourse gives "agree and delete" and penalties to staff.
 * So the post is hidden (or stays hidden) at once, the item becomes staff-only and unclaimed
 * with the reviewer's agreement recorded (agreedBy, agreedAt), and its flags stay open: they
 * are counted agreed or disagreed once, when staff decide, so a flagger's accuracy moves once
 * and the author's reputation only if staff agree. Records `review.resolved` with before and
 * after (ESCALATE with `agreedBy` in that case).
 */
export async function decidePostItem(
  scope: Scope,
  item: ReviewItemRow,
  decision: ReviewDecision,
  reason: string | null,
  tx: EntityManager,
): Promise<ReviewItemRow> {
  const viewer = scope.guardian.requireViewer();
  const found = await loadPost(tx, item.postId!, { lock: true });
  if (!found) throw new NotFoundError('Review item');
  const locked = await loadReviewItem(tx, item.id, { lock: true });
  scope.guardian.ensureCan('review.act', locked);
  await ensureOpenFor(tx, locked, viewer.id);
  const before = stateOf(locked, found.post);
  const flags = await sql<{ flagger_id: number; reason: FlagReasonKey }>(
    tx,
    `select flagger_id, reason from flags where review_item_id = ? and status = 'OPEN' order by id`,
    [locked.id],
  );
  const lead = leadingReason(flags.map((f) => f.reason));
  const why = reason ?? `Reviewers agreed with the flags (${lead ?? 'hidden'}).`;
  const toStaff = decision === 'AGREE' && !!lead && REMOVING_REASONS.has(lead) && !isStaffViewer(viewer);

  let resolved: ReviewItemRow;
  if (decision === 'ESCALATE' || toStaff) {
    if (toStaff && !found.post.hiddenAt && !found.post.deletedAt) await hide(scope, tx, found, why);
    const [row] = await sql(
      tx,
      `update review_items set staff_only = true, claimed_by = null, claim_expires_at = null,
              agreed_by = case when ? then ?::int end, agreed_at = case when ? then now() end
        where id = ? returning *`,
      [toStaff, viewer.id, toStaff, locked.id],
    );
    resolved = toReviewItem(row!);
  } else {
    if (decision === 'AGREE') await agree(scope, tx, found, lead, why);
    else if (decision === 'DISAGREE') {
      await markUnhidden(tx, scope.guardian.requireActor(), { post: found.post, thread: found.thread, reason });
    }
    await sql(tx, `update flags set status = ?, decided_at = now() where review_item_id = ? and status = 'OPEN'`, [
      FLAG_STATUS[decision],
      locked.id,
    ]);
    resolved = await closeReviewItem(tx, locked.id, decision, viewer.id, reason);
  }
  const after = (await loadPost(tx, found.post.id))!.post;
  const flaggerIds = [...new Set(flags.map((f) => f.flagger_id))];
  await recordEvent(tx, scope.guardian.requireActor(), {
    name: 'review.resolved',
    subject: ref('review_item', resolved.id),
    related: [
      ref('post', found.post.id),
      ref('thread', found.thread.id),
      ref('member', found.post.authorId),
      ...flaggerIds.map((id) => ref('member', id)),
    ],
    data: {
      itemId: resolved.id,
      kind: resolved.kind,
      postId: found.post.id,
      threadId: found.thread.id,
      authorId: found.post.authorId,
      decision: toStaff ? 'ESCALATE' : decision,
      reason,
      agreedFlaggerIds: decision === 'AGREE' && !toStaff ? flaggerIds : [],
      ...(toStaff ? { agreedBy: viewer.id } : {}),
      before,
      after: stateOf(resolved, after),
    },
  });
  return resolved;
}
