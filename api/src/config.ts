import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseEscalationRules, type EscalationRules } from './modules/escalations/escalations.settings.js';
import { parseModerationRules, type ModerationRules } from './modules/moderation/moderation.rules.js';
import { parseRoutingRules, type RoutingRules } from './modules/routing/routing.rules.js';
import { parseReputationRules, type ReputationRules } from './modules/reputation/reputation.rules.js';
import { parseAbuseLimits, type AbuseLimits } from './platform/abuse-limits.js';

/**
 * Repository root (.data/, migrations/ and schema/ live here): the nearest ancestor whose
 * package.json declares the workspaces. Found by looking, not by a fixed number of `..`, because
 * this file runs from api/src (tsx) and from api/dist/api/src (the production build).
 */
export const ROOT_DIR = findRoot(path.dirname(fileURLToPath(import.meta.url)));

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { workspaces?: unknown };
      if (pkg.workspaces) return dir;
    } catch {
      /* no package.json here */
    }
    if (dir === path.dirname(dir)) return process.cwd();
  }
}

const int = (fallback: number) => z.coerce.number().int().nonnegative().default(fallback);
/** An optional setting where an empty value (`SMTP_URL=` in an env file) means unset. */
const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Address the API listens on: loopback unless configured (0.0.0.0 or :: behind a load balancer). */
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: int(4000),
  /** PostgreSQL connection string; when absent an embedded PostgreSQL is started under DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default(path.join(ROOT_DIR, '.data')),
  /** Where uploaded files (avatars) are kept on local disk; default `<DATA_DIR>/uploads`. */
  UPLOADS_DIR: z.string().optional(),
  EMBEDDED_PG_PORT: int(54329),
  DB_POOL_MAX: int(10),
  /** Public origin of the web app: decides cookie flags and which links count as internal. */
  PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  /** Secret for signing web-app state; required in production. */
  SESSION_SECRET: z.string().min(32).optional(),
  SESSION_TTL_DAYS: int(30),
  /** Prepended to Meilisearch index names: instances (and test runs) sharing a server keep apart. */
  MEILISEARCH_INDEX_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{0,40}$/)
    .default('hearth_'),
  MEILISEARCH_URL: z.string().url().optional(),
  MEILISEARCH_KEY: z.string().optional(),
  /** Search totals are capped here ("1,000+"); PostgreSQL ranks only this many newest matches. */
  SEARCH_MAX_TOTAL: z.coerce.number().int().min(1).max(10_000).default(1000),
  /**
   * Outgoing mail server, e.g. smtp://user:pass@smtp.example.com:587 (smtps:// for TLS from the
   * start). Unset: every email is written as an .eml file to OUTBOX_DIR instead, so a fresh
   * clone's `npm start` sends nothing anywhere and the messages can still be read.
   */
  SMTP_URL: optional(z.string().url()),
  /** The From of every email; unset: `Hearth <no-reply@…>` at PUBLIC_URL's host. */
  MAIL_FROM: optional(z.string().min(3)),
  /** Where emails go when SMTP_URL is unset; default `<DATA_DIR>/outbox`. */
  OUTBOX_DIR: optional(z.string()),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** The one line logged per GraphQL request: at info, at debug, or not at all. */
  LOG_REQUESTS: z.enum(['info', 'debug', 'off']).default('info'),
  /** When set, GET /metrics requires `Authorization: Bearer <token>`; unset, only direct loopback clients. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Distinct GraphQL operation names kept as metric labels; later names count as "other". */
  METRICS_MAX_OPERATIONS: int(200),
  /** Reported by /healthz, so a supervisor (scripts/start.mjs) knows it reached its own process. */
  INSTANCE_ID: z.string().max(100).optional(),
  /** Seed the demo community when the database has no members (npm start does this on first run). */
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  // GraphQL limits (SECURITY.md)
  GRAPHQL_MAX_DEPTH: int(8),
  GRAPHQL_MAX_ALIASES: int(15),
  GRAPHQL_MAX_DIRECTIVES: int(50),
  GRAPHQL_MAX_TOKENS: int(1000),
  GRAPHQL_MAX_COST: int(5000),
  // Login throttling (SECURITY.md): per IP and per account
  LOGIN_LIMIT_PER_MINUTE: int(6),
  LOGIN_LIMIT_PER_HOUR: int(30),
  // Background jobs (pg-boss): run handlers in this process, and how often idle workers poll
  JOBS_WORKER: z.enum(['on', 'off']).default('on'),
  JOBS_POLL_SECONDS: z.coerce.number().min(0.5).default(2),
  // Domain events: how often idle subscribers look for events committed by other instances
  // (this instance's own commits wake them at once)
  EVENTS_POLL_MS: z.coerce.number().int().min(10).default(250),
  // Reputation rules: a JSON object overriding any default (modules/reputation/reputation.rules.ts)
  REPUTATION_RULES: z.string().default('{}'),
  // Abuse limits (SECURITY.md): a JSON object overriding any default (platform/abuse-limits.ts); 0 turns one off
  ABUSE_LIMITS: z.string().default('{}'),
  // Moderation rules (flag weights, the hide threshold): a JSON object overriding any default (modules/moderation/moderation.rules.ts)
  MODERATION_RULES: z.string().default('{}'),
  // Question routing (who is asked about a new question): a JSON object overriding any default (modules/routing/routing.rules.ts)
  ROUTING_RULES: z.string().default('{}'),
  // Escalation rules (thresholds, SLA times): a JSON object overriding any default (modules/escalations/escalations.settings.ts)
  ESCALATION_RULES: z.string().default('{}'),
  /**
   * Outgoing webhooks may target http:// and private, loopback or link-local addresses (tests,
   * the demo, a CRM on the local network). Off: https only, to public addresses only, checked
   * when an endpoint is saved and again on every delivery (against DNS rebinding).
   */
  WEBHOOK_ALLOW_PRIVATE_URLS: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** The CRM's Standard Webhooks secret (`whsec_…`) for POST /webhooks/crm; unset, that route answers 404. */
  CRM_WEBHOOK_SECRET: optional(z.string().regex(/^whsec_[A-Za-z0-9+/=]{16,200}$/, 'must be whsec_ and base64')),
  // How often an instance checks for settings changed elsewhere, in case a NOTIFY was lost
  SETTINGS_POLL_MS: z.coerce.number().int().min(100).default(5000),
});

export type Config = z.infer<typeof envSchema> & {
  isProduction: boolean;
  /**
   * Startup values of the runtime settings (code defaults, then the environment's JSON). Code
   * reads `scope.settings` (settings.ts), which adds what admins changed; only the settings
   * store reads these.
   */
  startup: {
    reputation: ReputationRules;
    abuseLimits: AbuseLimits;
    moderation: ModerationRules;
    routing: RoutingRules;
    escalations: EscalationRules;
  };
};

/** Parses the environment once at boot; a bad value stops the process with a readable message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${details}`);
  }
  const config = {
    ...parsed.data,
    isProduction: parsed.data.NODE_ENV === 'production',
    startup: {
      reputation: parseReputationRules(parsed.data.REPUTATION_RULES),
      abuseLimits: parseAbuseLimits(parsed.data.ABUSE_LIMITS),
      moderation: parseModerationRules(parsed.data.MODERATION_RULES),
      routing: parseRoutingRules(parsed.data.ROUTING_RULES),
      escalations: parseEscalationRules(parsed.data.ESCALATION_RULES),
    },
  };
  if (config.isProduction && !config.SESSION_SECRET) {
    throw new Error('Invalid configuration: SESSION_SECRET is required in production');
  }
  return config;
}
