/** What a routing rule's actions did to one thread. */
export interface RuleActions {
  /** Members notified (QUESTION_ROUTED with the rule's name as the reason). */
  notifiedIds: number[];
  /** Points added to the thread's escalation (0: none asked, or no open escalation). */
  raisedPriority: number;
  /** The escalation opened (or found open) by the rule; null when it does not escalate. */
  escalationId: number | null;
}

export interface RuleSummary {
  ruleId: number;
  name: string;
}

declare module '../../../platform/events/events.js' {
  interface EventData {
    'routing.rule_created': RuleSummary;
    'routing.rule_updated': RuleSummary & { before: Record<string, unknown>; after: Record<string, unknown> };
    'routing.rule_deleted': RuleSummary;
    'routing.rules_reordered': { ruleIds: number[] };
    /** A rule's conditions held for a new question and its actions ran (once per rule and thread). */
    'routing.rule_applied': RuleSummary & { threadId: number; actions: RuleActions };
  }
}

export {};
