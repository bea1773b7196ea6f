import {
  allow,
  defineRules,
  deny,
  isStaffViewer,
  mayWrite,
  readRule,
  type Decision,
  type Viewer,
} from '../../platform/authz/guardian.js';
import { advocatesIn } from '../community/community.policy.js';
import { PRIVILEGES } from '../reputation/privileges.js';

/** What a review rule needs of an item. */
export interface ReviewTarget {
  categoryId: number;
  staffOnly: boolean;
}

declare module '../../platform/authz/guardian.js' {
  interface Actions {
    /** Opening the review queue and its figures. */
    'review.list': null;
    /** Claiming and deciding one item. */
    'review.act': ReviewTarget;
  }
}

/**
 * Who reviews (PRODUCT.md capabilities 2 and 3): moderators and admins everything; members with
 * the review-queue privilege everything not escalated to staff; advocates the items of their
 * categories (an advocate without a scope: every category), staff-only ones excepted.
 */
const reviewer = (viewer: Viewer | null, reviewQueue: number): Decision | null => {
  if (!viewer) return deny('You need to log in to review flagged posts.');
  if (isStaffViewer(viewer) || viewer.isAdvocate || viewer.reputation >= reviewQueue) return null;
  return deny(`You need ${reviewQueue} reputation to ${PRIVILEGES.reviewQueue.doing}; you have ${viewer.reputation}.`);
};

export const moderationRules = defineRules({
  'review.list': readRule((viewer, _none, settings) => reviewer(viewer, settings.privileges.reviewQueue) ?? allow()),

  'review.act': (viewer, item, settings) =>
    mayWrite(viewer, 'review flagged posts') ??
    reviewer(viewer, settings.privileges.reviewQueue) ??
    (isStaffViewer(viewer!)
      ? allow()
      : item.staffOnly
        ? deny('This item was escalated to staff: only moderators can decide it.')
        : viewer!.reputation >= settings.privileges.reviewQueue || advocatesIn(viewer!, item.categoryId)
          ? allow()
          : deny('Advocates review items in their own categories, and this one is in another.')),
});

/**
 * SQL: the review item aliased `r` is one `viewer` may see in the queue (the SQL form of
 * 'review.act'; a viewer the policy refuses outright never gets here).
 */
export function reviewableSql(viewer: Viewer, reviewQueue: number, r = 'r'): string {
  if (isStaffViewer(viewer)) return 'true';
  if (viewer.reputation >= reviewQueue) return `not ${r}.staff_only`;
  if (viewer.isAdvocate && viewer.advocateCategoryIds === null) return `not ${r}.staff_only`;
  const ids = (viewer.advocateCategoryIds ?? []).map(Number).filter(Number.isInteger);
  if (!viewer.isAdvocate || ids.length === 0) return 'false';
  return `not ${r}.staff_only and ${r}.category_id in (${ids.join(', ')})`;
}
