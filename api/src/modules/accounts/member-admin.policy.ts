import { allow, defineRules, deny, isStaffViewer, mayWrite } from '../../platform/authz/guardian.js';
import type { Member, Role } from './member.entity.js';

declare module '../../platform/authz/guardian.js' {
  interface Actions {
    /**
     * The members list of the admin area (search by handle, filters). `mayWrite` here only asks
     * for a log-in. These two are reads but not marked readRule yet: the silence's test lists the
     * reads and belongs to the sanctions module; until that list has them, a silenced staff
     * member is refused them too.
     */
    'member.list': null;
    /** Finding a member by email address: administrators only. */
    'member.searchByEmail': null;
    /** Making a member a moderator or an administrator, or a member again. */
    'member.setRole': { member: Pick<Member, 'id' | 'role'>; role: Role };
  }
}

export const memberAdminRules = defineRules({
  'member.list': (viewer) =>
    mayWrite(viewer, 'list members') ??
    (isStaffViewer(viewer) ? allow() : deny('Only moderators and administrators can list members.')),
  'member.searchByEmail': (viewer) =>
    mayWrite(viewer, 'search members') ??
    (viewer?.role === 'ADMIN'
      ? allow()
      : deny('Only administrators can search members by email: search by handle instead.')),
  'member.setRole': (viewer, { member }) =>
    mayWrite(viewer, 'change roles') ??
    (viewer?.role !== 'ADMIN'
      ? deny('Only administrators can change roles.')
      : viewer.id === member.id
        ? deny("You can't change your own role: ask another administrator.")
        : allow()),
});
