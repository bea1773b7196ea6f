import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../platform/errors.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import type { Scope } from '../../../platform/scope.js';
import { removePost } from '../../community/commands/delete-post.js';
import { markHidden, markUnhidden } from '../../community/commands/hide-post.js';
import { RemovalReason } from '../../community/post.entity.js';
import { loadPost, type PostInContext } from '../../community/visibility.js';
import { leadingReason, REMOVING_REASONS, type FlagReasonKey } from '../flag.rules.js';
import '../moderation.events.js';
import {
  handleOf,
  heldByAnother,
  loadReviewItem,
  toReviewItem,
  type ReviewDecision,
  type ReviewItemRow,
} from '../review-item.js';

const MAX_REASON = 500;

const FLAG_STATUS: Record<Exclude<ReviewDecision, 'ESCALATE'>, string> = {
  AGREE: 'AGREED',
  DISAGREE: 'DISAGREED',
  IGNORE: 'IGNORED',
};

/** Why a decision cannot be taken now: the item is decided, or another reviewer holds it. */
async function ensureOpenFor(tx: EntityManager, item: ReviewItemRow, memberId: number): Promise<void> {
  if (item.status !== 'OPEN') {
    throw new ConflictError(
      `This item was already decided: ${item.decision} by ${await handleOf(tx, item.decidedBy)} at ` +
        `${item.decidedAt!.toISOString()}.`,
    );
  }
  if (heldByAnother(item, memberId)) {
    throw new ConflictError(
      `${await handleOf(tx, item.claimedBy)} is reviewing this item until ${item.claimExpiresAt!.toISOString()}.`,
    );
  }
}

/**
 * AGREE: the flags were right. Spam and abuse (the flags' leading reason) are removed with the
 * removal command, so its reputation penalty applies, when the reviewer may remove posts
 * (staff); otherwise, and for other reasons, the post stays hidden (hidden now if it was not).
 */
async function agree(scope: Scope, tx: EntityManager, found: PostInContext, reasons: FlagReasonKey[], why: string) {
  const { post, thread } = found;
  if (post.deletedAt) return;
  const lead = leadingReason(reasons);
  if (lead && REMOVING_REASONS.has(lead) && scope.guardian.can('post.remove', { post, thread })) {
    const reason = lead === 'SPAM' ? RemovalReason.SPAM : RemovalReason.ABUSE;
    await removePost({ ...scope, em: tx }, { postId: post.id, reason });
    return;
  }
  await markHidden(tx, scope.guardian.requireActor(), {
    post,
    thread,
    byId: scope.guardian.requireViewer().id,
    reason: why,
  });
}

/**
 * A reviewer decides an item. Locks the post (and thread), then the item, the order every
 * command takes them; a decided item or another's unexpired claim is CONFLICT saying who did
 * what. AGREE hides or removes the post and counts its flags agreed (the flaggers' accuracy
 * rises; Helpful Flagger follows); DISAGREE shows it again and counts them disagreed; IGNORE
 * closes the item, leaving the post and accuracy alone; ESCALATE hands it to staff (it stays
 * open, unclaimed). Records `review.resolved` with before and after.
 */
export async function resolveReviewItem(
  scope: Scope,
  input: { itemId: number; decision: ReviewDecision; reason?: string | null },
): Promise<ReviewItemRow> {
  const viewer = scope.guardian.requireViewer();
  const actor = scope.guardian.requireActor();
  const item = await loadReviewItem(scope.em, input.itemId);
  scope.guardian.ensureCan('review.act', item);
  const reason = input.reason?.trim() || null;
  if (reason && reason.length > MAX_REASON) throw new ValidationError({ reason: `At most ${MAX_REASON} characters.` });
  if (input.decision === 'ESCALATE' && item.staffOnly) {
    throw new ConflictError('This item is already with staff.');
  }

  return transact(scope.em, async (tx) => {
    const found = await loadPost(tx, item.postId, { lock: true });
    if (!found) throw new NotFoundError('Review item');
    const locked = await loadReviewItem(tx, item.id, { lock: true });
    scope.guardian.ensureCan('review.act', locked);
    await ensureOpenFor(tx, locked, viewer.id);
    const before = {
      status: locked.status,
      staffOnly: locked.staffOnly,
      hidden: !!found.post.hiddenAt,
      deleted: !!found.post.deletedAt,
    };
    const flags = await sql<{ flagger_id: number; reason: FlagReasonKey }>(
      tx,
      `select flagger_id, reason from flags where review_item_id = ? and status = 'OPEN' order by id`,
      [locked.id],
    );

    let row: Record<string, unknown>;
    if (input.decision === 'ESCALATE') {
      [row] = (await sql(
        tx,
        `update review_items set staff_only = true, claimed_by = null, claim_expires_at = null
          where id = ? returning *`,
        [locked.id],
      )) as [Record<string, unknown>];
    } else {
      if (input.decision === 'AGREE') {
        const why =
          reason ?? `Reviewers agreed with the flags (${leadingReason(flags.map((f) => f.reason)) ?? 'hidden'}).`;
        await agree(
          scope,
          tx,
          found,
          flags.map((f) => f.reason),
          why,
        );
      } else if (input.decision === 'DISAGREE') {
        await markUnhidden(tx, actor, { post: found.post, thread: found.thread, reason });
      }
      await sql(tx, `update flags set status = ?, decided_at = now() where review_item_id = ? and status = 'OPEN'`, [
        FLAG_STATUS[input.decision],
        locked.id,
      ]);
      [row] = (await sql(
        tx,
        `update review_items set status = 'RESOLVED', decision = ?, decided_by = ?, decided_at = now(),
                decision_reason = ?, claimed_by = null, claim_expires_at = null
          where id = ? returning *`,
        [input.decision, viewer.id, reason, locked.id],
      )) as [Record<string, unknown>];
    }
    const after = (await loadPost(tx, found.post.id))!.post;
    const resolved = toReviewItem(row);
    const flaggerIds = [...new Set(flags.map((f) => f.flagger_id))];
    await recordEvent(tx, actor, {
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
        decision: input.decision,
        reason,
        agreedFlaggerIds: input.decision === 'AGREE' ? flaggerIds : [],
        before,
        after: {
          status: resolved.status,
          staffOnly: resolved.staffOnly,
          hidden: !!after.hiddenAt,
          deleted: !!after.deletedAt,
        },
      },
    });
    return resolved;
  });
}
