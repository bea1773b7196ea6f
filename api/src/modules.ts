import { accountsModule } from './modules/accounts/index.js';
import { advocatesModule } from './modules/advocates/index.js';
import { avatarsModule } from './modules/avatars/index.js';
import { auditModule } from './modules/audit/index.js';
import { badgesModule } from './modules/badges/index.js';
import { communityModule } from './modules/community/index.js';
import { composerModule } from './modules/composer/index.js';
import { integrationsModule } from './modules/integrations/index.js';
import { insightsModule } from './modules/insights/index.js';
import { customersModule } from './modules/customers/index.js';
import { escalationsModule } from './modules/escalations/index.js';
import { knowledgeModule } from './modules/knowledge/index.js';
import { liveModule } from './modules/live/index.js';
import { moderationModule } from './modules/moderation/index.js';
import { notificationsModule } from './modules/notifications/index.js';
import { reputationModule } from './modules/reputation/index.js';
import { routingModule } from './modules/routing/index.js';
import { sanctionsModule } from './modules/sanctions/index.js';
import { searchModule } from './modules/search/index.js';
import { settingsModule } from './modules/settings/index.js';
import { webhooksModule } from './modules/webhooks/index.js';
import { pruneIdempotencyKeysJob } from './platform/idempotency.js';
import { assemble, type ModuleDefinition } from './platform/module.js';

/** The modules of this API, and the one place that names them. */
export const modules = [
  accountsModule,
  communityModule,
  reputationModule,
  badgesModule,
  advocatesModule,
  knowledgeModule,
  auditModule,
  searchModule,
  moderationModule,
  sanctionsModule,
  settingsModule,
  liveModule,
  composerModule,
  notificationsModule,
  routingModule,
  avatarsModule,
  integrationsModule,
  insightsModule,
  webhooksModule,
  customersModule,
  escalationsModule,
] as const;

/** The modules, with the platform's own upkeep (idempotency keys are pruned hourly). */
export const assembly = assemble(modules, {
  jobs: [pruneIdempotencyKeysJob] as NonNullable<ModuleDefinition['jobs']>,
});
