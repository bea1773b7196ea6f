import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import type { Guardian } from './authz/guardian.js';
import type { Orm } from './db/orm.js';
import type { Jobs } from './jobs/jobs.js';
import type { RateLimits } from './rate-limit.js';

/** Process-wide services, built once at start-up. */
export interface Services {
  config: Config;
  orm: Orm;
  rateLimits: RateLimits;
  jobs: Jobs<Services>;
  /** Markdown → sanitized HTML (modules/community/markdown.ts). */
  markdown: (source: string) => string;
}

/** What a command or query needs from the request: no GraphQL in here. */
export interface Scope {
  em: EntityManager;
  guardian: Guardian;
  services: Services;
  /** Client address (from X-Forwarded-For only when sent by a trusted proxy). */
  ip: string;
  /** The request's Idempotency-Key header, if any (platform/idempotency.ts). */
  idempotencyKey?: string | null;
}
