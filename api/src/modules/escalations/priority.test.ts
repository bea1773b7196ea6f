import { describe, expect, it } from 'vitest';
import { DEFAULT_ESCALATION_RULES as rules } from './escalations.settings.js';
import { bandOf, explainPriority, priorityOf, priorityParts, slaMinutes } from './priority.js';
import { caseStatusToStatus } from './case-status.js';

const base = {
  lifetimeValueCents: null,
  currency: null,
  influence: 0,
  sentimentScore: null,
  cues: [],
  hoursWaited: 0,
  advocate: false,
};

describe('priority', () => {
  it('adds value (log scale), influence, sentiment and time waited, and explains the sum', () => {
    const parts = priorityParts({
      lifetimeValueCents: 100_000, // 1,000.00: 6 × log10(1,001) = 18
      currency: 'EUR',
      influence: 2.5, // 4 × log2(3.5) = 7.2 → 7
      sentimentScore: -700, // 7, + urgency 5 = 12
      cues: ['URGENCY', 'GRATITUDE'],
      hoursWaited: 5.9, // 5 full hours × 2
      advocate: false,
    });
    expect(parts).toEqual([
      { name: 'value', points: 18, detail: 'lifetime value 1000.00 EUR' },
      { name: 'influence', points: 7, detail: 'influence score 2.5' },
      { name: 'sentiment', points: 12, detail: 'score -700, urgency' },
      { name: 'waited', points: 10, detail: '5 h waiting × 2' },
    ]);
    expect(priorityOf(parts)).toBe(47);
    expect(explainPriority(parts)).toBe('value 18 + influence 7 + sentiment 12 + waited 5 h × 2 = 47');
  });

  it('an advocate’s escalation gets the boost and says it goes first', () => {
    const parts = priorityParts({ ...base, advocate: true, hoursWaited: 1 });
    expect(parts.at(-1)).toEqual({ name: 'advocate', points: 10, detail: 'an advocate asked: first in queue' });
    expect(explainPriority(parts)).toBe(
      'value 0 + influence 0 + sentiment 0 + waited 1 h × 2 + advocate 10 = 12; advocate: first in queue',
    );
  });

  it('bounds each part, so no one signal swamps the others', () => {
    const parts = priorityParts({
      lifetimeValueCents: 1e15,
      currency: 'USD',
      influence: 1e9,
      sentimentScore: -1000,
      cues: ['URGENCY', 'CHURN_RISK', 'FRUSTRATION'],
      hoursWaited: 1000,
      advocate: false,
    });
    expect(parts.map((p) => p.points)).toEqual([40, 20, 20, 48]);
    // Positive sentiment and no customer add nothing; a negative wait is none.
    expect(priorityOf(priorityParts({ ...base, sentimentScore: 900, hoursWaited: -3 }))).toBe(0);
  });

  it('grows with the customer value on a log scale', () => {
    const value = (cents: number) => priorityParts({ ...base, lifetimeValueCents: cents })[0]!.points;
    expect([0, 1_000, 100_000, 10_000_000].map(value)).toEqual([0, 6, 18, 30]);
  });

  it('sets the SLA from the priority band', () => {
    expect([bandOf(60, rules), bandOf(59, rules), bandOf(35, rules), bandOf(34, rules)]).toEqual([
      'URGENT',
      'HIGH',
      'HIGH',
      'NORMAL',
    ]);
    expect([slaMinutes(70, rules), slaMinutes(40, rules), slaMinutes(10, rules)]).toEqual([60, 240, 1440]);
  });
});

describe('CRM case statuses', () => {
  it('map to escalation statuses; unknown words map to none', () => {
    expect(
      ['new', 'Open', 'in_progress', 'in progress', 'pending', 'waiting', 'solved', 'resolved', 'closed', 'CLOSED'].map(
        caseStatusToStatus,
      ),
    ).toEqual([
      'OPEN',
      'OPEN',
      'IN_PROGRESS',
      'IN_PROGRESS',
      'IN_PROGRESS',
      'WAITING_ON_CUSTOMER',
      'RESOLVED',
      'RESOLVED',
      'CLOSED',
      'CLOSED',
    ]);
    expect(caseStatusToStatus('escalated_tier3')).toBeNull();
  });
});
