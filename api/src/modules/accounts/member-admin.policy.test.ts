import { describe, expect, it } from 'vitest';
import { Guardian, type Viewer } from '../../platform/authz/guardian.js';
import { Role } from './member.entity.js';
import { memberAdminRules } from './member-admin.policy.js';

const viewer = (id: number, role: Viewer['role'], extra: Partial<Viewer> = {}): Viewer => ({
  id,
  handle: `v${id}`,
  role,
  reputation: 5000,
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
const guardian = (who: Who) => new Guardian(viewers[who], {} as never, memberAdminRules);
const other = { id: 99, role: Role.MEMBER };

/** Role × action ('login' = UNAUTHENTICATED). */
const matrix: [string, unknown, Record<Who, boolean | 'login'>][] = [
  [
    'member.list',
    null,
    { visitor: 'login', member: false, advocate: false, moderator: true, admin: true, silencedAdmin: true },
  ],
  [
    'member.searchByEmail',
    null,
    { visitor: 'login', member: false, advocate: false, moderator: false, admin: true, silencedAdmin: true },
  ],
  [
    'member.setRole',
    { member: other, role: Role.MODERATOR },
    { visitor: 'login', member: false, advocate: false, moderator: false, admin: true, silencedAdmin: false },
  ],
];

describe('member admin policy', () => {
  for (const [action, resource, expected] of matrix) {
    for (const [who, outcome] of Object.entries(expected) as [Who, boolean | 'login'][]) {
      it(`${action}: ${who} → ${outcome}`, () => {
        const decision = guardian(who).check(action as 'member.list', resource as null);
        expect(decision.allowed).toBe(outcome === true);
        if (outcome === 'login') expect(decision).toMatchObject({ needsLogin: true });
        if (!decision.allowed) expect(decision.reason.length).toBeGreaterThan(10);
      });
    }
  }

  it('an administrator cannot change their own role, and is told whom to ask', () => {
    const admin = viewers.admin;
    expect(
      guardian('admin').check('member.setRole', { member: { id: admin.id, role: Role.ADMIN }, role: Role.MEMBER }),
    ).toEqual({
      allowed: false,
      reason: "You can't change your own role: ask another administrator.",
    });
  });

  it('a moderator is told to search by handle', () => {
    expect(guardian('moderator').check('member.searchByEmail', null)).toEqual({
      allowed: false,
      reason: 'Only administrators can search members by email: search by handle instead.',
    });
  });
});
