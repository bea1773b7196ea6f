import { z } from 'zod';
import { systemActor } from '../../platform/authz/actor.js';
import { sql } from '../../platform/db/sql.js';
import type { JobDefinition } from '../../platform/jobs/jobs.js';
import { logger } from '../../platform/logger.js';
import type { Services } from '../../platform/scope.js';
import { computePriority, openEscalation } from './commands/escalate-thread.js';
import { openSql, type EscalationRow } from './escalations.queries.js';
import { extraParts, priorityOf, slaMinutes } from './priority.js';

declare module '../../platform/jobs/jobs.js' {
  interface JobPayloads {
    'escalations.scan-unanswered': Record<string, never>;
    'escalations.refresh-priorities': Record<string, never>;
  }
}

/** Threads escalated per run of the scan, and open escalations re-prioritised per run. */
export const SCAN_BATCH = 100;
export const REFRESH_BATCH = 500;

/**
 * Escalates open questions (QA categories with an answer target) still unanswered (no reply:
 * the thread list's UNANSWERED filter) past their category's target time, never escalated
 * before. Oldest first, at most SCAN_BATCH per run, over the partial index of unanswered open
 * threads. Returns how many escalations it opened.
 */
export async function escalateUnanswered(services: Services): Promise<number> {
  const em = services.orm.em.fork();
  const settings = services.settings.current();
  const due = await sql<{ id: number }>(
    em,
    `select t.id from threads t join categories c on c.id = t.category_id
      where t.status = 'OPEN' and t.reply_count = 0 and t.deleted_at is null and t.merged_into_id is null
        and c.kind = 'QA' and c.answer_target_minutes is not null
        and t.created_at < now() - make_interval(mins => c.answer_target_minutes)
        and not exists (select 1 from escalations e where e.thread_id = t.id)
      order by t.created_at, t.id limit ?`,
    [SCAN_BATCH],
  );
  let opened = 0;
  for (const { id } of due) {
    const { created } = await openEscalation(em, systemActor('escalations.unanswered'), settings, {
      threadId: id,
      reason: 'UNANSWERED',
      requestedBy: null,
      advocate: false,
      note: null,
      triggerPostId: null,
    });
    if (created) opened++;
  }
  return opened;
}

/**
 * Recomputes the priority of open escalations (the waiting part grows by the hour; value,
 * influence and sentiment may have changed), least recently computed first, at most
 * REFRESH_BATCH per run. The SLA only ever tightens: a higher band brings it forward. No event:
 * the priority is derived, not a change anyone made.
 */
export async function refreshPriorities(services: Services, now = new Date()): Promise<number> {
  const em = services.orm.em.fork();
  const settings = services.settings.current();
  const rows = await sql<
    EscalationRow & { author_id: number; thread_created_at: Date; question_post_id: number | null }
  >(
    em,
    `select e.*, t.author_id, t.created_at as thread_created_at, t.question_post_id
       from escalations e join threads t on t.id = e.thread_id
      where ${openSql()} order by e.priority_computed_at, e.id limit ?`,
    [REFRESH_BATCH],
  );
  let changed = 0;
  for (const row of rows) {
    const { parts: computed } = await computePriority(
      em,
      {
        id: row.thread_id,
        author_id: row.author_id,
        created_at: row.thread_created_at,
        question_post_id: row.question_post_id,
      },
      { triggerPostId: row.trigger_post_id, advocate: row.advocate, now },
    );
    const parts = [...computed, ...extraParts(row.priority_parts)];
    const priority = priorityOf(parts);
    const same = priority === row.priority && JSON.stringify(parts) === JSON.stringify(row.priority_parts);
    await sql(
      em,
      `update escalations set priority = ?, priority_parts = ?::jsonb, priority_computed_at = now(),
              sla_due_at = least(sla_due_at, created_at + make_interval(mins => ?))
        where id = ? and ${openSql('escalations')}`,
      [priority, JSON.stringify(parts), slaMinutes(priority, settings.escalations), row.id],
    );
    if (!same) changed++;
  }
  return changed;
}

export const scanUnansweredJob: JobDefinition<'escalations.scan-unanswered', Services> = {
  name: 'escalations.scan-unanswered',
  payload: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
  cron: () => '* * * * *',
  retryLimit: 1,
  handle: async (services) => {
    const opened = await escalateUnanswered(services);
    if (opened > 0) logger.info('unanswered questions escalated', { opened });
  },
};

export const refreshPrioritiesJob: JobDefinition<'escalations.refresh-priorities', Services> = {
  name: 'escalations.refresh-priorities',
  payload: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
  cron: () => '*/10 * * * *',
  retryLimit: 1,
  handle: async (services) => {
    const changed = await refreshPriorities(services);
    if (changed > 0) logger.info('escalation priorities refreshed', { changed });
  },
};
