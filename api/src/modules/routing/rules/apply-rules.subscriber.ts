import type { EntityManager } from '@mikro-orm/postgresql';
import { systemActor } from '../../../platform/authz/actor.js';
import { sql } from '../../../platform/db/sql.js';
import { recordEvent, ref, type DomainEvent } from '../../../platform/events/events.js';
import type { SubscriberDefinition } from '../../../platform/events/subscribers.js';
import type { Services } from '../../../platform/scope.js';
import type { Settings } from '../../../settings.js';
import '../../community/community.events.js';
import { customerOfMember } from '../../customers/customers.queries.js';
import { addPriorityPart, openEscalation } from '../../escalations/commands/escalate-thread.js';
import { rulePart } from '../../escalations/priority.js';
import { analyzeSentiment, type Sentiment } from '../../insights/sentiment/analyze.js';
import { sentimentsOf } from '../../insights/sentiment/sentiment.store.js';
import { ruleRows, type RuleRow } from './rules.queries.js';
import type { RuleActions } from './rules.events.js';

const actor = systemActor('routing.rules');

/** What the rules' conditions look at, for one new question. */
export interface QuestionFacts {
  categoryId: number;
  tags: string[];
  /** The asker's linked customer's segment (null: no linked customer, or none set). */
  segment: string | null;
  sentiment: Pick<Sentiment, 'score' | 'label' | 'cues'>;
}

/** Whether every condition the rule sets holds (a rule with none matches every question). */
export function ruleMatches(rule: RuleRow, q: QuestionFacts): boolean {
  if (rule.category_ids.length && !rule.category_ids.includes(q.categoryId)) return false;
  if (rule.tags.length && !rule.tags.some((t) => q.tags.includes(t))) return false;
  if (rule.segments.length) {
    const segment = q.segment?.toLowerCase();
    if (!segment || !rule.segments.some((s) => s.toLowerCase() === segment)) return false;
  }
  if (rule.sentiment_negative && q.sentiment.label !== 'NEGATIVE') return false;
  if (rule.sentiment_score_at_most !== null && q.sentiment.score > rule.sentiment_score_at_most) return false;
  if (rule.sentiment_cues.length && !rule.sentiment_cues.some((c) => q.sentiment.cues.includes(c))) return false;
  return true;
}

async function questionFacts(em: EntityManager, event: DomainEvent<'thread.created'>): Promise<QuestionFacts | null> {
  const [thread] = await sql<{ category_id: number; tags: string[]; title: string; body: string; author_id: number }>(
    em,
    `select t.category_id, t.tags, t.title, p.body, t.author_id
       from threads t join posts p on p.id = ?
      where t.id = ? and t.deleted_at is null and t.merged_into_id is null`,
    [event.data.postId, event.data.threadId],
  );
  if (!thread) return null;
  const customer = await customerOfMember(em, thread.author_id);
  // The insights module scores the post after commit too; its stored score when it has run,
  // else the same analysis here (deterministic: both give the same answer).
  const stored = (await sentimentsOf(em, [event.data.postId])).get(event.data.postId);
  return {
    categoryId: thread.category_id,
    tags: thread.tags,
    segment: customer?.segment ?? null,
    sentiment: stored ?? analyzeSentiment(thread.body, thread.title),
  };
}

/** Runs one matching rule's actions on a thread (claimed already): escalate, then raise, then notify. */
async function applyRule(
  tx: EntityManager,
  settings: Settings,
  rule: RuleRow,
  threadId: number,
  authorId: number,
): Promise<RuleActions> {
  let escalationId: number | null = null;
  if (rule.escalate) {
    const { escalation } = await openEscalation(tx, actor, settings, {
      threadId,
      reason: 'NEEDS_STAFF',
      requestedBy: null,
      advocate: false,
      note: `rule: ${rule.name}`,
      triggerPostId: null,
    });
    escalationId = escalation.id;
  }
  let raisedPriority = 0;
  if (rule.raise_priority > 0) {
    const [open] = await sql<{ id: number }>(
      tx,
      `select id from escalations where thread_id = ? and status in ('OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER')`,
      [threadId],
    );
    if (open && (await addPriorityPart(tx, settings, open.id, rulePart(rule.name, rule.raise_priority)))) {
      raisedPriority = rule.raise_priority;
    }
  }
  const notified = await sql<{ id: number }>(
    tx,
    `select m.id from members m
      where m.id <> ?
        and (m.id = any(?::int[]) or (? and m.role in ('MODERATOR', 'ADMIN')))
      order by m.id`,
    [authorId, `{${rule.notify_member_ids.join(',')}}`, rule.notify_moderators],
  );
  return { notifiedIds: notified.map((m) => m.id), raisedPriority, escalationId };
}

/**
 * Applies the admins' routing rules to each new question, after commit, in their order: every
 * enabled rule whose conditions hold is claimed in `routing_rule_applications` first (so a
 * redelivered or replayed event applies nothing twice), then its actions run and
 * `routing.rule_applied` records what they did (the notifications module turns the notified
 * members into QUESTION_ROUTED notifications naming the rule).
 */
export const applyRoutingRules: SubscriberDefinition<Services> = {
  name: 'routing.apply_rules',
  events: ['thread.created'],
  batchSize: 100,
  startAt: 'now',
  handle: async (events, { tx, services }) => {
    const rules = await ruleRows(tx, true);
    if (rules.length === 0) return;
    const settings = services.settings.current();
    for (const event of events as DomainEvent<'thread.created'>[]) {
      const facts = await questionFacts(tx, event);
      if (!facts) continue;
      const threadId = event.data.threadId;
      for (const rule of rules) {
        if (!ruleMatches(rule, facts)) continue;
        const claimed = await sql(
          tx,
          `insert into routing_rule_applications (rule_id, thread_id, actions) values (?, ?, '{}'::jsonb)
           on conflict do nothing returning rule_id`,
          [rule.id, threadId],
        );
        if (claimed.length === 0) continue;
        const actions = await applyRule(tx, settings, rule, threadId, event.data.authorId);
        await sql(tx, 'update routing_rule_applications set actions = ?::jsonb where rule_id = ? and thread_id = ?', [
          JSON.stringify(actions),
          rule.id,
          threadId,
        ]);
        await recordEvent(tx, actor, {
          name: 'routing.rule_applied',
          subject: ref('thread', threadId),
          related: [ref('routing_rule', rule.id), ...actions.notifiedIds.map((id) => ref('member', id))],
          data: { ruleId: rule.id, name: rule.name, threadId, actions },
        });
      }
    }
  },
};
