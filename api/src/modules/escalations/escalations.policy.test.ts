import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { Guardian, type Viewer } from '../../platform/authz/guardian.js';
import type { ServiceActor } from '../../platform/authz/actor.js';
import { parseReputationRules } from '../reputation/reputation.rules.js';
import { escalationRules, escalationServiceScopes } from './escalations.policy.js';

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
const thread = { askerId: 1, categoryId: 7 };
const grants = { 'escalation.updateCase': ['cases:write' as const] };
const guardian = (v: Viewer | null) => new Guardian(v, settings, escalationRules, undefined, grants);
const service = (scopes: ServiceActor['scopes']) =>
  new Guardian(null, settings, escalationRules, { type: 'service', id: 1, name: 'CRM', scopes }, grants);

describe('escalation rules', () => {
  it('the asker, an advocate of the category and staff may ask for staff; nobody else', () => {
    expect(guardian(viewer(1)).can('escalation.request', thread)).toBe(true);
    expect(guardian(viewer(2)).can('escalation.request', thread)).toBe(false);
    expect(guardian(viewer(2, { isAdvocate: true })).can('escalation.request', thread)).toBe(true);
    expect(guardian(viewer(2, { isAdvocate: true, advocateCategoryIds: [7] })).can('escalation.request', thread)).toBe(
      true,
    );
    expect(guardian(viewer(2, { isAdvocate: true, advocateCategoryIds: [8] })).can('escalation.request', thread)).toBe(
      false,
    );
    expect(guardian(viewer(3, { role: 'MODERATOR' })).can('escalation.request', thread)).toBe(true);
    expect(guardian(null).check('escalation.request', thread)).toMatchObject({ allowed: false, needsLogin: true });
    // Asking is a write: a silenced asker may not.
    expect(guardian(viewer(1, { silence })).can('escalation.request', thread)).toBe(false);
  });

  it('staff read and work the queue; members, visitors and services do not', () => {
    for (const action of ['escalation.read', 'escalation.manage'] as const) {
      expect(guardian(viewer(3, { role: 'MODERATOR' })).can(action, null)).toBe(true);
      expect(guardian(viewer(4, { role: 'ADMIN' })).can(action, null)).toBe(true);
      expect(guardian(viewer(1, { isAdvocate: true })).can(action, null)).toBe(false);
      expect(guardian(null).can(action, null)).toBe(false);
      expect(service(['cases:write']).can(action, null)).toBe(false);
    }
    // Reading stays open to silenced staff.
    expect(guardian(viewer(3, { role: 'MODERATOR', silence })).can('escalation.read', null)).toBe(true);
  });

  it('cases are updated by staff and by services with cases:write only', () => {
    expect(escalationServiceScopes).toEqual({ 'cases:write': ['escalation.updateCase'] });
    expect(service(['cases:write']).can('escalation.updateCase', null)).toBe(true);
    expect(service(['customers:write', 'customers:read', 'events:read']).check('escalation.updateCase', null)).toEqual({
      allowed: false,
      reason: 'This service token lacks the "cases:write" scope, which escalation.updateCase needs.',
    });
    expect(guardian(viewer(3, { role: 'MODERATOR' })).can('escalation.updateCase', null)).toBe(true);
    expect(guardian(viewer(1)).can('escalation.updateCase', null)).toBe(false);
  });
});
