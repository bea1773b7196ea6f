import { describe, expect, it } from 'vitest';
import { explainPriority, extraParts, priorityOf, rulePart } from '../../escalations/priority.js';
import { ruleMatches, type QuestionFacts } from './apply-rules.subscriber.js';
import { actionsText, conditionsText, type RuleRow } from './rules.queries.js';
import { ruleInputSchema } from './rules.schema.js';

const rule = (over: Partial<RuleRow> = {}): RuleRow => ({
  id: 1,
  name: 'R',
  enabled: true,
  position: 0,
  tags: [],
  segments: [],
  sentiment_negative: false,
  sentiment_score_at_most: null,
  sentiment_cues: [],
  notify_moderators: false,
  raise_priority: 0,
  escalate: true,
  created_at: new Date(),
  updated_at: new Date(),
  category_ids: [],
  category_names: [],
  notify_member_ids: [],
  notify_handles: [],
  ...over,
});

const question = (over: Partial<QuestionFacts> = {}): QuestionFacts => ({
  categoryId: 5,
  tags: ['sso'],
  segment: 'Enterprise',
  sentiment: { score: -600, label: 'NEGATIVE', cues: ['URGENCY'] },
  ...over,
});

describe('ruleMatches', () => {
  it('needs every condition set, and a rule with none matches every question', () => {
    expect(ruleMatches(rule(), question())).toBe(true);
    const all = rule({
      category_ids: [5],
      tags: ['saml', 'sso'],
      segments: ['enterprise'],
      sentiment_negative: true,
      sentiment_score_at_most: -500,
      sentiment_cues: ['CHURN_RISK', 'URGENCY'],
    });
    expect(ruleMatches(all, question())).toBe(true);
    expect(ruleMatches(all, question({ categoryId: 6 }))).toBe(false);
    expect(ruleMatches(all, question({ tags: ['billing'] }))).toBe(false);
    expect(ruleMatches(all, question({ segment: null }))).toBe(false);
    expect(ruleMatches(all, question({ sentiment: { score: -400, label: 'NEGATIVE', cues: ['URGENCY'] } }))).toBe(
      false,
    );
    expect(ruleMatches(all, question({ sentiment: { score: -600, label: 'NEGATIVE', cues: ['CONFUSION'] } }))).toBe(
      false,
    );
    expect(
      ruleMatches(
        rule({ sentiment_negative: true }),
        question({ sentiment: { score: 0, label: 'NEUTRAL', cues: [] } }),
      ),
    ).toBe(false);
  });
});

describe('in words', () => {
  it('says the conditions and actions', () => {
    const r = rule({
      category_names: ['Billing', 'Sync'],
      tags: ['sso'],
      segments: ['enterprise'],
      sentiment_cues: ['CHURN_RISK'],
      notify_moderators: true,
      notify_handles: ['alice'],
      raise_priority: 10,
    });
    expect(conditionsText(r)).toBe(
      'A new question in Billing or Sync, tagged sso, from a customer in enterprise and showing churn risk',
    );
    expect(actionsText(r)).toBe('notify moderators and @alice, raise priority by 10 and escalate');
    expect(conditionsText(rule())).toBe('Every new question');
  });
});

describe('the rule part of a priority', () => {
  it('adds to the sum, reads "rule <name> +N" and survives a recomputation', () => {
    const parts = [
      { name: 'value' as const, points: 18, detail: 'x' },
      { name: 'waited' as const, points: 4, detail: '2 h' },
      rulePart('Enterprise urgent', 10),
    ];
    expect(priorityOf(parts)).toBe(32);
    expect(explainPriority(parts)).toBe('value 18 + waited 2 h × 2 + rule Enterprise urgent +10 = 32');
    expect(extraParts(parts)).toEqual([rulePart('Enterprise urgent', 10)]);
  });
});

describe('input', () => {
  it('normalises lists and refuses a rule without an action', () => {
    const ok = ruleInputSchema.parse({ name: ' R ', tags: ['SSO', 'sso'], escalate: true });
    expect(ok).toMatchObject({ name: 'R', tags: ['sso'], enabled: true, raisePriority: 0 });
    expect(ruleInputSchema.safeParse({ name: 'R' }).success).toBe(false);
  });
});
