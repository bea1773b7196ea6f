import { describe, expect, it } from 'vitest';
import { Guardian, type Viewer } from '../../platform/authz/guardian.js';
import { parseReputationRules } from '../reputation/reputation.rules.js';
import { categoryRules } from './category.policy.js';
import { communityRules } from './community.policy.js';

const rules = parseReputationRules('{}');
const settings = { privileges: rules.privileges, newMembers: rules.newMembers };
const viewer = (id: number, role: Viewer['role'], extra: Partial<Viewer> = {}): Viewer => ({
  id,
  handle: `v${id}`,
  role,
  reputation: 20_000,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  isAdvocate: false,
  advocateCategoryIds: null,
  silence: null,
  ...extra,
});
const viewers = {
  visitor: null,
  member: viewer(1, 'MEMBER'),
  advocate: viewer(2, 'MEMBER', { isAdvocate: true }),
  moderator: viewer(3, 'MODERATOR'),
  admin: viewer(4, 'ADMIN'),
  silencedAdmin: viewer(5, 'ADMIN', { silence: { until: null, reason: 'Cooling off' } }),
};
type Who = keyof typeof viewers;
const guardian = (who: Who) => new Guardian(viewers[who], settings, { ...communityRules, ...categoryRules });

/** The admin area's category actions, role × action ('login' = UNAUTHENTICATED). */
const matrix: [string, Record<Who, boolean | 'login'>][] = [
  [
    'category.manage',
    { visitor: 'login', member: false, advocate: false, moderator: false, admin: true, silencedAdmin: false },
  ],
  [
    'category.administer',
    { visitor: 'login', member: false, advocate: false, moderator: false, admin: true, silencedAdmin: true },
  ],
];

describe('category administration policy', () => {
  for (const [action, expected] of matrix) {
    for (const [who, outcome] of Object.entries(expected) as [Who, boolean | 'login'][]) {
      it(`${action}: ${who} → ${outcome}`, () => {
        const decision = guardian(who).check(action as 'category.manage', null);
        expect(decision.allowed).toBe(outcome === true);
        if (outcome === 'login') expect(decision).toMatchObject({ needsLogin: true });
        if (outcome === false && who !== 'silencedAdmin') {
          expect(decision).toEqual({ allowed: false, reason: 'Only administrators can manage categories.' });
        }
      });
    }
  }
});
