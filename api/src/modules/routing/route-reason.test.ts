import { describe, expect, it } from 'vitest';
import { routeReasonText, type RouteReason } from './route-reason.js';
import { DEFAULT_ROUTING_RULES, parseRoutingRules } from './routing.rules.js';

const reason = (extra: Partial<RouteReason> = {}): RouteReason => ({
  tag: 'postgres',
  tagAnswers: 4,
  category: 'Databases',
  categoryAnswers: 2,
  windowDays: 90,
  advocate: false,
  ...extra,
});

describe('the reason a member was asked', () => {
  it('names the shared tag first, with the count and the window', () => {
    expect(routeReasonText(reason())).toBe('You answered 4 questions tagged postgres in the last 90 days');
    expect(routeReasonText(reason({ tagAnswers: 1, windowDays: 30 }))).toBe(
      'You answered 1 question tagged postgres in the last 30 days',
    );
  });

  it('falls back to the category when no tag was shared', () => {
    expect(routeReasonText(reason({ tag: null, tagAnswers: 0 }))).toBe(
      'You answered 2 questions in Databases in the last 90 days',
    );
  });

  it('tells advocates why they come first', () => {
    expect(routeReasonText(reason({ advocate: true }))).toBe(
      'You answered 4 questions tagged postgres in the last 90 days, and you are one of our advocates',
    );
  });
});

describe('routing settings', () => {
  it('default to 3 members per question, 3 a day each, answers of 90 days, posts of 14', () => {
    expect(DEFAULT_ROUTING_RULES).toMatchObject({ perThread: 3, dailyCap: 3, windowDays: 90, activeDays: 14 });
  });

  it('read ROUTING_RULES, rejecting bad values', () => {
    expect(parseRoutingRules('{"perThread": 0, "dailyCap": 5}')).toMatchObject({ perThread: 0, dailyCap: 5 });
    expect(() => parseRoutingRules('{"dailyCap": 0}')).toThrow(/ROUTING_RULES: dailyCap/);
    expect(() => parseRoutingRules('{"nope": 1}')).toThrow(/ROUTING_RULES/);
    expect(() => parseRoutingRules('nope')).toThrow(/not valid JSON/);
  });
});
