import { allow, defineRules, deny, isStaffViewer, mayWrite } from '../../platform/authz/guardian.js';

declare module '../../platform/authz/guardian.js' {
  interface Actions {
    /** Granting and revoking advocate status, and reading its audit trail. */
    'member.manageAdvocates': null;
  }
}

export const advocateRules = defineRules({
  'member.manageAdvocates': (viewer) =>
    mayWrite(viewer, 'manage advocates') ??
    (isStaffViewer(viewer) ? allow() : deny('Only staff can grant or revoke advocate status.')),
});
