import {
  allow,
  defineRules,
  deny,
  isStaffViewer,
  mayWrite,
  needLogin,
  readRule,
} from '../../platform/authz/guardian.js';

declare module '../../platform/authz/guardian.js' {
  interface Actions {
    /** Seeing whom a question was routed to, and why (staff). */
    'routing.read': null;
    /** Seeing the routing rules (admins). */
    'routing.rule.read': null;
    /** Creating, changing, reordering and deleting routing rules (admins). */
    'routing.rule.manage': null;
  }
}

export const routingRules = defineRules({
  'routing.read': readRule((viewer) =>
    !viewer ? needLogin() : isStaffViewer(viewer) ? allow() : deny('Only staff can see whom a question was routed to.'),
  ),
  'routing.rule.read': readRule((viewer) =>
    !viewer ? needLogin() : viewer.role === 'ADMIN' ? allow() : deny('Only administrators can see routing rules.'),
  ),
  'routing.rule.manage': (viewer) =>
    mayWrite(viewer, 'manage routing rules') ??
    (viewer!.role === 'ADMIN' ? allow() : deny('Only administrators can manage routing rules.')),
});
