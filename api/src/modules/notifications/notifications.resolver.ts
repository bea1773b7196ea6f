import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { pageSize, parseId } from '../../graphql/pagination.js';
import { Member } from '../accounts/member.entity.js';
import { Post } from '../community/post.entity.js';
import { Thread } from '../community/thread.entity.js';
import { notificationStream } from './live-notifications.js';
import { listNotifications, markRead, unreadCount } from './notifications.queries.js';
import { MarkNotificationsReadPayload, Notification, NotificationConnection } from './notification.types.js';

@Resolver(() => Notification)
export class NotificationResolver {
  @Query(() => NotificationConnection, {
    description: 'The viewer’s notifications, newest first; what they may no longer read is left out.',
  })
  notifications(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('unreadOnly', () => Boolean, { nullable: true }) unreadOnly?: boolean,
  ) {
    const viewer = ctx.guardian.requireViewer();
    return listNotifications(ctx.em, viewer, { first: pageSize(first), after, unreadOnly });
  }

  @Query(() => Int, { description: 'Unread notifications the viewer may read (the header’s count).' })
  unreadNotificationCount(@Ctx() ctx: Context): Promise<number> {
    return unreadCount(ctx.em, ctx.guardian.requireViewer());
  }

  @Mutation(() => MarkNotificationsReadPayload, {
    description: 'Marks the viewer’s notifications read: those of ids, or all when ids is omitted.',
  })
  async markNotificationsRead(
    @Ctx() ctx: Context,
    @Arg('ids', () => [ID], { nullable: true }) ids?: string[] | null,
  ): Promise<MarkNotificationsReadPayload> {
    const viewer = ctx.guardian.requireViewer();
    // Ids are bigints: validated as decimals (any other shape is BAD_USER_INPUT, never a cast error).
    const parsed = ids ? ids.map((id) => String(parseBigId(id))) : null;
    const marked = await markRead(ctx.em, viewer, parsed);
    return { marked, unreadNotificationCount: await unreadCount(ctx.em, viewer) };
  }

  @Subscription(() => Notification, {
    description:
      'The viewer’s new notifications as they are written (signed-in members); with `after`, first those since that ' +
      'notification id (up to 200). One about something the viewer may no longer read is not delivered.',
    subscribe: ({ args, context }) =>
      notificationStream(context as Context, args.after == null ? null : String(parseId(String(args.after), 'after'))),
  })
  notificationAdded(
    @Root() notification: Notification,
    @Arg('after', () => ID, { nullable: true }) _after?: string | null,
  ): Notification {
    return notification;
  }

  @FieldResolver(() => Member, { nullable: true, description: 'Who did it; null for the system.' })
  actor(@Root() n: Notification, @Ctx() ctx: Context) {
    return n.actorId ? ctx.loaders.memberById.load(n.actorId) : null;
  }

  @FieldResolver(() => Thread, { nullable: true })
  thread(@Root() n: Notification, @Ctx() ctx: Context) {
    return n.threadId ? ctx.loaders.threadById.load(n.threadId) : null;
  }

  @FieldResolver(() => Post, { nullable: true })
  post(@Root() n: Notification, @Ctx() ctx: Context) {
    return n.postId ? ctx.loaders.postById.load(n.postId) : null;
  }
}

function parseBigId(id: string): string {
  // parseId bounds int4; notification ids are bigserial but stay far below it for years.
  return String(parseId(id, 'ids'));
}
