import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  ObjectType,
  registerEnumType,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { parseId } from '../../graphql/pagination.js';
import { isStaffViewer } from '../../platform/authz/guardian.js';
import { sql } from '../../platform/db/sql.js';
import type { LiveMessage } from '../../platform/realtime/live-hub.js';
import { Category } from '../community/category.entity.js';
import { visibleThread } from '../community/community.queries.js';
import { Post } from '../community/post.entity.js';
import { Thread } from '../community/thread.entity.js';
import { isListedPost, loadPost, mayReadThread } from '../community/visibility.js';
import { ReviewQueueStats } from '../moderation/moderation.types.js';
import { reviewQueueStats } from '../moderation/review-queue.queries.js';
import '../escalations/escalations.policy.js';
import { THREAD_ACTIVITY } from './live-messages.js';
import { liveStream } from './live-stream.js';

export enum ThreadActivityKind {
  POST_CREATED = 'POST_CREATED',
  POST_EDITED = 'POST_EDITED',
  POST_HIDDEN = 'POST_HIDDEN',
  POST_UNHIDDEN = 'POST_UNHIDDEN',
  POST_REMOVED = 'POST_REMOVED',
  POST_RESTORED = 'POST_RESTORED',
  ANSWER_ACCEPTED = 'ANSWER_ACCEPTED',
  ANSWER_UNACCEPTED = 'ANSWER_UNACCEPTED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  THREAD_MOVED = 'THREAD_MOVED',
  THREAD_MERGED = 'THREAD_MERGED',
  /** Its escalation was opened or changed (status, case): sent to its asker and staff only. */
  ESCALATION_CHANGED = 'ESCALATION_CHANGED',
}
registerEnumType(ThreadActivityKind, { name: 'ThreadActivityKind' });

/** Kinds after which the post is gone for some viewers: they are told its id, nothing more. */
const GONE = new Set<string>([ThreadActivityKind.POST_HIDDEN, ThreadActivityKind.POST_REMOVED]);

@ObjectType({ description: 'Something that happened in a thread, as the subscriber may see it.' })
export class ThreadActivity {
  @Field(() => ID, { description: 'The domain event; pass the last one seen as `after` when reconnecting.' })
  eventId!: string;

  @Field(() => ThreadActivityKind) kind!: ThreadActivityKind;

  @Field(() => ID) threadId!: string;

  @Field(() => ID, { nullable: true }) postId!: string | null;

  @Field(() => Post, {
    nullable: true,
    description: 'The post as the viewer may read it now; null once it is gone for them.',
  })
  post!: Post | null;
}

@ObjectType({ description: 'The review queue changed (an item arrived or was decided).' })
export class ReviewQueueChange {
  @Field(() => ID) eventId!: string;
  @Field(() => String, { description: 'The event: post.flagged, post.hidden, article.reported or review.resolved.' })
  kind!: string;
}

@ObjectType({ description: 'The escalation queue changed (an escalation opened or changed): refresh it.' })
export class EscalationQueueChange {
  @Field(() => ID) eventId!: string;
  @Field(() => String, { description: 'escalation.created or escalation.updated.' }) kind!: string;
  @Field(() => ID) escalationId!: string;
}

/** At most this many missed events are replayed on reconnection; more, and the client reloads. */
const CATCH_UP_LIMIT = 200;

/**
 * The rows a thread event is about, loaded once per instance and event however many
 * subscribers watch the thread (each then decides in memory what its own viewer may see).
 * Kept for a few seconds: long enough for every local subscriber to take its copy.
 */
const shared = new Map<string, Promise<{ thread: Thread; category: Category; post: Post | null } | null>>();
const SHARED_FOR_MS = 10_000;

function eventRows(ctx: Context, message: LiveMessage, threadId: number, postId: number | null) {
  const key = `${message.topic} ${message.id} ${message.kind}`;
  let rows = shared.get(key);
  if (!rows) {
    const em = ctx.services.orm.em.fork();
    rows = (async () => {
      if (postId !== null) {
        const found = await loadPost(em, postId);
        return found && found.thread.id === threadId ? found : null;
      }
      const thread = await em.findOne(Thread, threadId);
      const category = thread && (await em.findOne(Category, thread.categoryId));
      return thread && category ? { thread, category, post: null } : null;
    })();
    shared.set(key, rows);
    setTimeout(() => shared.delete(key), SHARED_FOR_MS).unref();
  }
  return rows;
}

