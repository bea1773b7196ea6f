import type { ModuleDefinition } from '../../platform/module.js';
import { integrationsRules } from './integrations.policy.js';
import { SERVICE_TOKEN_PREFIX, serviceForToken } from './service-tokens.js';
import { ServiceTokenResolver } from './service-tokens.resolver.js';

/**
 * Integrations: service tokens administrators issue, the service actor a token makes of a
 * request, and the event feed integrations follow.
 */
export const integrationsModule: ModuleDefinition = {
  name: 'integrations',
  resolvers: [ServiceTokenResolver],
  rules: integrationsRules,
  authenticateService: { prefix: SERVICE_TOKEN_PREFIX, authenticate: serviceForToken },
  serviceScopes: { 'events:read': ['event.feed'] },
};
