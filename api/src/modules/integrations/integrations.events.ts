import type { ServiceScope } from '../../platform/authz/actor.js';

/** What the integrations module announces; subject is the token (`service_token:id`). */
declare module '../../platform/events/events.js' {
  interface EventData {
    'service_token.created': { name: string; scopes: ServiceScope[] };
    'service_token.rotated': { name: string };
    'service_token.revoked': { name: string };
  }
}

export {};
