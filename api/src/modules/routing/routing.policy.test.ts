import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { Guardian, type Viewer } from '../../platform/authz/guardian.js';
import { parseReputationRules } from '../reputation/reputation.rules.js';
import { routingRules } from './routing.policy.js';

const rules = parseReputationRules('{}');
const settings = { privileges: rules.privileges, newMembers: rules.newMembers };
const viewer = (id: number, extra: Partial<Viewer> = {}): Viewer => ({
  id,
  handle: `m${id}`,
  role: 'MEMBER',
  reputation: 50_000,
  createdAt: new Date(Date.now() - 30 * 86_400_000),
  isAdvocate: false,
  advocateCategoryIds: null,
  silence: null,
  ...extra,
});
const silence = { until: new Date(Date.now() + 86_400_000), reason: 'Cool off' };
const actors = {
  visitor: null,
  member: viewer(1),
  advocate: viewer(2, { isAdvocate: true }),
  moderator: viewer(3, { role: 'MODERATOR' }),
  admin: viewer(4, { role: 'ADMIN' }),
  silencedModerator: viewer(5, { role: 'MODERATOR', silence }),
};
type Outcome = boolean | 'login';

/** Role × action ('login' = UNAUTHENTICATED): only staff see whom a question was routed to. */
const matrix: Record<
  'routing.read' | 'routing.rule.read' | 'routing.rule.manage',
  Record<keyof typeof actors, Outcome>
> = {
  'routing.read': {
    visitor: 'login',
    member: false,
    advocate: false,
    moderator: true,
    admin: true,
    silencedModerator: true,
  },
  // Routing rules: administrators only (a silenced admin may read them, not change them).
  'routing.rule.read': {
    visitor: 'login',
    member: false,
    advocate: false,
    moderator: false,
    admin: true,
    silencedModerator: false,
  },
  'routing.rule.manage': {
    visitor: 'login',
    member: false,
    advocate: false,
    moderator: false,
    admin: true,
    silencedModerator: false,
  },
};

describe('routing policy', () => {
  for (const [action, row] of Object.entries(matrix) as [keyof typeof matrix, Record<string, Outcome>][]) {
    for (const [actor, expected] of Object.entries(row)) {
      it(`${action} for ${actor}: ${String(expected)}`, () => {
        const guardian = new Guardian(actors[actor as keyof typeof actors], settings, routingRules);
        const decision = guardian.check(action, null);
        if (expected === 'login') expect(decision).toMatchObject({ allowed: false, needsLogin: true });
        else expect(decision.allowed).toBe(expected);
      });
    }
  }
});
