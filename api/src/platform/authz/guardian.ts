import { ForbiddenError, UnauthenticatedError } from '../errors.js';
import type { Actor, ServiceActor, ServiceScope } from './actor.js';

/** Who is asking; null for a visitor. Modules read only these fields. */
export interface Viewer {
  id: number;
  handle: string;
  role: 'MEMBER' | 'MODERATOR' | 'ADMIN';
  /** As of the start of the request. */
  reputation: number;
  createdAt: Date;
  isAdvocate: boolean;
  /** An advocate's categories; null for every category. */
  advocateCategoryIds: number[] | null;
  /**
   * The member's active silence, read with the session (modules/sanctions): while set, the
   * guardian refuses every action not marked as a read (see Guardian.check). `until` null
   * lasts until staff lift it.
   */
  silence: { until: Date | null; reason: string } | null;
}

export type Decision = { allowed: true } | { allowed: false; reason: string; needsLogin?: boolean };

export const allow = (): Decision => ({ allowed: true });
export const deny = (reason: string): Decision => ({ allowed: false, reason });
export const needLogin = (reason = 'You need to log in to do that.'): Decision => ({
  allowed: false,
  reason,
  needsLogin: true,
});

/**
 * Permission names (`noun.verb`) and the resource each rule receives. Modules add theirs by
 * declaration merging in their `*.policy.ts`, so `ensureCan` is type-checked end to end.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Actions {}
export type Action = keyof Actions;
export type Rule<A extends Action> = (
  viewer: Viewer | null,
  resource: Actions[A],
  settings: GuardianSettings,
  /**
   * A service actor when the guardian runs the rule for an integration whose token's scopes
   * grant the action (viewer is then null: a trusted non-member); null otherwise.
   */
  service?: ServiceActor | null,
) => Decision;

/**
 * Settings rules read (reputation thresholds and the like), added by modules through
 * declaration merging; thresholds are configuration, not constants in the rules.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface GuardianSettings {}

/** A module's rules, by action (see ModuleDefinition.rules). */
export type Rules = { [A in Action]?: Rule<A> };

const readRules = new WeakSet<object>();

/**
 * Marks a rule as a read (seeing something, not changing anything): a silenced member may
 * still be allowed it. Every rule not marked is a write, so a new action is refused to a
 * silenced member unless its author says otherwise.
 */
export function readRule<A extends Action>(rule: Rule<A>): Rule<A> {
  readRules.add(rule);
  return rule;
}

/** For each action a service scope grants, the scopes that grant it (gathered by `assemble`). */
export type ServiceGrants = { [A in Action]?: readonly ServiceScope[] };

/** Types a module's rules object; the module lists it in its definition. */
export const defineRules = (moduleRules: Rules): Rules => moduleRules;

/**
 * One per request (or per job): answers "may this actor do this to this resource" and raises
 * the typed error with the reason when not (Discourse's Guardian, Outline's policies). The
 * system (jobs, schedules, seeds) is trusted: its commands are checked by their callers.
 */
export class Guardian {
  constructor(
    readonly viewer: Viewer | null,
    readonly settings: GuardianSettings,
    private readonly rules: Rules,
    readonly actor: Actor | null = viewer ? { type: 'member', id: viewer.id } : null,
    private readonly grants: ServiceGrants = {},
  ) {}

  /**
   * Silence is decided here, once, before any module's rule: every action whose rule is not
   * marked `readRule` is a write, refused to a silenced viewer with the reason and the end.
   * A new write action therefore cannot forget the silence: it would have to be declared a
   * read to escape it.
   */
  check<A extends Action>(action: A, resource: Actions[A]): Decision {
    const rule = this.rules[action] as Rule<A> | undefined;
    if (!rule) throw new Error(`No policy rule registered for ${action}`);
    if (this.actor?.type === 'system') return allow();
    if (this.actor?.type === 'service') return this.checkService(this.actor, action, rule, resource);
    if (this.viewer?.silence && !readRules.has(rule)) {
      const refused = silenced(this.viewer.silence);
      if (refused) return refused;
    }
    return rule(this.viewer, resource, this.settings, null);
  }

