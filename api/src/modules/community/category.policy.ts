import { allow, defineRules, deny, mayWrite, readRule } from '../../platform/authz/guardian.js';

declare module '../../platform/authz/guardian.js' {
  interface Actions {
    /** Reading the admin area's categories page (every category, with its settings). */
    'category.administer': null;
  }
}

export const categoryRules = defineRules({
  // A read; mayWrite here only asks a visitor to log in.
  'category.administer': readRule(
    (viewer) =>
      mayWrite(viewer, 'manage categories') ??
      (viewer?.role === 'ADMIN' ? allow() : deny('Only administrators can manage categories.')),
  ),
});
