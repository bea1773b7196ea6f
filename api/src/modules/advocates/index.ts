import type { ModuleDefinition } from '../../platform/module.js';
import { advocateRules } from './advocates.policy.js';
import { AdvocateChangeResolver, AdvocateResolver } from './advocates.resolver.js';

/** The superuser programme: staff grant advocate status, scoped to categories, audited. */
export const advocatesModule: ModuleDefinition = {
  name: 'advocates',
  resolvers: [AdvocateResolver, AdvocateChangeResolver],
  rules: advocateRules,
};
