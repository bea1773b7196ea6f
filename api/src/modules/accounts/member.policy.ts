import { allow, defineRules, deny, isStaffViewer } from '../../platform/authz/guardian.js';
import type { Member } from './member.entity.js';

declare module '../../platform/authz/guardian.js' {
  interface Actions {
    'member.readEmail': Member;
  }
}

export const memberRules = defineRules({
  'member.readEmail': (viewer, member) =>
    viewer?.id === member.id || isStaffViewer(viewer)
      ? allow()
      : deny("Only the member and staff can see a member's email."),
});
