import { allow, defineRules, deny, mayWrite, readRule } from '../../platform/authz/guardian.js';

declare module '../../platform/authz/guardian.js' {
  interface Actions {
    /** Seeing webhook endpoints and their delivery logs. */
    'webhook.read': null;
    /** Creating, changing, disabling, deleting endpoints, rotating secrets, replaying deliveries. */
    'webhook.manage': null;
  }
}

export const webhookRules = defineRules({
  'webhook.read': readRule((viewer) =>
    viewer?.role === 'ADMIN' ? allow() : deny('Only administrators can see webhooks.'),
  ),
  'webhook.manage': (viewer) =>
    mayWrite(viewer, 'manage webhooks') ??
    (viewer!.role === 'ADMIN' ? allow() : deny('Only administrators can manage webhooks.')),
});
