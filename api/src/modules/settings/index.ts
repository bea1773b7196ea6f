import type { ModuleDefinition } from '../../platform/module.js';
import { SettingsResolver } from './settings.resolver.js';
import { settingsRules } from './settings.policy.js';

/** Runtime settings for admins: the catalogue with defaults, and audited changes. */
export const settingsModule: ModuleDefinition = {
  name: 'settings',
  resolvers: [SettingsResolver],
  rules: settingsRules,
};
