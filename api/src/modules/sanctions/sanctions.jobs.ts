import { z } from 'zod';
import { systemActor } from '../../platform/authz/actor.js';
import { sql } from '../../platform/db/sql.js';
import { transact } from '../../platform/db/transact.js';
import type { JobDefinition } from '../../platform/jobs/jobs.js';
import type { Services } from '../../platform/scope.js';
import { recordSanctionEvent, stateOf, type SanctionRow } from './sanction-writes.js';

declare module '../../platform/jobs/jobs.js' {
  interface JobPayloads {
    'sanctions.record-expired': Record<string, never>;
  }
}

const BATCH = 500;

/**
 * Records `member.sanction_expired` for sanctions whose end passed. Enforcement never waits for
 * this (it compares `until` with now()); the job only puts the end on the record. Each sanction
 * is marked as it is recorded, under its row lock, so concurrent or repeated runs record it once.
 */
export async function recordExpiredSanctions(services: Services): Promise<number> {
  const actor = systemActor('sanctions.expiry');
  let recorded = 0;
  for (;;) {
    const n = await transact(services.orm.em.fork(), async (tx) => {
      const expired = await sql<SanctionRow>(
        tx,
        `update member_sanctions set expiry_recorded_at = now()
          where id in (select id from member_sanctions
                        where lifted_at is null and expiry_recorded_at is null and until <= now()
                        order by until limit ${BATCH} for update skip locked)
          returning *`,
      );
      for (const row of expired) {
        await recordSanctionEvent(tx, actor, 'member.sanction_expired', row, stateOf(row), null);
      }
      return expired.length;
    });
    recorded += n;
    if (n < BATCH) return recorded;
  }
}

export const recordExpiredSanctionsJob: JobDefinition<'sanctions.record-expired', Services> = {
  name: 'sanctions.record-expired',
  payload: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
  cron: () => '* * * * *',
  retryLimit: 2,
  handle: async (services) => {
    await recordExpiredSanctions(services);
  },
};
