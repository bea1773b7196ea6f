import type { EntityManager } from '@mikro-orm/postgresql';
import type { Express } from 'express';
import { SERVICE_SCOPES, type ServiceActor, type ServiceScope } from './authz/actor.js';
import type { Action, Rules, ServiceGrants, Viewer } from './authz/guardian.js';
import type { SubscriberDefinition } from './events/subscribers.js';
import type { JobDefinition, JobName } from './jobs/jobs.js';
import type { Services } from './scope.js';

/**
 * Per-request batch loaders, keyed by name. Modules add theirs by declaration merging in
 * their `*.loaders.ts`, so `ctx.loaders.x` is typed without the GraphQL layer importing a module.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Loaders {}

/**
 * One module's definition: everything the platform wires up for it. `api/src/modules.ts`
 * lists the modules; platform and GraphQL code receive the definitions and never import a
 * module, so a new module touches its own folder and one line of that list.
 */
export interface ModuleDefinition {
  name: string;
  /** MikroORM entities (tables come from migrations/). */
  entities?: (abstract new (...args: never[]) => unknown)[];
  /** type-graphql resolver classes. */
  resolvers?: (new (...args: never[]) => unknown)[];
  /** Policy rules for the guardian, by action name. */
  rules?: Rules;
  /** Reactions to domain events. */
  subscribers?: SubscriberDefinition<Services>[];
  /** Background and scheduled jobs. */
  jobs?: JobDefinition<JobName, Services>[];
  /** Per-request loaders; `viewer` is null for visitors and the system. */
  loaders?: (em: EntityManager, viewer: Viewer | null) => Partial<Loaders>;
  /** The viewer a bearer token stands for (one module owns sessions). */
  authenticate?: (em: EntityManager, token: string) => Promise<Viewer>;
  /**
   * The service (an integration) a bearer token with this prefix stands for: such a token is
   * never a session. Unknown or revoked tokens are UNAUTHENTICATED.
   */
  authenticateService?: { prefix: string; authenticate: (em: EntityManager, token: string) => Promise<ServiceActor> };
  /**
   * The actions each service scope grants, declared by the module owning those actions; a
   * service token may do exactly what its scopes grant (see Guardian.check).
   */
  serviceScopes?: { [scope in ServiceScope]?: Action[] };
  /** Plain HTTP routes beside /graphql, for what GraphQL carries badly (file uploads and downloads). */
  http?: (app: Express, services: Services) => void;
}

/** Everything the modules define, gathered once at start-up. */
export interface Assembly {
  modules: readonly ModuleDefinition[];
  entities: NonNullable<ModuleDefinition['entities']>;
  resolvers: NonNullable<ModuleDefinition['resolvers']>;
  rules: Rules;
  subscribers: SubscriberDefinition<Services>[];
  jobs: JobDefinition<JobName, Services>[];
  createLoaders(em: EntityManager, viewer: Viewer | null): Loaders;
  authenticate(em: EntityManager, token: string): Promise<Viewer>;
  /** The service a token stands for, or null when its prefix is no service token's. */
  authenticateService(em: EntityManager, token: string): Promise<ServiceActor> | null;
  /** For each action a service scope grants, the scopes granting it. */
  serviceGrants: ServiceGrants;
  /** The modules' HTTP routes, mounted by the server before its 404. */
  http: NonNullable<ModuleDefinition['http']>[];
}

/**
 * Gathers the modules' definitions, with the platform's own upkeep jobs (`platform.jobs`); a
 * rule, job or subscriber defined twice is an error.
 */
export function assemble(
  modules: readonly ModuleDefinition[],
  platform: { jobs?: JobDefinition<JobName, Services>[] } = {},
): Assembly {
  const rules: Rules = {};
  const unique = new Set<string>();
  const once = (kind: string, name: string, module: string) => {
    if (unique.has(`${kind}:${name}`)) throw new Error(`${kind} ${name} is defined twice (again in ${module})`);
    unique.add(`${kind}:${name}`);
  };
  for (const j of platform.jobs ?? []) once('job', j.name, 'the platform');
  for (const m of modules) {
    for (const [action, rule] of Object.entries(m.rules ?? {})) {
      once('rule', action, m.name);
      Object.assign(rules, { [action]: rule });
    }
    for (const j of m.jobs ?? []) once('job', j.name, m.name);
    for (const s of m.subscribers ?? []) once('subscriber', s.name, m.name);
  }
  const authenticators = modules.flatMap((m) => (m.authenticate ? [m.authenticate] : []));
  if (authenticators.length !== 1) throw new Error('Exactly one module must authenticate bearer tokens');
  const services = modules.flatMap((m) => (m.authenticateService ? [m.authenticateService] : []));
  const grants: Record<string, ServiceScope[]> = {};
  for (const m of modules) {
    for (const [scope, actions] of Object.entries(m.serviceScopes ?? {}) as [ServiceScope, Action[]][]) {
      if (!SERVICE_SCOPES.includes(scope)) throw new Error(`Unknown service scope ${scope} (in ${m.name})`);
      for (const action of actions) {
        if (!(action in rules)) throw new Error(`Scope ${scope} grants ${action}, which has no rule (in ${m.name})`);
        const granting = (grants[action] ??= []);
        if (!granting.includes(scope)) granting.push(scope);
      }
    }
  }
  const loaderFactories = modules.flatMap((m) => (m.loaders ? [m.loaders] : []));
  return {
    modules,
    entities: modules.flatMap((m) => m.entities ?? []),
    resolvers: modules.flatMap((m) => m.resolvers ?? []),
    rules,
    subscribers: modules.flatMap((m) => m.subscribers ?? []),
    jobs: [...(platform.jobs ?? []), ...modules.flatMap((m) => m.jobs ?? [])],
    createLoaders: (em, viewer) => Object.assign({}, ...loaderFactories.map((make) => make(em, viewer))) as Loaders,
    authenticate: authenticators[0]!,
    authenticateService: (em, token) => {
      const owner = services.find((s) => token.startsWith(s.prefix));
      return owner ? owner.authenticate(em, token) : null;
    },
    serviceGrants: grants as ServiceGrants,
    http: modules.flatMap((m) => (m.http ? [m.http] : [])),
  };
}
