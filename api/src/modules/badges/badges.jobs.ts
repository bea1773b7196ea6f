import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { JobDefinition } from '../../platform/jobs/jobs.js';
import type { Services } from '../../platform/scope.js';
import { BADGE_SCORE_THRESHOLDS, BADGE_TRIGGERS, type BadgeTrigger } from './badge.definitions.js';
import { grantForTrigger } from './badge-granter.js';

const payload = z.object({
  trigger: z.enum(BADGE_TRIGGERS),
  memberIds: z.array(z.number().int().positive()).min(1).max(100),
});

declare module '../../platform/jobs/jobs.js' {
  interface JobPayloads {
    'badges.evaluate': z.infer<typeof payload>;
  }
}

/** Badges react to what happened, after it committed (the job is enqueued in its transaction). */
export const evaluateBadgesJob: JobDefinition<'badges.evaluate', Services> = {
  name: 'badges.evaluate',
  payload,
  handle: async (services, { trigger, memberIds }) => {
    await grantForTrigger(services.orm.em.fork(), trigger, memberIds);
  },
};

/** Enqueues a badge check in the action's transaction `tx`. */
export function enqueueBadgeCheck(
  services: Services,
  tx: EntityManager,
  trigger: BadgeTrigger,
  memberIds: number[],
): Promise<void> {
  return services.jobs.enqueue(tx, 'badges.evaluate', { trigger, memberIds: [...new Set(memberIds)] });
}

/** A vote can earn a badge only when the post's score rises across a badge threshold. */
export const voteMayEarnBadge = (before: number, after: number): boolean =>
  BADGE_SCORE_THRESHOLDS.some((t) => before < t && after >= t);
