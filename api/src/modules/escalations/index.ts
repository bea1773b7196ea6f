import type { ModuleDefinition } from '../../platform/module.js';
import { refreshPrioritiesJob, scanUnansweredJob } from './escalations.jobs.js';
import { escalationRules, escalationServiceScopes } from './escalations.policy.js';
import {
  CategoryAnswerTargetResolver,
  EscalationResolver,
  escalationLoaders,
  ThreadEscalationResolver,
} from './escalations.resolver.js';
import { applyCrmCaseUpdates } from './subscribers/crm-case-updated.js';
import { escalateNegativeUrgent } from './subscribers/negative-urgent.js';

/**
 * Escalation to cases (issue 14 point 7): a thread unanswered past its category's target time,
 * flagged "needs staff" by its asker, an advocate or staff, or with a strongly negative, urgent
 * post from a valuable customer becomes an escalation with an explained priority and an SLA;
 * staff work the queue, the CRM gets it as a case (webhooks `escalation.created/updated`) and
 * sends the case's status back (`case.updated` at POST /webhooks/crm), shown live to the asker;
 * the resolution can be posted as a staff answer.
 */
export const escalationsModule: ModuleDefinition = {
  name: 'escalations',
  resolvers: [EscalationResolver, ThreadEscalationResolver, CategoryAnswerTargetResolver],
  rules: escalationRules,
  serviceScopes: escalationServiceScopes,
  loaders: escalationLoaders,
  subscribers: [escalateNegativeUrgent, applyCrmCaseUpdates],
  jobs: [scanUnansweredJob, refreshPrioritiesJob] as NonNullable<ModuleDefinition['jobs']>,
};
