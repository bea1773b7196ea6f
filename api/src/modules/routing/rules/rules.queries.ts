import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../../platform/db/sql.js';
import { NotFoundError } from '../../../platform/errors.js';
import type { RuleCue, RuleInput } from './rules.schema.js';

export interface RuleRow {
  id: number;
  name: string;
  enabled: boolean;
  position: number;
  tags: string[];
  segments: string[];
  sentiment_negative: boolean;
  sentiment_score_at_most: number | null;
  sentiment_cues: RuleCue[];
  notify_moderators: boolean;
  raise_priority: number;
  escalate: boolean;
  created_at: Date;
  updated_at: Date;
  category_ids: number[];
  category_names: string[];
  notify_member_ids: number[];
  notify_handles: string[];
}

const RULE_SELECT = `
  select r.*,
         array(select c.id from routing_rule_categories rc join categories c on c.id = rc.category_id
                where rc.rule_id = r.id order by c.name, c.id) as category_ids,
         array(select c.name from routing_rule_categories rc join categories c on c.id = rc.category_id
                where rc.rule_id = r.id order by c.name, c.id) as category_names,
         array(select m.id from routing_rule_members rm join members m on m.id = rm.member_id
                where rm.rule_id = r.id order by lower(m.handle)) as notify_member_ids,
         array(select m.handle from routing_rule_members rm join members m on m.id = rm.member_id
                where rm.rule_id = r.id order by lower(m.handle)) as notify_handles
    from routing_rules r`;

/** Every rule in order (position, then id); `enabledOnly` for evaluation. */
export function ruleRows(em: EntityManager, enabledOnly = false): Promise<RuleRow[]> {
  return sql<RuleRow>(em, `${RULE_SELECT} ${enabledOnly ? 'where r.enabled' : ''} order by r.position, r.id`);
}

export async function ruleRow(em: EntityManager, id: number, lock = false): Promise<RuleRow> {
  if (lock) await sql(em, 'select 1 from routing_rules where id = ? for update', [id]);
  const [row] = await sql<RuleRow>(em, `${RULE_SELECT} where r.id = ?`, [id]);
  if (!row) throw new NotFoundError('Routing rule');
  return row;
}

/** A stored rule as the input that would write it (to merge a partial update onto). */
export const inputOf = (r: RuleRow): RuleInput => ({
  name: r.name,
  enabled: r.enabled,
  categoryIds: r.category_ids,
  tags: r.tags,
  segments: r.segments,
  sentimentNegative: r.sentiment_negative,
  sentimentScoreAtMost: r.sentiment_score_at_most,
  sentimentCues: r.sentiment_cues,
  notifyHandles: r.notify_handles,
  notifyModerators: r.notify_moderators,
  raisePriority: r.raise_priority,
  escalate: r.escalate,
});

const cueWords: Record<RuleCue, string> = {
  FRUSTRATION: 'frustration',
  URGENCY: 'urgency',
  CONFUSION: 'confusion',
  CHURN_RISK: 'churn risk',
};
const or = (xs: string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs.at(-1)}`);
const and = (xs: string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);

/** The conditions in words: "in Billing, tagged sso or saml, from an Enterprise customer". */
export function conditionsText(r: RuleRow): string {
  const parts: string[] = [];
  if (r.category_names.length) parts.push(`in ${or(r.category_names)}`);
  if (r.tags.length) parts.push(`tagged ${or(r.tags)}`);
  if (r.segments.length) parts.push(`from a customer in ${or(r.segments)}`);
  const mood: string[] = [];
  if (r.sentiment_negative) mood.push('negative');
  if (r.sentiment_score_at_most !== null) mood.push(`sentiment at most ${r.sentiment_score_at_most}`);
  if (r.sentiment_cues.length) mood.push(`showing ${or(r.sentiment_cues.map((c) => cueWords[c]))}`);
  if (mood.length) parts.push(and(mood));
  return parts.length ? `A new question ${and(parts)}` : 'Every new question';
}

/** The actions in words: "notify moderators and @alice, raise priority by 10, escalate". */
export function actionsText(r: RuleRow): string {
  const parts: string[] = [];
  const who = [...(r.notify_moderators ? ['moderators'] : []), ...r.notify_handles.map((h) => `@${h}`)];
  if (who.length) parts.push(`notify ${and(who)}`);
  if (r.raise_priority > 0) parts.push(`raise priority by ${r.raise_priority}`);
  if (r.escalate) parts.push('escalate');
  return and(parts);
}
