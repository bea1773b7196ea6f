import { postReply } from '../modules/community/commands/post-reply.js';
import { fanOutNotifications } from '../modules/notifications/subscribers/fan-out-notifications.js';
import '../modules/badges/badges.events.js';
import { systemActor } from '../platform/authz/actor.js';
import { sql } from '../platform/db/sql.js';
import { recordEvents, ref } from '../platform/events/events.js';
import type { Scope, Services } from '../platform/scope.js';

/**
 * Notifications for the demo: the seed's own events (replies, accepts, staff picks, levels from
 * carried-over reputation) fanned out by the real subscriber, plus a fresh mention of alice and
 * two of her badges announced as the badge subscriber announces new awards. Runs after the
 * seed's back-dating and before the workers start, so it delivers the events itself; then each
 * notification takes the time of what it is about, and what is older than three days is read.
 */
export async function seedNotifications(services: Services, as: (handle: string) => Promise<Scope>): Promise<void> {
  const em = services.orm.em.fork();
  const [thread] = await sql<{ id: number }>(
    em,
    `select t.id from threads t join members m on m.id = t.author_id join categories c on c.id = t.category_id
      where m.handle = 'alice' and t.status in ('OPEN', 'ANSWERED') and c.kind <> 'RESTRICTED'
      order by t.created_at desc limit 1`,
  );
  if (thread) {
    await postReply(await as('grace-h'), {
      threadId: thread.id,
      body: 'Same here after the 2.3 update, @alice: re-pairing the hub fixed it for me too. Thanks for writing it up!',
    });
  }
  const awards = await sql<{
    id: string;
    badge: string;
    member_id: number;
    post_id: number | null;
    thread_id: number | null;
  }>(
    em,
    `select b.id::text, b.badge, b.member_id, b.post_id, b.thread_id from badge_awards b
       join members m on m.id = b.member_id where m.handle = 'alice' order by b.id desc limit 2`,
  );
  await recordEvents(
    em,
    systemActor('badges'),
    awards.map((a) => ({
      name: 'badge.awarded' as const,
      subject: ref('member', a.member_id),
      related: [ref('badge_award', a.id)],
      data: { awardId: a.id, badge: a.badge, memberId: a.member_id, postId: a.post_id, threadId: a.thread_id },
    })),
  );

  while (await services.events.deliverBatch(fanOutNotifications, services)) {
    // a full batch: more may wait
  }

  await sql(
    em,
    `update notifications n
        set created_at = coalesce((select p.created_at from posts p where p.id = n.post_id and n.kind <> 'BADGE_AWARDED'),
                                  (select r.notified_at from thread_routes r
                                    where r.thread_id = n.thread_id and r.member_id = n.recipient_id
                                      and n.kind = 'QUESTION_ROUTED'),
                                  (select m.created_at + interval '1 hour' from members m
                                    where m.id = n.recipient_id and n.kind = 'LEVEL_REACHED'),
                                  n.created_at)`,
  );
  await sql(
    em,
    `update notifications set read_at = created_at + interval '2 hours' where created_at < now() - interval '3 days'`,
  );
}
