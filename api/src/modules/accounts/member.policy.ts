import { allow, defineRules, deny, isStaffViewer, mayWrite, readRule } from '../../platform/authz/guardian.js';
import type { Member } from './member.entity.js';

declare module '../../platform/authz/guardian.js' {
  interface Actions {
    'member.readEmail': Member;
    /** List sign-ups held for approval, and approve them. */
    'member.approve': null;
  }
}

export const memberRules = defineRules({
  'member.readEmail': readRule((viewer, member) =>
    viewer?.id === member.id || isStaffViewer(viewer)
      ? allow()
      : deny("Only the member and staff can see a member's email."),
  ),
  'member.approve': (viewer) =>
    mayWrite(viewer, 'review held sign-ups') ??
    (isStaffViewer(viewer) ? allow() : deny('Only moderators and administrators can review held sign-ups.')),
});
