import type { ModuleDefinition } from '../../platform/module.js';
import { emailJobs, emailResolvers } from './email/index.js';
import { notificationLoaders } from './notifications.loaders.js';
import { NotificationResolver } from './notifications.resolver.js';
import { NotificationPreferencesResolver } from './preferences.resolver.js';
import { fanOutNotifications } from './subscribers/fan-out-notifications.js';
import { CategoryWatchResolver, ThreadWatchResolver } from './watches.resolver.js';

/**
 * Notifications: rows fanned out after commit from the forum's, badges', moderation's and
 * sanctions' events; members' follows and mutes of threads and categories; email preferences
 * per kind (the email sweep in ./email reads them).
 */
export const notificationsModule: ModuleDefinition = {
  name: 'notifications',
  resolvers: [
    NotificationResolver,
    ThreadWatchResolver,
    CategoryWatchResolver,
    NotificationPreferencesResolver,
    ...emailResolvers,
  ],
  loaders: notificationLoaders,
  subscribers: [fanOutNotifications],
  jobs: [...emailJobs],
};
