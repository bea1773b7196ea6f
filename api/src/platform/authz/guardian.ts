import { ForbiddenError, UnauthenticatedError } from '../errors.js';

/** Who is asking; null for a visitor. Modules read only these fields. */
export interface Viewer {
  id: number;
  handle: string;
  role: 'MEMBER' | 'MODERATOR' | 'ADMIN';
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
export type Rule<A extends Action> = (viewer: Viewer | null, resource: Actions[A]) => Decision;

const rules = new Map<Action, Rule<Action>>();

/** Registers a module's rules; called once per module at import time. */
export function defineRules(moduleRules: { [A in Action]?: Rule<A> }): void {
  for (const [action, rule] of Object.entries(moduleRules)) {
    rules.set(action as Action, rule as Rule<Action>);
  }
}

/**
 * One per request: answers "may this viewer do this to this resource" and raises the
 * typed error with the reason when not (Discourse's Guardian, Outline's policies).
 */
export class Guardian {
  constructor(readonly viewer: Viewer | null) {}

  check<A extends Action>(action: A, resource: Actions[A]): Decision {
    const rule = rules.get(action) as Rule<A> | undefined;
    if (!rule) throw new Error(`No policy rule registered for ${action}`);
    return rule(this.viewer, resource);
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

  /** The signed-in viewer, or UNAUTHENTICATED. */
  requireViewer(): Viewer {
    if (!this.viewer) throw new UnauthenticatedError();
    return this.viewer;
  }
}

export const isStaffViewer = (viewer: Viewer | null): boolean =>
  viewer?.role === 'MODERATOR' || viewer?.role === 'ADMIN';
