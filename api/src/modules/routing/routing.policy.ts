import { allow, defineRules, deny, isStaffViewer, needLogin, readRule } from '../../platform/authz/guardian.js';

declare module '../../platform/authz/guardian.js' {
  interface Actions {
    /** Seeing whom a question was routed to, and why (staff). */
    'routing.read': null;
  }
}

export const routingRules = defineRules({
  'routing.read': readRule((viewer) =>
    !viewer ? needLogin() : isStaffViewer(viewer) ? allow() : deny('Only staff can see whom a question was routed to.'),
  ),
});
