import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../platform/db/sql.js';
import { NotFoundError } from '../../platform/errors.js';

export type ReviewKind = 'FLAGGED_POST' | 'HIDDEN_POST' | 'EDITED_AFTER_HIDE';
export type ReviewStatus = 'OPEN' | 'RESOLVED';
export type ReviewDecision = 'AGREE' | 'DISAGREE' | 'IGNORE' | 'ESCALATE';

/** A review_items row. */
export interface ReviewItemRow {
  id: number;
  kind: ReviewKind;
  postId: number;
  authorId: number;
  categoryId: number;
  status: ReviewStatus;
  staffOnly: boolean;
  claimedBy: number | null;
  claimExpiresAt: Date | null;
  decision: Exclude<ReviewDecision, 'ESCALATE'> | null;
  decidedBy: number | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  createdAt: Date;
}

const date = (v: unknown): Date | null => (v == null ? null : v instanceof Date ? v : new Date(v as string));

export function toReviewItem(r: Record<string, unknown>): ReviewItemRow {
  return {
    id: r.id as number,
    kind: r.kind as ReviewKind,
    postId: r.post_id as number,
    authorId: r.author_id as number,
    categoryId: r.category_id as number,
    status: r.status as ReviewStatus,
    staffOnly: r.staff_only as boolean,
    claimedBy: (r.claimed_by as number | null) ?? null,
    claimExpiresAt: date(r.claim_expires_at),
    decision: (r.decision as ReviewItemRow['decision']) ?? null,
    decidedBy: (r.decided_by as number | null) ?? null,
    decidedAt: date(r.decided_at),
    decisionReason: (r.decision_reason as string | null) ?? null,
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
