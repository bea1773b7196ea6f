import { transact } from '../../../platform/db/transact.js';
import { ConflictError, ValidationError } from '../../../platform/errors.js';
import type { Scope } from '../../../platform/scope.js';
import '../moderation.events.js';
import { loadReviewItem, type ReviewDecision, type ReviewItemRow } from '../review-item.js';
import { decideArticleReport } from './decide-article-report.js';
import { decideHeldSignup } from './decide-held-signup.js';
import { decidePostItem } from './decide-post-item.js';

const MAX_REASON = 500;

/**
 * A reviewer decides an item, in one transaction, by its kind: a post's (decide-post-item.ts),
 * a held sign-up (decide-held-signup.ts) or an article report (decide-article-report.ts). Each
 * locks its subject, then the item, and refuses a decided item or another's claim with
 * CONFLICT; each records `review.resolved` with before and after.
 */
export async function resolveReviewItem(
  scope: Scope,
  input: { itemId: number; decision: ReviewDecision; reason?: string | null },
): Promise<ReviewItemRow> {
  const item = await loadReviewItem(scope.em, input.itemId);
  scope.guardian.ensureCan('review.act', item);
  const reason = input.reason?.trim() || null;
  if (reason && reason.length > MAX_REASON) throw new ValidationError({ reason: `At most ${MAX_REASON} characters.` });
  if (input.decision === 'ESCALATE' && item.kind === 'HELD_SIGNUP') {
    throw new ValidationError({ decision: 'Held sign-ups are decided by staff already: approve or reject them.' });
  }
  if (input.decision === 'ESCALATE' && item.staffOnly) throw new ConflictError('This item is already with staff.');

  return transact(scope.em, (tx) => {
    if (item.kind === 'HELD_SIGNUP') return decideHeldSignup(scope, item, input.decision, reason, tx);
    if (item.kind === 'ARTICLE_REPORT') return decideArticleReport(scope, item, input.decision, reason, tx);
    return decidePostItem(scope, item, input.decision, reason, tx);
  });
}
