import type { ModuleDefinition } from '../../platform/module.js';
import { DashboardInfluencerResolver, InsightsDashboardResolver, TopAdvocateResolver } from './dashboard.resolver.js';

/**
 * The staff insights dashboard: read-only figures over other modules' tables, each read through
 * that module's queries (community visibility, knowledge deflection, insights sentiment and
 * influence). Staff only, by the insights module's `insights.read` rule.
 */
export const dashboardModule: ModuleDefinition = {
  name: 'dashboard',
  resolvers: [InsightsDashboardResolver, TopAdvocateResolver, DashboardInfluencerResolver],
};
