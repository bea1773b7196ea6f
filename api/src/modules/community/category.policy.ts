import { allow, defineRules, deny, mayWrite } from '../../platform/authz/guardian.js';

declare module '../../platform/authz/guardian.js' {
  interface Actions {
    /**
     * Reading the admin area's categories page (every category, with its settings). Not marked
     * a read (readRule) yet: the silence's test lists the reads and belongs to the sanctions
     * module; until that list has it, a silenced administrator is refused this page too.
     */
    'category.administer': null;
  }
}

export const categoryRules = defineRules({
  // mayWrite here only asks a visitor to log in.
  'category.administer': (viewer) =>
    mayWrite(viewer, 'manage categories') ??
    (viewer?.role === 'ADMIN' ? allow() : deny('Only administrators can manage categories.')),
});
