import {
  moderationRulesSchema,
  moderationSettingFields,
  type ModerationRules,
} from './modules/moderation/moderation.rules.js';
import {
  reputationRulesSchema,
  reputationSettingFields,
  type ReputationRules,
} from './modules/reputation/reputation.rules.js';
import { routingRulesSchema, routingSettingFields, type RoutingRules } from './modules/routing/routing.rules.js';
import {
  escalationRulesSchema,
  escalationSettingFields,
  type EscalationRules,
} from './modules/escalations/escalations.settings.js';
import { abuseLimitFields, abuseLimitsSchema, type AbuseLimits } from './platform/abuse-limits.js';
import type { SettingFieldSpec, SettingsGroupSchema, SettingsStore } from './platform/settings-store.js';

/**
 * The settings in force for one request, job batch or subscriber batch: an immutable snapshot
 * (platform/settings-store.ts). `revision` names the stored state it was built from.
 */
export interface Settings {
  readonly revision: number;
  readonly reputation: ReputationRules;
  readonly abuseLimits: AbuseLimits;
  readonly moderation: ModerationRules;
  readonly routing: RoutingRules;
  readonly escalations: EscalationRules;
}

export type SettingsGroupKey = Exclude<keyof Settings, 'revision'>;

export interface SettingsGroup extends SettingsGroupSchema {
  key: SettingsGroupKey;
  label: string;
  description: string;
  /** The environment variable whose JSON sets the startup values. */
  env: string;
  /** What admins may change at run time; anything else (schedules, level names) is startup-only. */
  fields: readonly SettingFieldSpec[];
}

export const SETTINGS_GROUPS: readonly SettingsGroup[] = [
  {
    key: 'reputation',
    label: 'Reputation',
    description: 'Points for votes, answers and picks, the daily cap, and the reputation each privilege needs.',
    env: 'REPUTATION_RULES',
    schema: reputationRulesSchema,
    fields: reputationSettingFields,
  },
  {
    key: 'abuseLimits',
    label: 'Abuse limits',
    description:
      'How fast and how much one member may post, vote, flag and edit; 0 turns a limit off. Staff are exempt.',
    env: 'ABUSE_LIMITS',
    schema: abuseLimitsSchema,
    fields: abuseLimitFields,
  },
  {
    key: 'moderation',
    label: 'Flags and review',
    description: 'How much each flag weighs, when flags hide a post, and how long a reviewer holds an item.',
    env: 'MODERATION_RULES',
    schema: moderationRulesSchema,
    fields: moderationSettingFields,
  },
  {
    key: 'routing',
    label: 'Question routing',
    description:
      'Who is asked about a new question: members with recent accepted answers in its tags and category, active lately, advocates first.',
    env: 'ROUTING_RULES',
    schema: routingRulesSchema,
    fields: routingSettingFields,
  },
  {
    key: 'escalations',
    label: 'Escalations',
    description:
      'When a negative post escalates its thread, the priorities that make an escalation urgent or high, their SLA times, and how often a member may ask for staff.',
    env: 'ESCALATION_RULES',
    schema: escalationRulesSchema,
    fields: escalationSettingFields,
  },
];

export type SettingsSource = SettingsStore<Settings>;
