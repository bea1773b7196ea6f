import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { Guardian, type Viewer } from '../../platform/authz/guardian.js';
import { parseReputationRules } from '../reputation/reputation.rules.js';
import { Member } from './member.entity.js';
import { memberRules } from './member.policy.js';

const rules = parseReputationRules('{}');
const settings = { privileges: rules.privileges, newMembers: rules.newMembers };
const viewer = (id: number, extra: Partial<Viewer> = {}): Viewer => ({
  id,
  handle: `m${id}`,
  role: 'MEMBER',
  reputation: 5000,
  createdAt: new Date(Date.now() - 30 * 86_400_000),
  isAdvocate: false,
  advocateCategoryIds: null,
  silence: null,
  ...extra,
});
const tomorrow = new Date(Date.now() + 86_400_000);
const viewers = {
  visitor: null,
  self: viewer(1),
  member: viewer(2),
  advocate: viewer(3, { isAdvocate: true }),
  moderator: viewer(4, { role: 'MODERATOR' }),
  admin: viewer(5, { role: 'ADMIN' }),
  suspendedModerator: viewer(6, { role: 'MODERATOR', silence: { until: tomorrow, reason: 'Heated' } }),
};
type Who = keyof typeof viewers;
const target = Object.assign(new Member(), { id: 1, handle: 'm1', email: 'm1@example.test' });

/** Role × action ('login' = UNAUTHENTICATED). */
const matrix: [string, unknown, Record<Who, boolean | 'login'>][] = [
  [
    'member.readEmail',
    target,
    {
      visitor: false,
      self: true,
      member: false,
      advocate: false,
      moderator: true,
      admin: true,
      suspendedModerator: true,
    },
  ],
  [
    'member.approve',
    null,
    {
      visitor: 'login',
      self: false,
      member: false,
      advocate: false,
      moderator: true,
      admin: true,
      suspendedModerator: false,
    },
  ],
];

describe('member policy', () => {
  for (const [action, resource, expected] of matrix) {
    for (const [who, outcome] of Object.entries(expected) as [Who, boolean | 'login'][]) {
      it(`${action}: ${who} → ${outcome}`, () => {
        const decision = new Guardian(viewers[who], settings, memberRules).check(
          action as 'member.approve',
          resource as null,
        );
        expect(decision.allowed).toBe(outcome === true);
        if (outcome === 'login') expect(decision).toMatchObject({ needsLogin: true });
        if (!decision.allowed) expect(decision.reason.length).toBeGreaterThan(10);
      });
    }
  }
});