  /**
   * A service may do exactly what its token's scopes grant: a granted action's rule runs with
   * the service as a trusted non-member (viewer null, `service` given); an action some scope
   * grants but this token lacks is refused naming that scope; any other read runs as it would
   * for a visitor (public content), and any other write is refused. Never "log in": a service
   * is authenticated, so every refusal is FORBIDDEN.
   */
  private checkService<A extends Action>(service: ServiceActor, action: A, rule: Rule<A>, resource: Actions[A]) {
    const granting = this.grants[action] ?? [];
    const asForbidden = (d: Decision): Decision => (d.allowed ? d : deny(d.reason));
    if (granting.some((s) => service.scopes.includes(s))) {
      return asForbidden(rule(null, resource, this.settings, service));
    }
    if (granting.length > 0) {
      const scopes = granting.map((s) => `"${s}"`).join(' or ');
      return deny(`This service token lacks the ${scopes} scope, which ${action} needs.`);
    }
    if (readRules.has(rule)) {
      const asVisitor = rule(null, resource, this.settings, null);
      if (asVisitor.allowed) return asVisitor;
      return deny(`No service token scope grants ${action}, and a visitor may not do it: ${asVisitor.reason}`);
    }
    return deny(`No service token scope grants ${action}: integrations cannot do it.`);
  }

  can<A extends Action>(action: A, resource: Actions[A]): boolean {
    return this.check(action, resource).allowed;
  }

  ensureCan<A extends Action>(action: A, resource: Actions[A]): void {
    const decision = this.check(action, resource);
    if (decision.allowed) return;
    if (decision.needsLogin) throw new UnauthenticatedError(decision.reason);
    throw new ForbiddenError(decision.reason);
  }

  /** The signed-in viewer; UNAUTHENTICATED for a visitor, FORBIDDEN for a service (never a member). */
  requireViewer(): Viewer {
    if (this.viewer) return this.viewer;
    if (this.actor?.type === 'service') throw new ForbiddenError(SERVICE_IS_NOT_A_MEMBER);
    throw new UnauthenticatedError();
  }

  /** Who commands run for: the signed-in member, or UNAUTHENTICATED. */
  requireActor(): Actor {
    if (!this.actor) throw new UnauthenticatedError();
    return this.actor;
  }

  /** Whether `action` has a rule (module tests check every action used has one). */
  hasRule(action: string): boolean {
    return action in this.rules;
  }
}

/** Why a service token cannot do what only a signed-in member can. */
export const SERVICE_IS_NOT_A_MEMBER =
  'A service token acts for an integration, not a member: only a signed-in member can do this.';

export const isStaffViewer = (viewer: Pick<Viewer, 'role'> | null): boolean =>
  viewer?.role === 'MODERATOR' || viewer?.role === 'ADMIN';

/** A signed-in viewer may write (a silence is the guardian's own check); null when so, else the denial. */
export function mayWrite(viewer: Viewer | null, doing: string): Decision | null {
  return viewer ? null : needLogin(`You need to log in to ${doing}.`);
}

/**
 * The denial for a silenced viewer, naming the reason and the end; null once `until` passed
 * (an expired silence lifts itself: the session read it at the start of the request).
 */
function silenced(silence: NonNullable<Viewer['silence']>, now = new Date()): Decision | null {
  if (silence.until && silence.until <= now) return null;
  const end = silence.until ? `until ${silence.until.toISOString()}` : 'until a moderator lifts it';
  return deny(
    `You are silenced ${end} (reason: ${silence.reason}). ` +
      'You can read, but you cannot post, reply, edit, vote or flag until then.',
  );
}

/**
 * A reputation threshold: staff hold every privilege; others need `needed` reputation. The
 * denial says what is needed and what the viewer has (Stack Overflow's wording).
 */
export function needsReputation(viewer: Viewer, needed: number, doing: string): Decision | null {
  if (isStaffViewer(viewer) || viewer.reputation >= needed) return null;
  return deny(`You need ${needed} reputation to ${doing}; you have ${viewer.reputation}.`);
}
