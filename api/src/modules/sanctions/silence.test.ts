import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { Guardian, type Action, type Viewer } from '../../platform/authz/guardian.js';
import { assembly } from '../../modules.js';
import { parseReputationRules } from '../reputation/reputation.rules.js';

// The silence is the guardian's, not each rule's: every action of every module is refused to a
// silenced member unless its rule is marked readRule. A new write action is covered without a
// line of its own; a new read must be declared one, and this list changes with it.
const READS = [
  'article.review',
  'category.administer',
  'customer.read',
  'deflection.read',
  'escalation.read',
  'event.feed',
  'event.read',
  'insights.read',
  'member.list',
  'member.readEmail',
  'member.readSanction',
  'member.readSanctionHistory',
  'member.readStaffNotes',
  'member.searchByEmail',
  'post.listRemoved',
  'review.list',
  'routing.read',
  'routing.rule.read',
  'serviceToken.read',
  'settings.read',
  'webhook.read',
];

const rules = parseReputationRules('{}');
const settings = { privileges: rules.privileges, newMembers: rules.newMembers };
const admin = (silence: Viewer['silence']): Viewer => ({
  id: 1,
  handle: 'boss',
  role: 'ADMIN',
  reputation: 0,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  isAdvocate: false,
  advocateCategoryIds: null,
  silence,
});
const tomorrow = new Date(Date.now() + 86_400_000);
const SILENCED = /^You are silenced until .* \(reason: Heated threads\)\. You can read, but you cannot post/;

/** Whether the guardian refused `action` for the silence itself (a rule that ran may throw on the dummy resource). */
function refusedForSilence(guardian: Guardian, action: Action): boolean {
  try {
    const decision = guardian.check(action, null as never);
    return !decision.allowed && SILENCED.test(decision.reason);
  } catch {
    return false;
  }
}

describe('silence in the guardian', () => {
  const actions = Object.keys(assembly.rules) as Action[];

  it('refuses every action but the declared reads, naming the reason and the end', () => {
    const silenced = new Guardian(admin({ until: tomorrow, reason: 'Heated threads' }), settings, assembly.rules);
    const escaping = actions.filter((a) => !refusedForSilence(silenced, a)).sort();
    expect(escaping).toEqual(READS);
    expect(actions).toEqual(expect.arrayContaining(['post.vote', 'thread.reply', 'category.post', 'article.rate']));
    expect(silenced.check('post.vote', null as never)).toMatchObject({
      reason: expect.stringContaining(`until ${tomorrow.toISOString()}`),
    });
  });

  it('an open-ended silence says it lasts until a moderator lifts it', () => {
    const silenced = new Guardian(admin({ until: null, reason: 'Heated threads' }), settings, assembly.rules);
    expect(silenced.check('thread.reply', null as never)).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/^You are silenced until a moderator lifts it \(reason: Heated threads\)/),
    });
  });

  it('a silence whose end passed during the request no longer refuses', () => {
    const past = new Guardian(
      admin({ until: new Date(Date.now() - 1000), reason: 'Heated threads' }),
      settings,
      assembly.rules,
    );
    expect(actions.filter((a) => refusedForSilence(past, a))).toEqual([]);
  });

  it('the system is not silenced', () => {
    const system = new Guardian(null, settings, assembly.rules, { type: 'system', name: 'test' });
    expect(system.can('post.vote', null as never)).toBe(true);
  });
});
