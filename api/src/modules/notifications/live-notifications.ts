import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context.js';
import { sql } from '../../platform/db/sql.js';
import { logger } from '../../platform/logger.js';
import { publishLive, type LiveHub, type LiveMessage } from '../../platform/realtime/live-hub.js';
import type { Services } from '../../platform/scope.js';
import { liveStream } from '../live/live-stream.js';
import type { Notification } from './notification.types.js';
import {
  addedNotifications,
  newNotifications,
  stillReadable,
  type AddedNotification,
} from './notifications.queries.js';

/** The topic a fan-out batch is announced on: the range of notification ids it wrote. */
const ADDED = 'notifications';
const forMember = (memberId: number) => `notifications:${memberId}`;
const CATCH_UP_LIMIT = 200;
/** Long enough for every local subscriber to take its copy of a routed notification. */
const KEPT_FOR_MS = 10_000;

/** The newest notification id (the primary key's last entry: one index probe). */
export async function lastNotificationId(tx: EntityManager): Promise<string> {
  const [row] = await sql<{ id: string }>(tx, `select coalesce(max(id), 0)::text as id from notifications`);
  return row!.id;
}

/**
 * Announces, in the fan-out's transaction (so on its commit), the notifications it wrote: one
 * message for the whole batch, ids (from, to], however many members it concerns — 1,000
 * followers are one NOTIFY. Only the fan-out writes notifications and it runs one batch at a
 * time, so the range holds exactly this batch's rows.
 */
export async function announceNotifications(tx: EntityManager, from: string, to: string): Promise<void> {
  if (BigInt(to) <= BigInt(from)) return;
  await publishLive(tx, [{ topic: ADDED, id: to, kind: 'added', data: { from } }]);
}

/**
 * On each API instance, turns a batch announcement into one message per member connected here:
 * one query for the batch's rows whose recipients have a subscription on this instance, with
 * what deciding visibility needs, so presenting them costs no query per recipient.
 */
class NotificationRouter {
  private readonly interest = new Map<number, number>();
  /** The batch rows just routed, by notification id, for the subscribers to present. */
  readonly recent = new Map<string, AddedNotification>();

  constructor(
    private readonly services: Services,
    private readonly hub: LiveHub,
  ) {
    void this.run();
  }

  watch(memberId: number): () => void {
    this.interest.set(memberId, (this.interest.get(memberId) ?? 0) + 1);
    return () => {
      const left = (this.interest.get(memberId) ?? 1) - 1;
      if (left > 0) this.interest.set(memberId, left);
      else this.interest.delete(memberId);
    };
  }

  private async run() {
    for await (const message of this.hub.pubSub.subscribe(ADDED)) {
      if (this.interest.size === 0) continue;
      try {
        await this.route(message);
      } catch (err) {
        logger.warn('live: could not route new notifications', { error: err });
      }
    }
  }

  private async route(message: LiveMessage) {
    const added = await addedNotifications(
      this.services.orm.em.fork(),
      { from: String(message.data?.from ?? '0'), to: message.id },
      [...this.interest.keys()],
    );
    for (const entry of added) {
      const id = entry.notification.id;
      // Each subscriber decides from this copy what its viewer may read: no query per recipient.
      this.recent.set(id, entry);
      setTimeout(() => this.recent.delete(id), KEPT_FOR_MS).unref();
      const topic = forMember(entry.recipientId);
      this.hub.pubSub.publish(topic, { topic, id, kind: 'added' });
    }
  }
}

const routers = new WeakMap<LiveHub, NotificationRouter>();
const routerFor = (services: Services) => {
  let router = routers.get(services.live);
  if (!router) routers.set(services.live, (router = new NotificationRouter(services, services.live)));
  return router;
};

/**
 * The viewer's new notifications as they are written (and, with `after`, those since that id
 * first), each as the viewer may read it at that moment: one about a post hidden since is not
 * delivered.
 */
export function notificationStream(ctx: Context, after: string | null): AsyncIterable<Notification> {
  const viewer = ctx.guardian.requireViewer();
  const router = routerFor(ctx.services);
  const unwatch = router.watch(viewer.id);
  return liveStream(ctx, {
    kind: 'notificationAdded',
    topics: [forMember(viewer.id)],
    catchUp:
      after === null
        ? undefined
        : async () =>
            (await newNotifications(ctx.em, viewer, { afterId: after, limit: CATCH_UP_LIMIT })).map((n) => ({
              topic: forMember(viewer.id),
              id: n.id,
              kind: 'added',
            })),
    present: async (message, current) => {
      if (!current.viewer) return null;
      const routed = router.recent.get(message.id);
      if (routed) return stillReadable(current.viewer, routed) ? routed.notification : null;
      // Caught up from the table rather than routed: read as the viewer may see it.
      const [notification] = await newNotifications(current.em, current.viewer, { ids: [message.id] });
      return notification ?? null;
    },
    onClose: unwatch,
  });
}
