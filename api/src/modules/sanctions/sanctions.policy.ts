import {
  allow,
  defineRules,
  deny,
  isStaffViewer,
  mayWrite,
  readRule,
  type Decision,
  type Viewer,
} from '../../platform/authz/guardian.js';

/** The member a sanction or a note is about: who they are and what they administer. */
export interface SanctionTarget {
  id: number;
  role: Viewer['role'];
}

declare module '../../platform/authz/guardian.js' {
  interface Actions {
    /** Silencing or suspending a member. */
    'member.sanction': SanctionTarget;
    'member.liftSanction': SanctionTarget;
    /** Seeing a member's sanction in force: the member and staff. */
    'member.readSanction': { id: number };
    'member.readStaffNotes': null;
    /** Past and present sanctions of members, with who imposed and lifted them. */
    'member.readSanctionHistory': null;
    'member.addStaffNote': SanctionTarget;
    'staffNote.delete': { authorId: number };
  }
}

/**
 * Staff sanction members; only administrators sanction moderators; nobody sanctions an
 * administrator or themselves (Discourse's guardian: staff cannot silence admins).
 */
const maySanction = (viewer: Viewer | null, target: SanctionTarget, doing: string): Decision =>
  mayWrite(viewer, doing) ??
  (!isStaffViewer(viewer)
    ? deny(`Only moderators and administrators can ${doing}.`)
    : target.id === viewer!.id
      ? deny(`You can't ${doing} yourself.`)
      : target.role === 'ADMIN'
        ? deny(`Administrators can't be sanctioned: you can't ${doing} an administrator.`)
        : target.role === 'MODERATOR' && viewer!.role !== 'ADMIN'
          ? deny(`Only an administrator can ${doing} a moderator.`)
          : allow());

export const sanctionRules = defineRules({
  'member.sanction': (viewer, target) => maySanction(viewer, target, 'silence or suspend'),
  'member.liftSanction': (viewer, target) => maySanction(viewer, target, 'lift sanctions on'),
  'member.readSanction': readRule((viewer, member) =>
    viewer?.id === member.id || isStaffViewer(viewer)
      ? allow()
      : deny("Only the member and staff can see a member's sanction."),
  ),
  'member.readStaffNotes': readRule((viewer) =>
    isStaffViewer(viewer) ? allow() : deny('Only moderators and administrators can see staff notes.'),
  ),
  'member.readSanctionHistory': readRule((viewer) =>
    isStaffViewer(viewer) ? allow() : deny("Only moderators and administrators can see a member's sanction history."),
  ),
  'member.addStaffNote': (viewer, target) =>
    mayWrite(viewer, 'add staff notes') ??
    (!isStaffViewer(viewer)
      ? deny('Only moderators and administrators can add staff notes.')
      : target.id === viewer!.id
        ? deny("You can't add a staff note about yourself.")
        : allow()),
  'staffNote.delete': (viewer, note) =>
    mayWrite(viewer, 'delete staff notes') ??
    (isStaffViewer(viewer) && (note.authorId === viewer!.id || viewer!.role === 'ADMIN')
      ? allow()
      : deny('Only the author of a staff note or an administrator can delete it.')),
});
