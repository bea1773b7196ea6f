import { allow, defineRules, deny, mayWrite, needLogin, readRule } from '../../platform/authz/guardian.js';

declare module '../../platform/authz/guardian.js' {
  interface Actions {
    /** Seeing the service tokens (names, scopes, last use; never a secret). */
    'serviceToken.read': null;
    /** Creating, rotating and revoking service tokens. */
    'serviceToken.manage': null;
    /** Following the domain event log from a cursor (integrations with `events:read`, and administrators). */
    'event.feed': null;
  }
}

export const integrationsRules = defineRules({
  'serviceToken.read': readRule((viewer) =>
    !viewer
      ? needLogin('You need to log in to see the service tokens.')
      : viewer.role === 'ADMIN'
        ? allow()
        : deny('Only administrators can see the service tokens.'),
  ),
  'serviceToken.manage': (viewer) =>
    mayWrite(viewer, 'manage service tokens') ??
    (viewer!.role === 'ADMIN' ? allow() : deny('Only administrators can manage service tokens.')),
  // The guardian runs this for a service only when its token's scopes grant the feed
  // (serviceScopes below): the administrator who created the token trusted it with the log.
  'event.feed': readRule((viewer, _resource, _settings, service) =>
    service || viewer?.role === 'ADMIN'
      ? allow()
      : !viewer
        ? needLogin('You need to log in to read the event feed.')
        : deny('Only administrators and service tokens with the "events:read" scope can read the event feed.'),
  ),
});
