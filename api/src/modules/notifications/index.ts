import type { ModuleDefinition } from '../../platform/module.js';
import { emailJobs, emailResolvers } from './email/index.js';

/**
 * Notifications: for now only their emails (email/); the in-app side (fan-out subscriber,
 * preferences, the list) joins this definition.
 */
export const notificationsModule: ModuleDefinition = {
  name: 'notifications',
  resolvers: [...emailResolvers],
  jobs: [...emailJobs],
};
