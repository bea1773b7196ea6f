import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../../platform/authz/actor.js';
import { isStaffViewer } from '../../../platform/authz/guardian.js';
import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import { assertValid, type FieldErrors } from '../../../platform/errors.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import type { Scope } from '../../../platform/scope.js';
import type { Settings } from '../../../settings.js';
import { advocatesIn } from '../../community/community.policy.js';
import { readableThread } from '../../community/visibility.js';
import { customerOfMember } from '../../customers/customers.queries.js';
import { influenceOfMembers } from '../../insights/influence/influence.store.js';
import { analyzeSentiment } from '../../insights/sentiment/analyze.js';
import { sentimentsOf } from '../../insights/sentiment/sentiment.store.js';
import '../escalations.events.js';
import type { EscalationReason } from '../escalations.events.js';
import { openSql, type EscalationRow } from '../escalations.queries.js';
import { priorityOf, priorityParts, slaMinutes, type PriorityPart } from '../priority.js';

/** Longest note an asker may give with "needs staff". */
export const MAX_NOTE = 1000;

export interface EscalationRequest {
  threadId: number;
  reason: EscalationReason;
  /** The member who asked; null when the system escalated. */
  requestedBy: number | null;
  /** An advocate asked: first in the queue. */
  advocate: boolean;
  note: string | null;
  /** The post that triggered it (NEGATIVE_URGENT); otherwise the question is scored. */
  triggerPostId: number | null;
}

interface ThreadFacts {
  id: number;
  author_id: number;
  created_at: Date;
  question_post_id: number | null;
}

/** The priority parts of an escalation of `thread` now (customer value, influence, sentiment, time waited). */
export async function computePriority(
  em: EntityManager,
  thread: ThreadFacts,
  opts: { triggerPostId: number | null; advocate: boolean; customerId?: number | null; now?: Date },
): Promise<{ parts: PriorityPart[]; customerId: number | null }> {
  const customer = await customerOfMember(em, thread.author_id);
  const influence = (await influenceOfMembers(em, [thread.author_id])).get(thread.author_id)?.score ?? 0;
  const postId = opts.triggerPostId ?? thread.question_post_id;
  let sentiment: { score: number; cues: string[] } | null = null;
  if (postId !== null) {
    const stored = (await sentimentsOf(em, [postId])).get(postId);
    if (stored) sentiment = stored;
    else {
      // Not scored yet (its subscriber runs after commit): scored here the same way, not stored.
      const [post] = await sql<{ body: string; title: string | null }>(
        em,
        `select p.body, case when p.is_question then t.title end as title from posts p join threads t on t.id = p.thread_id where p.id = ?`,
        [postId],
      );
      if (post) sentiment = analyzeSentiment(post.body, post.title);
    }
  }
  const now = opts.now ?? new Date();
  const parts = priorityParts({
    lifetimeValueCents: customer?.lifetime_value_cents == null ? null : Number(customer.lifetime_value_cents),
    currency: customer?.currency ?? null,
    influence,
    sentimentScore: sentiment?.score ?? null,
    cues: sentiment?.cues ?? [],
    hoursWaited: (now.getTime() - new Date(thread.created_at).getTime()) / 3_600_000,
    advocate: opts.advocate,
  });
  return { parts, customerId: customer?.id ?? null };
}

/**
 * Opens an escalation of a thread, or returns the one already open (idempotent: the partial
 * unique index on open escalations makes concurrent triggers leave one row; the loser reads
 * the winner's). Every trigger ends here: "needs staff", the unanswered scan and the negative
 * post subscriber. The caller has checked who may ask.
 */
