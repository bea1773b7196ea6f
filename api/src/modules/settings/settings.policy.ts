import { allow, defineRules, deny, mayWrite, readRule } from '../../platform/authz/guardian.js';

declare module '../../platform/authz/guardian.js' {
  interface Actions {
    /** Seeing the runtime settings with their defaults. */
    'settings.read': null;
    'settings.update': null;
  }
}

export const settingsRules = defineRules({
  'settings.read': readRule((viewer) =>
    viewer?.role === 'ADMIN' ? allow() : deny('Only administrators can see the site settings.'),
  ),
  'settings.update': (viewer) =>
    mayWrite(viewer, 'change the site settings') ??
    (viewer!.role === 'ADMIN' ? allow() : deny('Only administrators can change the site settings.')),
});
