import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { assembly, modules } from '../../modules.js';
import { SERVICE_SCOPES, type Actor, type ServiceActor, type ServiceScope } from '../../platform/authz/actor.js';
import {
  allow,
  deny,
  Guardian,
  readRule,
  type Action,
  type Rules,
  type Viewer,
} from '../../platform/authz/guardian.js';
import { ForbiddenError } from '../../platform/errors.js';
import { assemble } from '../../platform/module.js';
import { parseReputationRules } from '../reputation/reputation.rules.js';

// Who may manage service tokens and read the event feed, and what a service may do at all: a
// service token may do exactly what its scopes grant (declared by the modules, gathered by
// assemble) and read what a visitor may; everything else is FORBIDDEN, never "log in".
const rules = parseReputationRules('{}');
const settings = { privileges: rules.privileges, newMembers: rules.newMembers };
const person = (id: number, role: Viewer['role']): Viewer => ({
  id,
  handle: `p${id}`,
  role,
  reputation: 5000,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  isAdvocate: false,
  advocateCategoryIds: null,
  silence: null,
});
const service = (scopes: readonly ServiceScope[]): ServiceActor => ({ type: 'service', id: 7, name: 'CRM', scopes });
const guardianOf = (viewer: Viewer | null, actor?: Actor) =>
  new Guardian(viewer, settings, assembly.rules, actor, assembly.serviceGrants);

const who = {
  visitor: () => guardianOf(null),
  member: () => guardianOf(person(1, 'MEMBER')),
  moderator: () => guardianOf(person(2, 'MODERATOR')),
  admin: () => guardianOf(person(3, 'ADMIN')),
  'customers:write': () => guardianOf(null, service(['customers:write'])),
  'customers:read': () => guardianOf(null, service(['customers:read'])),
  'events:read': () => guardianOf(null, service(['events:read'])),
  'cases:write': () => guardianOf(null, service(['cases:write'])),
  everyScope: () => guardianOf(null, service(SERVICE_SCOPES)),
};
type Who = keyof typeof who;
type Outcome = boolean | 'login';

const outcome = (guardian: Guardian, action: Action): Outcome => {
  const d = guardian.check(action, null as never);
  return d.allowed ? true : d.needsLogin ? 'login' : false;
};

const MATRIX: [Action, Record<Who, Outcome>][] = [
  [
    'serviceToken.read',
    {
      visitor: 'login',
      member: false,
      moderator: false,
      admin: true,
      'customers:write': false,
      'customers:read': false,
      'events:read': false,
      'cases:write': false,
      everyScope: false,
    },
  ],
  [
    'serviceToken.manage',
    {
      visitor: 'login',
      member: false,
      moderator: false,
      admin: true,
      'customers:write': false,
      'customers:read': false,
      'events:read': false,
      'cases:write': false,
      everyScope: false,
    },
  ],
  [
    'event.feed',
    {
      visitor: 'login',
      member: false,
      moderator: false,
      admin: true,
      'customers:write': false,
      'customers:read': false,
      'events:read': true,
      'cases:write': false,
      everyScope: true,
    },
  ],
  [
    'event.read',
    {
      visitor: false,
      member: false,
      moderator: true,
      admin: true,
      'customers:write': false,
      'customers:read': false,
      'events:read': false,
      'cases:write': false,
      everyScope: false,
    },
  ],
];

describe('integrations policy', () => {
  it.each(MATRIX)('%s', (action, expected) => {
    const actual = Object.fromEntries(Object.keys(who).map((w) => [w, outcome(who[w as Who](), action)]));
    expect(actual).toEqual(expected);
  });

  it('names the missing scope when a token lacks it', () => {
    expect(who['customers:read']().check('event.feed', null)).toEqual({
      allowed: false,
      reason: 'This service token lacks the "events:read" scope, which event.feed needs.',
    });
  });

  it('a service with every scope can do no write of any module but what a scope grants, and is never told to log in', () => {
    const granted = new Set(Object.keys(assembly.serviceGrants));
    const guardian = who.everyScope();
    for (const action of Object.keys(assembly.rules) as Action[]) {
      let decision;
      try {
        decision = guardian.check(action, null as never);
      } catch {
        continue; // a read rule that ran as for a visitor on the dummy resource
      }
      if (!decision.allowed) {
        expect({ action, needsLogin: decision.needsLogin }).toEqual({ action, needsLogin: undefined });
        continue;
      }
      // Allowed: granted by a scope, or a read a visitor is allowed too.
      if (!granted.has(action))
        expect({ action, visitor: who.visitor().can(action, null as never) }).toEqual({ action, visitor: true });
    }
    for (const write of ['post.vote', 'thread.reply', 'category.post', 'article.rate', 'settings.update'] as Action[]) {
      expect(() => guardian.ensureCan(write, null as never)).toThrow(ForbiddenError);
    }
  });

  it('a service is never a member: requireViewer is FORBIDDEN, requireActor is the service', () => {
    const guardian = who.everyScope();
    expect(() => guardian.requireViewer()).toThrow(ForbiddenError);
    expect(guardian.requireActor()).toEqual(service(SERVICE_SCOPES));
  });
});

describe('service scopes in the guardian', () => {
  // A module's own action, to show the mechanism without the customers module.
  const probe: Rules = {
    // The rule still runs for a granted service: it may refuse a resource.
    'event.feed': readRule((_viewer, resource, _settings, svc) =>
      svc && resource !== ('closed' as never) ? allow() : deny('Not this one.'),
    ),
    'serviceToken.manage': () => allow(),
  };
  const guardian = (scopes: ServiceScope[]) =>
    new Guardian(null, settings, probe, service(scopes), { 'event.feed': ['events:read', 'customers:read'] });

  it('allows what any of the token’s scopes grants, the rule deciding the resource', () => {
    expect(guardian(['customers:read']).can('event.feed', null)).toBe(true);
    expect(guardian(['events:read']).check('event.feed', 'closed' as never)).toEqual(deny('Not this one.'));
    expect(guardian(['cases:write']).check('event.feed', null)).toEqual(
      deny('This service token lacks the "events:read" or "customers:read" scope, which event.feed needs.'),
    );
  });

  it('refuses a write no scope grants, even one whose rule would allow anyone', () => {
    expect(guardian([...SERVICE_SCOPES]).check('serviceToken.manage', null)).toEqual(
      deny('No service token scope grants serviceToken.manage: integrations cannot do it.'),
    );
  });

  it('assemble gathers each module’s scopes and rejects unknown scopes or actions without a rule', () => {
    expect(assembly.serviceGrants['event.feed']).toEqual(['events:read']);
    const base = [...modules];
    expect(() =>
      assemble([...base, { name: 'bad', serviceScopes: { ['admin:all' as ServiceScope]: ['event.feed'] } }]),
    ).toThrow(/Unknown service scope admin:all/);
    expect(() =>
      assemble([...base, { name: 'bad', serviceScopes: { 'cases:write': ['case.nothing' as Action] } }]),
    ).toThrow(/grants case.nothing, which has no rule/);
  });
});
