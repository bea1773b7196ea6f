import { isStaffViewer, type Viewer } from '../../platform/authz/guardian.js';
import type { ReputationRules } from './reputation.rules.js';

export type PrivilegeKey = keyof ReputationRules['privileges'];

declare module '../../platform/authz/guardian.js' {
  interface GuardianSettings {
    privileges: ReputationRules['privileges'];
    newMembers: ReputationRules['newMembers'];
  }
}

/** What each privilege lets a member do, in the words a denial and the profile use. */
export const PRIVILEGES: Record<PrivilegeKey, { label: string; doing: string }> = {
  upvote: { label: 'Vote up', doing: 'upvote' },
  flag: { label: 'Flag posts', doing: 'flag posts' },
  downvote: { label: 'Vote down', doing: 'downvote' },
  createTags: { label: 'Create tags', doing: 'create new tags' },
  reviewQueue: { label: 'Review queue', doing: 'use the review queue' },
  editOthers: { label: "Edit others' posts", doing: "edit other members' posts" },
  closeReopen: { label: 'Close and reopen threads', doing: 'close or reopen threads' },
};

export interface PrivilegeStatus {
  key: PrivilegeKey;
  label: string;
  reputation: number;
  held: boolean;
}

/** Every privilege with whether `member` holds it, cheapest first; staff hold them all. */
export function privilegesOf(
  rules: ReputationRules,
  member: { reputation: number; role: Viewer['role'] },
): PrivilegeStatus[] {
  const staff = isStaffViewer(member);
  return (Object.keys(PRIVILEGES) as PrivilegeKey[])
    .map((key) => ({
      key,
      label: PRIVILEGES[key].label,
      reputation: rules.privileges[key],
      held: staff || member.reputation >= rules.privileges[key],
    }))
    .sort((a, b) => a.reputation - b.reputation || a.key.localeCompare(b.key));
}

/**
 * New members (below the upvote privilege and younger than `trustedAfterDays`) post with
 * Discourse's new-user limits: few links, few threads on the first day.
 */
export function isNewMember(
  settings: { privileges: ReputationRules['privileges']; newMembers: ReputationRules['newMembers'] },
  viewer: Viewer,
  now = new Date(),
): boolean {
  if (isStaffViewer(viewer)) return false;
  const ageDays = (now.getTime() - viewer.createdAt.getTime()) / 86_400_000;
  return viewer.reputation < settings.privileges.upvote && ageDays < settings.newMembers.trustedAfterDays;
}
