import { z } from 'zod';
import { placeholders, sql } from '../../platform/db/sql.js';
import { transact } from '../../platform/db/transact.js';
import { systemActor } from '../../platform/authz/actor.js';
import { recordEvent, ref } from '../../platform/events/events.js';
import type { JobDefinition } from '../../platform/jobs/jobs.js';
import { logger } from '../../platform/logger.js';
import type { Services } from '../../platform/scope.js';
import { reverse, VOTE_RECEIVED_KINDS } from './ledger.js';
import './reputation.events.js';

const payload = z.object({}).strict();

declare module '../../platform/jobs/jobs.js' {
  interface JobPayloads {
    'reputation.detect-serial-voting': z.infer<typeof payload>;
  }
}

const WINDOW_HOURS = 24;

/**
 * Finds voters who voted on more than `maxVotesPerDay` posts of one member within the last 24
 * hours and reverses the reputation those votes gave (the votes themselves stay), recording why.
 * Runs on a schedule; running twice reverses nothing twice (reverses_id is unique).
 */
export async function detectSerialVoting(services: Services): Promise<{ pairs: number; reversed: number }> {
  const { maxVotesPerDay } = services.settings.current().reputation.serialVoting;
  const since = new Date(Date.now() - WINDOW_HOURS * 3_600_000);
  const em = services.orm.em.fork();
  const pairs = await sql<{ actor_id: number; member_id: number; posts: number; voter: string }>(
    em,
    `select e.actor_id, e.member_id, count(distinct e.post_id)::int as posts, v.handle as voter
       from reputation_events e join members v on v.id = e.actor_id
      where e.kind in (${placeholders(VOTE_RECEIVED_KINDS)}) and e.created_at >= ?
        and not exists (select 1 from reputation_events r where r.reverses_id = e.id)
      group by e.actor_id, e.member_id, v.handle
     having count(distinct e.post_id) > ?`,
    [...VOTE_RECEIVED_KINDS, since, maxVotesPerDay],
  );
  let reversed = 0;
  for (const pair of pairs) {
    const reason =
      `serial voting: @${pair.voter} voted on ${pair.posts} of this member's posts within ${WINDOW_HOURS} hours ` +
      `(more than ${maxVotesPerDay})`;
    reversed += await transact(em, async (tx) => {
      const n = await reverse(
        tx,
        { actorId: pair.actor_id, memberId: pair.member_id, since },
        VOTE_RECEIVED_KINDS,
        reason,
      );
      if (n > 0) {
        await recordEvent(tx, systemActor('serial-voting'), {
          name: 'reputation.serial_voting_reversed',
          subject: ref('member', pair.member_id),
          related: [ref('member', pair.actor_id)],
          data: { voterId: pair.actor_id, targetId: pair.member_id, reversedEvents: n },
        });
      }
      return n;
    });
  }
  if (pairs.length > 0) logger.info('serial voting reversed', { pairs: pairs.length, events: reversed });
  return { pairs: pairs.length, reversed };
}

export const serialVotingJob: JobDefinition<'reputation.detect-serial-voting', Services> = {
  name: 'reputation.detect-serial-voting',
  payload,
  // The schedule is set at start-up (admins change the threshold, not when the job runs).
  cron: (services) => services.config.startup.reputation.serialVoting.cron,
  retryLimit: 2,
  handle: async (services) => {
    await detectSerialVoting(services);
  },
};
