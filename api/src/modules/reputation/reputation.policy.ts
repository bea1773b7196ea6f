import { allow, defineRules, deny, mayWrite } from '../../platform/authz/guardian.js';

declare module '../../platform/authz/guardian.js' {
  interface Actions {
    /** Staff corrections to a member's reputation. */
    'reputation.adjust': null;
    /** Checking every cached total against the ledger. */
    'reputation.audit': null;
  }
}

export const reputationRules = defineRules({
  'reputation.adjust': (viewer) =>
    mayWrite(viewer, 'adjust reputation') ??
    (viewer?.role === 'ADMIN' ? allow() : deny('Only administrators can adjust reputation.')),
  'reputation.audit': (viewer) =>
    mayWrite(viewer, 'audit reputation') ??
    (viewer?.role === 'ADMIN' ? allow() : deny('Only administrators can audit reputation.')),
});