/** What a thread event shows `ctx`'s viewer now; null: nothing (the thread or the post is not theirs to read). */
async function presentThreadActivity(message: LiveMessage, ctx: Context): Promise<ThreadActivity | null> {
  const threadId = Number(message.data?.threadId);
  const postId = message.data?.postId == null ? null : Number(message.data.postId);
  const rows = await eventRows(ctx, message, threadId, postId);
  if (!rows || !mayReadThread(ctx.viewer, rows.thread, rows.category)) return null;
  // An escalation is the asker's and staff's business: anyone else is not told it exists.
  if (
    message.kind === ThreadActivityKind.ESCALATION_CHANGED &&
    !isStaffViewer(ctx.viewer) &&
    ctx.viewer?.id !== rows.thread.authorId
  ) {
    return null;
  }
  const post = rows.post && isListedPost(ctx.viewer, rows.post) ? rows.post : null;
  if (postId !== null && !post && !GONE.has(message.kind)) return null;
  // The post's own fields resolve from this copy, not from another query per subscriber.
  if (post) ctx.loaders.postById.prime(post.id, post);
  ctx.loaders.threadById.prime(rows.thread.id, rows.thread);
  return {
    eventId: message.id,
    kind: message.kind as ThreadActivityKind,
    threadId: String(threadId),
    postId: postId === null ? null : String(postId),
    post,
  };
}

@Resolver(() => ThreadActivity)
export class LiveResolver {
  @Subscription(() => ThreadActivity, {
    description:
      'What happens in a thread from now on (new replies, edits, hides, removals, status), as the viewer may see it; ' +
      'with `after`, first the events missed since that event id (up to 200).',
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      const threadId = parseId(String(args.threadId), 'threadId');
      await visibleThread(ctx.loaders, ctx.viewer, threadId);
      const after = args.after == null ? null : parseId(String(args.after), 'after');
      return liveStream(ctx, {
        kind: 'threadActivity',
        topics: [`thread:${threadId}`],
        catchUp: after === null ? undefined : () => missedThreadEvents(ctx, threadId, after),
        present: presentThreadActivity,
      });
    },
  })
  threadActivity(
    @Root() activity: ThreadActivity,
    @Arg('threadId', () => ID) _threadId: string,
    @Arg('after', () => ID, { nullable: true }) _after?: string | null,
  ): ThreadActivity {
    return activity;
  }

  @Subscription(() => ReviewQueueChange, {
    description: 'The review queue changed: refresh it (reviewers only).',
    subscribe: ({ context }) => {
      const ctx = context as Context;
      ctx.guardian.ensureCan('review.list', null);
      return liveStream(ctx, {
        kind: 'reviewQueueChanged',
        topics: ['review-queue'],
        // A reviewer who lost the privilege since subscribing is told nothing more.
        present: async (message, current) =>
          current.guardian.can('review.list', null) ? { eventId: message.id, kind: message.kind } : null,
      });
    },
  })
  reviewQueueChanged(@Root() change: ReviewQueueChange): ReviewQueueChange {
    return change;
  }

  @Subscription(() => EscalationQueueChange, {
    description: 'The escalation queue changed: refresh it (moderators and administrators only).',
    subscribe: ({ context }) => {
      const ctx = context as Context;
      ctx.guardian.ensureCan('escalation.read', null);
      return liveStream(ctx, {
        kind: 'escalationQueueChanged',
        topics: ['escalations'],
        // Staff demoted since subscribing are told nothing more.
        present: async (message, current) =>
          current.guardian.can('escalation.read', null)
            ? { eventId: message.id, kind: message.kind, escalationId: String(message.data?.escalationId) }
            : null,
      });
    },
  })
  escalationQueueChanged(@Root() change: EscalationQueueChange): EscalationQueueChange {
    return change;
  }
}

@Resolver(() => ReviewQueueChange)
export class ReviewQueueChangeResolver {
  @FieldResolver(() => ReviewQueueStats, { description: 'The queue as it is now, for the viewer.' })
  stats(@Ctx() ctx: Context) {
    return reviewQueueStats(ctx.em, ctx.guardian.requireViewer(), ctx.guardian.settings.privileges.reviewQueue);
  }
}

/** The thread's events after `after`, oldest first, as live messages. */
async function missedThreadEvents(ctx: Context, threadId: number, after: number): Promise<LiveMessage[]> {
  const rows = await sql<{ id: string; name: keyof typeof THREAD_ACTIVITY; post_id: number | null }>(
    ctx.em,
    `select id::text, name, (data->>'postId')::int as post_id from domain_events
      where (subject = ? or related @> array[?]::text[]) and id > ? and name in (?)
      order by id limit ${CATCH_UP_LIMIT}`,
    [`thread:${threadId}`, `thread:${threadId}`, after, Object.keys(THREAD_ACTIVITY)],
  );
  return rows.map((r) => ({
    topic: `thread:${threadId}`,
    id: r.id,
    kind: THREAD_ACTIVITY[r.name],
    data: { threadId, postId: r.post_id },
  }));
}
