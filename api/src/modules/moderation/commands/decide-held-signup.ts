import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../../platform/db/sql.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import type { Scope } from '../../../platform/scope.js';
import { approveMember } from '../../accounts/commands/approve-member.js';
import { lockTarget } from '../../sanctions/sanction-target.js';
import { insertSanction } from '../../sanctions/sanction-writes.js';
import type { ReviewState } from '../moderation.events.js';
import {
  closeReviewItem,
  ensureOpenFor,
  loadReviewItem,
  type ReviewDecision,
  type ReviewItemRow,
} from '../review-item.js';

/** What a rejected sign-up is told when staff give no reason. */
export const REJECTED_SIGNUP_REASON = 'Your sign-up was not approved by the moderators.';

async function memberState(tx: EntityManager, item: ReviewItemRow): Promise<ReviewState> {
  const [m] = await sql<{ held: boolean; suspended: boolean }>(
    tx,
    `select held_at is not null and approved_at is null as held,
            exists (select 1 from active_member_sanctions a where a.member_id = m.id and a.kind = 'SUSPEND') as suspended
       from members m where m.id = ?`,
    [item.authorId],
  );
  return { status: item.status, staffOnly: item.staffOnly, held: !!m?.held, suspended: !!m?.suspended };
}

/**
 * Staff decide a sign-up held by the per-network rule (accounts/signup-limits.ts). AGREE
 * approves it with the accounts module's approveMember (the member can log in; an approval made
 * meanwhile is its CONFLICT); DISAGREE rejects it: the account is suspended until staff lift it,
 * through the sanctions module's writer, so the rejection and its reason are on the member's
 * record and in the audit log (the sanctions commands cap an end at 365 days; a rejection has
 * none); IGNORE closes the item and leaves the sign-up held (it stays in the held sign-ups
 * list). Locks the member, then the item.
 */
export async function decideHeldSignup(
  scope: Scope,
  item: ReviewItemRow,
  decision: ReviewDecision,
  reason: string | null,
  tx: EntityManager,
): Promise<ReviewItemRow> {
  const viewer = scope.guardian.requireViewer();
  const actor = scope.guardian.requireActor();
  const target = await lockTarget(tx, item.authorId!);
  const locked = await loadReviewItem(tx, item.id, { lock: true });
  scope.guardian.ensureCan('review.act', locked);
  await ensureOpenFor(tx, locked, viewer.id);
  const before = await memberState(tx, locked);

  if (decision === 'AGREE') {
    await approveMember({ ...scope, em: tx }, target.id);
  } else if (decision === 'DISAGREE') {
    scope.guardian.ensureCan('member.sanction', target);
    await insertSanction(tx, actor, {
      memberId: target.id,
      kind: 'SUSPEND',
      until: null,
      reason: reason ?? REJECTED_SIGNUP_REASON,
      imposedBy: viewer.id,
    });
  }
  const resolved = await closeReviewItem(
    tx,
    locked.id,
    decision as Exclude<ReviewDecision, 'ESCALATE'>,
    viewer.id,
    reason,
  );
  await recordEvent(tx, actor, {
    name: 'review.resolved',
    subject: ref('review_item', resolved.id),
    related: [ref('member', target.id)],
    data: {
      itemId: resolved.id,
      kind: resolved.kind,
      postId: null,
      threadId: null,
      authorId: null,
      memberId: target.id,
      decision,
      reason,
      agreedFlaggerIds: [],
      before,
      after: await memberState(tx, resolved),
    },
  });
  return resolved;
}
