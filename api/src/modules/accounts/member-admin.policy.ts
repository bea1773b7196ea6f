import { allow, defineRules, deny, isStaffViewer, mayWrite, readRule } from '../../platform/authz/guardian.js';
import type { Member, Role } from './member.entity.js';

declare module '../../platform/authz/guardian.js' {
  interface Actions {
    /** The members list of the admin area (search by handle, filters). */
    'member.list': null;
    /** Finding a member by email address: administrators only. */
    'member.searchByEmail': null;
    /** Making a member a moderator or an administrator, or a member again. */
    'member.setRole': { member: Pick<Member, 'id' | 'role'>; role: Role };
  }
}

export const memberAdminRules = defineRules({
  // Reads (a silenced moderator may still look members up); `mayWrite` only asks for a log-in.
  'member.list': readRule(
    (viewer) =>
      mayWrite(viewer, 'list members') ??
      (isStaffViewer(viewer) ? allow() : deny('Only moderators and administrators can list members.')),
  ),
  'member.searchByEmail': readRule(
    (viewer) =>
      mayWrite(viewer, 'search members') ??
      (viewer?.role === 'ADMIN'
        ? allow()
        : deny('Only administrators can search members by email: search by handle instead.')),
  ),
  'member.setRole': (viewer, { member }) =>
    mayWrite(viewer, 'change roles') ??
    (viewer?.role !== 'ADMIN'
      ? deny('Only administrators can change roles.')
      : viewer.id === member.id
        ? deny("You can't change your own role: ask another administrator.")
        : allow()),
});
