import { allow, defineRules, deny, isStaffViewer, mayWrite } from '../../platform/authz/guardian.js';

declare module '../../platform/authz/guardian.js' {
  interface Actions {
    /** Upload an avatar for the member with this id. */
    'avatar.change': { memberId: number };
    /** Take the member's uploaded avatar away (back to the generated one). */
    'avatar.remove': { memberId: number };
  }
}

export const avatarRules = defineRules({
  'avatar.change': (viewer, { memberId }) =>
    mayWrite(viewer, 'change your avatar') ??
    (viewer!.id === memberId ? allow() : deny('You can only change your own avatar.')),
  'avatar.remove': (viewer, { memberId }) =>
    mayWrite(viewer, 'remove an avatar') ??
    (viewer!.id === memberId || isStaffViewer(viewer)
      ? allow()
      : deny('Only the member and staff can remove an avatar.')),
});
