import { allow, defineRules, deny, isStaffViewer, mayWrite, readRule } from '../../platform/authz/guardian.js';

declare module '../../platform/authz/guardian.js' {
  interface Actions {
    /** Reading the event log (the audit trail) and where each subscriber stands. */
    'event.read': null;
    /** Delivering events to a subscriber again from a point (a reindex, a webhook replay). */
    'event.replay': null;
  }
}

export const auditRules = defineRules({
  'event.read': readRule((viewer) => (isStaffViewer(viewer) ? allow() : deny('Only staff can read the event log.'))),
  'event.replay': (viewer) =>
    mayWrite(viewer, 'replay events') ??
    (viewer?.role === 'ADMIN' ? allow() : deny('Only administrators can replay events.')),
});
