import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { Guardian, type Viewer } from '../../platform/authz/guardian.js';
import { parseReputationRules } from '../reputation/reputation.rules.js';
import { sanctionRules, type SanctionTarget } from './sanctions.policy.js';

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
const actors = {
  visitor: null,
  member: viewer(1),
  advocate: viewer(2, { isAdvocate: true }),
  moderator: viewer(3, { role: 'MODERATOR' }),
  admin: viewer(4, { role: 'ADMIN' }),
  silencedAdmin: viewer(5, {
    role: 'ADMIN',
    silence: { until: new Date(Date.now() + 86_400_000), reason: 'Cool off' },
  }),
};
type Actor = keyof typeof actors;
/** Targets: a member, a moderator, an administrator, and the actor themselves. */
const targets = {
  member: { id: 10, role: 'MEMBER' },
  moderator: { id: 11, role: 'MODERATOR' },
  admin: { id: 12, role: 'ADMIN' },
} satisfies Record<string, SanctionTarget>;
type Target = keyof typeof targets | 'self';
const targetFor = (actor: Actor, target: Target): SanctionTarget =>
  target === 'self' ? { id: actors[actor]?.id ?? 0, role: actors[actor]?.role ?? 'MEMBER' } : targets[target];

type Outcome = boolean | 'login';
const row = (member: Outcome, moderator: Outcome, admin: Outcome, self: Outcome) => ({
  member,
  moderator,
  admin,
  self,
});
const nobody = row(false, false, false, false);
const visitor = row('login', 'login', 'login', 'login');

/** Actor × target, for each action that takes a member ('login' = UNAUTHENTICATED). */
const matrix: Record<
  'member.sanction' | 'member.liftSanction' | 'member.addStaffNote',
  Record<Actor, Record<Target, Outcome>>
> = {
  'member.sanction': {
    visitor,
    member: nobody,
    advocate: nobody,
    moderator: row(true, false, false, false),
    admin: row(true, true, false, false),
    silencedAdmin: nobody,
  },
  'member.liftSanction': {
    visitor,
    member: nobody,
    advocate: nobody,
    moderator: row(true, false, false, false),
    admin: row(true, true, false, false),
    silencedAdmin: nobody,
  },
  'member.addStaffNote': {
    visitor,
    member: nobody,
    advocate: nobody,
    moderator: row(true, true, true, false),
    admin: row(true, true, true, false),
    silencedAdmin: nobody,
  },
};

const guardian = (actor: Actor) => new Guardian(actors[actor], settings, sanctionRules);

describe('sanctions policy', () => {
  for (const [action, byActor] of Object.entries(matrix) as [
    keyof typeof matrix,
    Record<Actor, Record<Target, Outcome>>,
  ][]) {
    for (const [actor, byTarget] of Object.entries(byActor) as [Actor, Record<Target, Outcome>][]) {
      for (const [target, outcome] of Object.entries(byTarget) as [Target, Outcome][]) {
        it(`${action}: ${actor} on ${target} → ${outcome}`, () => {
          const decision = guardian(actor).check(action, targetFor(actor, target));
          expect(decision.allowed).toBe(outcome === true);
          if (outcome === 'login') expect(decision).toMatchObject({ needsLogin: true });
          if (!decision.allowed) expect(decision.reason.length).toBeGreaterThan(10);
        });
      }
    }
  }

  it('says why: themselves, administrators, moderators by moderators', () => {
    expect(guardian('moderator').check('member.sanction', targetFor('moderator', 'self'))).toMatchObject({
      reason: "You can't silence or suspend yourself.",
    });
    expect(guardian('admin').check('member.sanction', targets.admin)).toMatchObject({
      reason: expect.stringMatching(/^Administrators can't be sanctioned/),
    });
    expect(guardian('moderator').check('member.liftSanction', targets.moderator)).toMatchObject({
      reason: 'Only an administrator can lift sanctions on a moderator.',
    });
    expect(guardian('silencedAdmin').check('member.sanction', targets.member)).toMatchObject({
      reason: expect.stringMatching(/^You are silenced until .* \(reason: Cool off\)/),
    });
  });

  it('a sanction is visible to the member and staff; notes and history to staff, silenced or not', () => {
    const sees = (actor: Actor, memberId: number) => guardian(actor).can('member.readSanction', { id: memberId });
    expect([sees('visitor', 1), sees('member', 1), sees('member', 10), sees('advocate', 10)]).toEqual([
      false,
      true,
      false,
      false,
    ]);
    expect([sees('moderator', 10), sees('admin', 10), sees('silencedAdmin', 10)]).toEqual([true, true, true]);
    for (const action of ['member.readStaffNotes', 'member.readSanctionHistory'] as const) {
      const reads = (actor: Actor) => guardian(actor).can(action, null);
      expect((['visitor', 'member', 'advocate', 'moderator', 'admin', 'silencedAdmin'] as Actor[]).map(reads)).toEqual([
        false,
        false,
        false,
        true,
        true,
        true,
      ]);
    }
  });

  it('a staff note is deleted by its author or an administrator', () => {
    const byModerator = { authorId: actors.moderator.id };
    const other = viewer(6, { role: 'MODERATOR' });
    expect(guardian('moderator').can('staffNote.delete', byModerator)).toBe(true);
    expect(new Guardian(other, settings, sanctionRules).can('staffNote.delete', byModerator)).toBe(false);
    expect(guardian('admin').can('staffNote.delete', byModerator)).toBe(true);
    expect(guardian('member').can('staffNote.delete', { authorId: actors.member.id })).toBe(false);
    expect(guardian('visitor').check('staffNote.delete', byModerator)).toMatchObject({ needsLogin: true });
  });
});