export async function openEscalation(
  em: EntityManager,
  actor: Actor,
  settings: Settings,
  request: EscalationRequest,
): Promise<{ escalation: EscalationRow; created: boolean }> {
  const existing = async (tx: EntityManager) => {
    const [row] = await sql<EscalationRow>(tx, `select * from escalations e where thread_id = ? and ${openSql()}`, [
      request.threadId,
    ]);
    return row ?? null;
  };
  const already = await existing(em);
  if (already) return { escalation: already, created: false };
  const [thread] = await sql<ThreadFacts>(
    em,
    `select id, author_id, created_at, question_post_id from threads where id = ? and deleted_at is null`,
    [request.threadId],
  );
  if (!thread) throw new Error(`thread ${request.threadId} is gone`);
  const { parts, customerId } = await computePriority(em, thread, request);
  const priority = priorityOf(parts);
  return transact(em, async (tx) => {
    const [row] = await sql<EscalationRow>(
      tx,
      `insert into escalations (thread_id, customer_id, reason, requested_by, note, trigger_post_id, advocate,
                                priority, priority_parts, sla_due_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, now() + make_interval(mins => ?))
       on conflict (thread_id) where status in ('OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER') do nothing
       returning *`,
      [
        request.threadId,
        customerId,
        request.reason,
        request.requestedBy,
        request.note,
        request.triggerPostId,
        request.advocate,
        priority,
        JSON.stringify(parts),
        slaMinutes(priority, settings.escalations),
      ],
    );
    if (!row) {
      const winner = await existing(tx);
      if (!winner) throw new Error(`escalation of thread ${request.threadId} vanished`);
      return { escalation: winner, created: false };
    }
    await recordEvent(tx, actor, {
      name: 'escalation.created',
      subject: ref('escalation', row.id),
      related: [ref('thread', thread.id), ref('member', thread.author_id)],
      data: {
        escalationId: row.id,
        threadId: thread.id,
        reason: request.reason,
        priority,
        customerId,
        requestedById: request.requestedBy,
        askerId: thread.author_id,
      },
    });
    return { escalation: row, created: true };
  });
}

/**
 * "Needs staff": the asker, an advocate of the thread's category or staff ask for staff on a
 * thread they may read (NOT_FOUND otherwise; FORBIDDEN for anyone else). `note` is the asker's
 * words (trimmed, at most 1,000 characters). Counted against the hourly limit (staff exempt).
 */
export async function escalateThread(
  scope: Scope,
  input: { threadId: number; note: string | null },
): Promise<{ escalation: EscalationRow; created: boolean }> {
  const viewer = scope.guardian.requireViewer();
  const { thread } = await readableThread(scope.em, viewer, input.threadId);
  scope.guardian.ensureCan('escalation.request', { askerId: thread.authorId, categoryId: thread.categoryId });
  const errors: FieldErrors = {};
  const note = input.note?.trim() || null;
  if (note && note.length > MAX_NOTE) errors.reason = `Say why in at most ${MAX_NOTE} characters.`;
  assertValid(errors);
  const perHour = scope.settings.escalations.requestsPerHour;
  if (perHour > 0 && !isStaffViewer(viewer)) {
    await scope.services.rateLimits.consume(
      { label: '"needs staff" requests', points: perHour, durationSeconds: 3600 },
      `escalation-request:${viewer.id}`,
    );
  }
  return openEscalation(scope.em, scope.guardian.requireActor(), scope.settings, {
    threadId: thread.id,
    reason: 'NEEDS_STAFF',
    requestedBy: viewer.id,
    advocate: !isStaffViewer(viewer) && advocatesIn(viewer, thread.categoryId),
    note,
    triggerPostId: null,
  });
}

/**
 * Adds a part to an open escalation's priority from outside the formula (a routing rule's
 * "raise priority by N": `rulePart`), once per part's detail: the priority is the sum again and
 * the SLA only moves earlier. Returns false when the escalation is no longer open.
 */
export async function addPriorityPart(
  em: EntityManager,
  settings: Settings,
  escalationId: number,
  part: PriorityPart,
): Promise<boolean> {
  const [row] = await sql<{ priority: number; priority_parts: PriorityPart[] }>(
    em,
    `select priority, priority_parts from escalations e where id = ? and ${openSql()} for update`,
    [escalationId],
  );
  if (!row) return false;
  if (row.priority_parts.some((p) => p.name === part.name && p.detail === part.detail)) return true;
  const parts = [...row.priority_parts, part];
  const priority = priorityOf(parts);
  await sql(
    em,
    `update escalations set priority = ?, priority_parts = ?::jsonb,
            sla_due_at = least(sla_due_at, created_at + make_interval(mins => ?)), updated_at = now()
      where id = ?`,
    [priority, JSON.stringify(parts), slaMinutes(priority, settings.escalations), escalationId],
  );
  return true;
}
