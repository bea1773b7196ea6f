/**
 * What the settings module announces; subject is the revision the change created. `before` and
 * `after` hold each changed setting by its key ("moderation.hideThreshold"), as the audit log
 * shows changes.
 */
declare module '../../platform/events/events.js' {
  interface EventData {
    'settings.changed': {
      revision: number;
      before: Record<string, number>;
      after: Record<string, number>;
      reason: string | null;
    };
  }
}

export {};
