import type { Viewer } from '../../platform/authz/guardian.js';
import { silenceOf, type ActiveSanction } from '../sanctions/active-sanctions.js';
import type { Member } from './member.entity.js';

/** The fields of a member the guardian decides with, and the sanctions in force on them. */
export const viewerOf = (member: Member, sanctions: ActiveSanction[]): Viewer => ({
  id: member.id,
  handle: member.handle,
  role: member.role,
  reputation: member.reputation,
  createdAt: member.createdAt,
  isAdvocate: member.isAdvocate,
  advocateCategoryIds: member.advocateCategoryIds,
  silence: silenceOf(sanctions),
});
