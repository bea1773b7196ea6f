import {
  allow,
  defineRules,
  deny,
  isStaffViewer,
  mayWrite,
  needsReputation,
  readRule,
  type Decision,
  type Viewer,
} from '../../platform/authz/guardian.js';
import { advocatesIn } from '../community/community.policy.js';
import { PRIVILEGES } from '../reputation/privileges.js';
import type { ReviewKind } from './review-item.js';

/** What a review rule needs of an item. */
export interface ReviewTarget {
  kind: ReviewKind;
  /** Null: a held sign-up, or an article without a category. */
  categoryId: number | null;
  staffOnly: boolean;
}

declare module '../../platform/authz/guardian.js' {
  interface Actions {
    /** Opening the review queue and its figures. */
    'review.list': null;
    /** Claiming and deciding one item. */
    'review.act': ReviewTarget;
    /** Reporting a published article to reviewers (the flag privilege). */
    'article.report': null;
  }
}

/**
 * Who reviews (PRODUCT.md capabilities 2 and 3): moderators and admins everything; members with
 * the review-queue privilege every post not escalated to staff; advocates the items of their
 * categories (an advocate without a scope: every category), staff-only ones excepted. Held
 * sign-ups are staff-only from the start; article reports go to staff and the advocates of the
 * article's category (the knowledge base is staff's, advocates curate their categories).
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
      : item.kind === 'HELD_SIGNUP'
        ? deny('Held sign-ups are decided by moderators and administrators.')
        : item.staffOnly
          ? deny('This item was escalated to staff: only moderators can decide it.')
          : advocateOf(viewer!, item.categoryId)
            ? allow()
            : item.kind === 'ARTICLE_REPORT'
              ? deny("Article reports are reviewed by staff and the advocates of the article's category.")
              : viewer!.reputation >= settings.privileges.reviewQueue
                ? allow()
                : deny('Advocates review items in their own categories, and this one is in another.')),

  'article.report': (viewer, _none, settings) =>
    mayWrite(viewer, 'report articles') ??
    needsReputation(viewer!, settings.privileges.flag, 'report articles') ??
    allow(),
});

/** Whether the viewer advocates in the category (no category: only an advocate of every category). */
const advocateOf = (viewer: Viewer, categoryId: number | null): boolean =>
  categoryId === null ? viewer.isAdvocate && viewer.advocateCategoryIds === null : advocatesIn(viewer, categoryId);

/**
 * SQL: the review item aliased `r` is one `viewer` may see in the queue (the SQL form of
 * 'review.act'; a viewer the policy refuses outright never gets here).
 */
export function reviewableSql(viewer: Viewer, reviewQueue: number, r = 'r'): string {
  if (isStaffViewer(viewer)) return 'true';
  const ids = (viewer.advocateCategoryIds ?? []).map(Number).filter(Number.isInteger);
  const advocate = !viewer.isAdvocate
    ? 'false'
    : viewer.advocateCategoryIds === null
      ? 'true'
      : ids.length === 0
        ? 'false'
        : `${r}.category_id in (${ids.join(', ')})`;
  const member = viewer.reputation >= reviewQueue ? `${r}.kind <> 'ARTICLE_REPORT'` : 'false';
  if (member === 'false' && advocate === 'false') return 'false';
  return `not ${r}.staff_only and (${member} or ${advocate})`;
}
