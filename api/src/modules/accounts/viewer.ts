import type { Viewer } from '../../platform/authz/guardian.js';
import type { Member } from './member.entity.js';

/** The fields of a member the guardian decides with. */
export const viewerOf = (member: Member): Viewer => ({
  id: member.id,
  handle: member.handle,
  role: member.role,
  reputation: member.reputation,
  createdAt: member.createdAt,
  isAdvocate: member.isAdvocate,
  advocateCategoryIds: member.advocateCategoryIds,
  suspendedUntil: member.suspendedUntil,
});
