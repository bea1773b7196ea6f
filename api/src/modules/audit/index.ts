import type { ModuleDefinition } from '../../platform/module.js';
import { auditRules } from './audit.policy.js';
import { EventLogResolver } from './event-log.resolver.js';

/** The event log read as an audit trail, and the subscribers' delivery status, for staff. */
export const auditModule: ModuleDefinition = {
  name: 'audit',
  resolvers: [EventLogResolver],
  rules: auditRules,
};
