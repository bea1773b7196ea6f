import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../platform/db/sql.js';
import { ConflictError, NotFoundError } from '../../platform/errors.js';

export type ReviewKind = 'FLAGGED_POST' | 'HIDDEN_POST' | 'EDITED_AFTER_HIDE' | 'HELD_SIGNUP' | 'ARTICLE_REPORT';

/** The kinds about a post (every other kind has no post). */
export const POST_KINDS: ReadonlySet<ReviewKind> = new Set(['FLAGGED_POST', 'HIDDEN_POST', 'EDITED_AFTER_HIDE']);
export type ReviewStatus = 'OPEN' | 'RESOLVED';
export type ReviewDecision = 'AGREE' | 'DISAGREE' | 'IGNORE' | 'ESCALATE';

/**
 * A review_items row. Its subject by kind (the table's check): a post (postId, its authorId and
 * categoryId), a held member (HELD_SIGNUP: authorId), or an article (ARTICLE_REPORT: articleId,
 * categoryId when the article has one).
 */
export interface ReviewItemRow {
  id: number;
  kind: ReviewKind;
  postId: number | null;
  authorId: number | null;
  articleId: number | null;
  categoryId: number | null;
  status: ReviewStatus;
  staffOnly: boolean;
  claimedBy: number | null;
  claimExpiresAt: Date | null;
  decision: Exclude<ReviewDecision, 'ESCALATE'> | null;
  decidedBy: number | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  /** A member reviewer who agreed with spam or abuse flags, handing the removal to staff. */
  agreedBy: number | null;
  agreedAt: Date | null;
  createdAt: Date;
}

const date = (v: unknown): Date | null => (v == null ? null : v instanceof Date ? v : new Date(v as string));

export function toReviewItem(r: Record<string, unknown>): ReviewItemRow {
  return {
    id: r.id as number,
    kind: r.kind as ReviewKind,
    postId: (r.post_id as number | null) ?? null,
    authorId: (r.author_id as number | null) ?? null,
    articleId: (r.article_id as number | null) ?? null,
    categoryId: (r.category_id as number | null) ?? null,
    status: r.status as ReviewStatus,
    staffOnly: r.staff_only as boolean,
    claimedBy: (r.claimed_by as number | null) ?? null,
    claimExpiresAt: date(r.claim_expires_at),
    decision: (r.decision as ReviewItemRow['decision']) ?? null,
    decidedBy: (r.decided_by as number | null) ?? null,
    decidedAt: date(r.decided_at),
    decisionReason: (r.decision_reason as string | null) ?? null,
    agreedBy: (r.agreed_by as number | null) ?? null,
    agreedAt: date(r.agreed_at),
    createdAt: date(r.created_at)!,
  };
}

/** One review item (locked FOR UPDATE with `lock`), or NOT_FOUND. */
export async function loadReviewItem(
  em: EntityManager,
  id: number,
  opts: { lock?: boolean } = {},
): Promise<ReviewItemRow> {
  const [row] = await sql(em, `select * from review_items where id = ? ${opts.lock ? 'for update' : ''}`, [id]);
  if (!row) throw new NotFoundError('Review item');
  return toReviewItem(row);
}

/** Whether someone other than `memberId` holds an unexpired claim on the item. */
export const heldByAnother = (item: ReviewItemRow, memberId: number, now = new Date()): boolean =>
  item.claimedBy !== null && item.claimedBy !== memberId && !!item.claimExpiresAt && item.claimExpiresAt > now;

/** "@handle" of a member, for CONFLICT messages that say who holds or decided an item. */
export async function handleOf(em: EntityManager, memberId: number | null): Promise<string> {
  if (memberId === null) return 'the system';
  const [row] = await sql<{ handle: string }>(em, 'select handle from members where id = ?', [memberId]);
  return row ? `@${row.handle}` : 'a former member';
}

/**
 * Closes an open item with a decision (flags or reports are the caller's): unclaimed, decided by
 * `deciderId` now, for `reason`. Returns the fresh row.
 */
export async function closeReviewItem(
  tx: EntityManager,
  itemId: number,
  decision: Exclude<ReviewDecision, 'ESCALATE'>,
  deciderId: number | null,
  reason: string | null,
): Promise<ReviewItemRow> {
  const [row] = await sql(
    tx,
    `update review_items set status = 'RESOLVED', decision = ?, decided_by = ?, decided_at = now(),
            decision_reason = ?, claimed_by = null, claim_expires_at = null
      where id = ? returning *`,
    [decision, deciderId, reason, itemId],
  );
  return toReviewItem(row!);
}

/** Why a decision cannot be taken now: the item is decided, or another reviewer holds it. */
export async function ensureOpenFor(tx: EntityManager, item: ReviewItemRow, memberId: number): Promise<void> {
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
