import { describe, expect, it } from 'vitest';
import { Guardian, type Viewer } from '../../platform/authz/guardian.js';
import { systemActor } from '../../platform/authz/actor.js';
import { webhookRules } from './webhooks.policy.js';

const viewer = (id: number, role: Viewer['role'], extra: Partial<Viewer> = {}): Viewer => ({
  id,
  handle: `v${id}`,
  role,
  reputation: 10_000,
  createdAt: new Date('2026-01-01'),
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
  silencedAdmin: viewer(5, 'ADMIN', { silence: { until: null, reason: 'test' } }),
};
type Who = keyof typeof viewers;

// Admins only: reading the endpoints and their logs, and managing them (a silenced admin may read).
const matrix: Record<Who, { read: boolean; manage: boolean }> = {
  visitor: { read: false, manage: false },
  member: { read: false, manage: false },
  advocate: { read: false, manage: false },
  moderator: { read: false, manage: false },
  admin: { read: true, manage: true },
  silencedAdmin: { read: true, manage: false },
};

describe('webhook policy', () => {
  it.each(Object.keys(matrix) as Who[])('%s', (who) => {
    const g = new Guardian(viewers[who], {} as never, webhookRules);
    expect({ read: g.can('webhook.read', null), manage: g.can('webhook.manage', null) }).toEqual(matrix[who]);
  });

  it('a visitor is asked to log in to manage, refused to read', () => {
    const g = new Guardian(null, {} as never, webhookRules);
    expect(g.check('webhook.manage', null)).toMatchObject({ allowed: false, needsLogin: true });
    expect(g.check('webhook.read', null)).toMatchObject({ allowed: false });
  });

  it('the system (the delivery jobs) may do both', () => {
    const g = new Guardian(null, {} as never, webhookRules, systemActor('webhooks'));
    expect(g.can('webhook.manage', null)).toBe(true);
  });
});
