import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import type { Settings, SettingsSource } from '../settings.js';
import { systemActor, type Actor } from './authz/actor.js';
import { Guardian, type Viewer } from './authz/guardian.js';
import type { Orm } from './db/orm.js';
import type { EventSubscribers } from './events/subscribers.js';
import type { Jobs } from './jobs/jobs.js';
import type { Assembly } from './module.js';
import type { RateLimits } from './rate-limit.js';
import type { LiveHub } from './realtime/live-hub.js';

/** Process-wide services, built once at start-up. */
export interface Services {
  config: Config;
  /** The runtime settings: take `current()` once per request, job or batch. */
  settings: SettingsSource;
  orm: Orm;
  /** What the modules define (rules, loaders, subscribers…). */
  assembly: Assembly;
  rateLimits: RateLimits;
  jobs: Jobs<Services>;
  events: EventSubscribers<Services>;
  /** Markdown → sanitized HTML (modules/community/markdown.ts). */
  markdown: (source: string) => string;
  /** This instance's end of the live channel (GraphQL subscriptions). */
  live: LiveHub;
}

/**
 * What a command or query needs: who acts (the guardian knows the actor and, for a member,
 * the viewer), an EntityManager and the services. No GraphQL in here: requests, jobs, seeds
 * and integrations build the same scope.
 */
export interface Scope {
  em: EntityManager;
  guardian: Guardian;
  services: Services;
  /** The settings in force when this scope began; they do not change under it. */
  settings: Settings;
  /** Client address (from X-Forwarded-For only when sent by a trusted proxy); 'system' otherwise. */
  ip: string;
  /** The request's Idempotency-Key header, if any (platform/idempotency.ts). */
  idempotencyKey?: string | null;
}

/** The guardian of `viewer` (or of another actor), with the thresholds in `settings` and the modules' rules. */
export function guardianFor(services: Services, settings: Settings, viewer: Viewer | null, actor?: Actor): Guardian {
  const { privileges, newMembers } = settings.reputation;
  return new Guardian(
    viewer,
    { privileges, newMembers },
    services.assembly.rules,
    actor,
    services.assembly.serviceGrants,
  );
}

/** A scope acting as `viewer` (a member, or null for a visitor), on a fresh EntityManager. */
export function memberScope(services: Services, viewer: Viewer | null, ip = 'system'): Scope {
  const settings = services.settings.current();
  return { em: services.orm.em.fork(), services, settings, guardian: guardianFor(services, settings, viewer), ip };
}

/** A scope for the system itself: a job, a schedule or a tool, named for the audit trail. */
export function systemScope(services: Services, name: string): Scope {
  const settings = services.settings.current();
  return {
    em: services.orm.em.fork(),
    services,
    settings,
    guardian: guardianFor(services, settings, null, systemActor(name)),
    ip: 'system',
  };
}
