import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { Guardian, type Viewer } from '../../platform/authz/guardian.js';
import { parseReputationRules } from '../reputation/reputation.rules.js';
import { customerRules, customerServiceScopes, type CustomerAccess } from './customers.policy.js';

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
const silence = { until: new Date(Date.now() + 86_400_000), reason: 'Cool off' };

/** Each actor, and whether an administrator granted them customer access (only moderators can be). */
const actors: Record<string, { viewer: Viewer | null; access: CustomerAccess }> = {
  visitor: { viewer: null, access: { granted: false } },
  member: { viewer: viewer(1), access: { granted: false } },
  advocate: { viewer: viewer(2, { isAdvocate: true }), access: { granted: false } },
  moderator: { viewer: viewer(3, { role: 'MODERATOR' }), access: { granted: false } },
  grantedModerator: { viewer: viewer(4, { role: 'MODERATOR' }), access: { granted: true } },
  admin: { viewer: viewer(5, { role: 'ADMIN' }), access: { granted: false } },
  silencedAdmin: { viewer: viewer(6, { role: 'ADMIN', silence }), access: { granted: false } },
  silencedGrantedModerator: { viewer: viewer(7, { role: 'MODERATOR', silence }), access: { granted: true } },
  // A grant that outlived a demotion gives a member nothing.
  demotedWithGrant: { viewer: viewer(8), access: { granted: true } },
};
type Actor = keyof typeof actors;
type Outcome = boolean | 'login';

const actions = ['customer.read', 'customer.write', 'customer.link', 'customer.grantAccess'] as const;
type CustomerAction = (typeof actions)[number];
const row = (read: Outcome, write: Outcome, link: Outcome, grant: Outcome) => ({
  'customer.read': read,
  'customer.write': write,
  'customer.link': link,
  'customer.grantAccess': grant,
});

/** Actor × action. Reads survive a silence (readRule); writes do not. */
const matrix: Record<Actor, Record<CustomerAction, Outcome>> = {
  visitor: row(false, 'login', 'login', 'login'),
  member: row(false, false, false, false),
  advocate: row(false, false, false, false),
  moderator: row(false, false, false, false),
  grantedModerator: row(true, false, true, false),
  admin: row(true, true, true, true),
  silencedAdmin: row(true, false, false, false),
  silencedGrantedModerator: row(true, false, false, false),
  demotedWithGrant: row(false, false, false, false),
};

describe('customers policy', () => {
  for (const [actor, byAction] of Object.entries(matrix) as [Actor, Record<CustomerAction, Outcome>][]) {
    for (const action of actions) {
      const outcome = byAction[action];
      it(`${action}: ${actor} → ${outcome}`, () => {
        const { viewer, access } = actors[actor]!;
        const guardian = new Guardian(viewer, settings, customerRules);
        const decision =
          action === 'customer.grantAccess' ? guardian.check(action, null) : guardian.check(action, access);
        expect(decision.allowed).toBe(outcome === true);
        if (outcome === 'login') expect(decision).toMatchObject({ needsLogin: true });
        if (!decision.allowed) expect(decision.reason.length).toBeGreaterThan(10);
      });
    }
  }

  it('says why a moderator without a grant is refused', () => {
    const guardian = new Guardian(actors.moderator!.viewer, settings, customerRules);
    expect(guardian.check('customer.read', { granted: false })).toMatchObject({
      reason: 'Only administrators and moderators an administrator granted customer access can see customer records.',
    });
  });

  it('maps service-token scopes to the customer actions', () => {
    expect(customerServiceScopes).toEqual({
      'customers:read': ['customer.read'],
      'customers:write': ['customer.write'],
    });
    for (const granted of Object.values(customerServiceScopes).flat()) expect(customerRules).toHaveProperty(granted);
  });
});
