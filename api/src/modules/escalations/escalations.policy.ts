import { allow, defineRules, deny, isStaffViewer, mayWrite, readRule } from '../../platform/authz/guardian.js';
import type { ModuleDefinition } from '../../platform/module.js';
import { advocatesIn } from '../community/community.policy.js';

declare module '../../platform/authz/guardian.js' {
  interface Actions {
    /** Asking for staff on a thread ("needs staff"): its asker, an advocate of its category, or staff. */
    'escalation.request': { askerId: number; categoryId: number };
    /** Reading the escalation queue and escalations in full. */
    'escalation.read': null;
    /** Changing an escalation's status, posting its resolution. */
    'escalation.manage': null;
    /** Recording the CRM's case (id, URL, status, resolution): staff, or a service with cases:write. */
    'escalation.updateCase': null;
  }
}

/** A CRM with the `cases:write` scope records its cases' ids and statuses; nothing else here. */
export const escalationServiceScopes = {
  'cases:write': ['escalation.updateCase'],
} satisfies NonNullable<ModuleDefinition['serviceScopes']>;

export const escalationRules = defineRules({
  'escalation.request': (viewer, thread) =>
    mayWrite(viewer, 'ask for staff') ??
    (isStaffViewer(viewer) || viewer!.id === thread.askerId || advocatesIn(viewer!, thread.categoryId)
      ? allow()
      : deny('Only the asker, an advocate or staff can ask for staff on this thread.')),
  'escalation.read': readRule((viewer) =>
    isStaffViewer(viewer) ? allow() : deny('Only moderators and administrators can see escalations.'),
  ),
  'escalation.manage': (viewer) =>
    mayWrite(viewer, 'work on escalations') ??
    (isStaffViewer(viewer) ? allow() : deny('Only moderators and administrators can work on escalations.')),
  'escalation.updateCase': (viewer, _r, _s, service) =>
    service
      ? allow()
      : (mayWrite(viewer, 'update a case') ??
        (isStaffViewer(viewer) ? allow() : deny('Only staff and the CRM can update an escalation’s case.'))),
});
