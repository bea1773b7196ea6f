import { Arg, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { parseId } from '../../graphql/pagination.js';
import { closeThread, reopenThread } from './commands/close-thread.js';
import { lockThread, unlockThread } from './commands/lock-thread.js';
import { mergeThread } from './commands/merge-thread.js';
import { moveThread } from './commands/move-thread.js';
import { pinThread, unpinThread } from './commands/pin-thread.js';
import {
  CloseThreadInput,
  LockThreadInput,
  MergeThreadInput,
  MoveThreadInput,
  PinThreadInput,
  ThreadReasonInput,
} from './community.inputs.js';
import { visibleThread } from './community.queries.js';
import { Thread } from './thread.entity.js';

@ObjectType({ simpleResolvers: true })
class ThreadPayload {
  @Field(() => Thread) thread!: Thread;
}

@ObjectType({ simpleResolvers: true })
class MergeThreadPayload {
  @Field(() => Thread, { description: 'The duplicate, now a pointer (mergedInto).' }) thread!: Thread;
  @Field(() => Thread, { description: 'The thread it was merged into.' }) into!: Thread;
}

/** A command's fresh rows answer the rest of the request. */
function payload(ctx: Context, thread: Thread): ThreadPayload {
  ctx.loaders.threadById.clear(thread.id).prime(thread.id, thread);
  return { thread };
}

/** Moderator actions on threads (lock, close, move, merge, pin) and the links they leave. */
@Resolver(() => Thread)
export class ThreadModerationResolver {
  @FieldResolver(() => Thread, { nullable: true, description: 'The original, when closed as a duplicate.' })
  duplicateOf(@Root() thread: Thread, @Ctx() ctx: Context) {
    return thread.duplicateOfId ? visibleThread(ctx.loaders, ctx.viewer, thread.duplicateOfId).catch(() => null) : null;
  }

  @FieldResolver(() => Thread, {
    nullable: true,
    description: 'Set when this thread was merged into another: its URL leads there.',
  })
  mergedInto(@Root() thread: Thread, @Ctx() ctx: Context) {
    return thread.mergedIntoId ? visibleThread(ctx.loaders, ctx.viewer, thread.mergedIntoId).catch(() => null) : null;
  }

  @Mutation(() => ThreadPayload, { description: 'Staff lock a thread: no replies, votes or edits until unlocked.' })
  async lockThread(@Arg('input', () => LockThreadInput) input: LockThreadInput, @Ctx() ctx: Context) {
    return payload(ctx, await lockThread(ctx, { threadId: parseId(input.threadId, 'threadId'), reason: input.reason }));
  }

  @Mutation(() => ThreadPayload, { description: 'Staff unlock a thread: it gets back the status it had.' })
  async unlockThread(@Arg('input', () => ThreadReasonInput) input: ThreadReasonInput, @Ctx() ctx: Context) {
    return payload(
      ctx,
      await unlockThread(ctx, { threadId: parseId(input.threadId, 'threadId'), reason: input.reason }),
    );
  }

  @Mutation(() => ThreadPayload, {
    description:
      'Staff and members with the close/reopen privilege close a thread for a reason (a duplicate names its original).',
  })
  async closeThread(@Arg('input', () => CloseThreadInput) input: CloseThreadInput, @Ctx() ctx: Context) {
    return payload(
      ctx,
      await closeThread(ctx, {
        threadId: parseId(input.threadId, 'threadId'),
        reason: input.reason,
        duplicateOfId: input.duplicateOfId == null ? null : parseId(input.duplicateOfId, 'duplicateOfId'),
        note: input.note,
      }),
    );
  }

  @Mutation(() => ThreadPayload, { description: 'Re-opens a closed thread (staff and the close/reopen privilege).' })
  async reopenThread(@Arg('input', () => ThreadReasonInput) input: ThreadReasonInput, @Ctx() ctx: Context) {
    return payload(
      ctx,
      await reopenThread(ctx, { threadId: parseId(input.threadId, 'threadId'), reason: input.reason }),
    );
  }

  @Mutation(() => ThreadPayload, {
    description: 'Staff move a thread to another category; its reputation and search follow.',
  })
  async moveThread(@Arg('input', () => MoveThreadInput) input: MoveThreadInput, @Ctx() ctx: Context) {
    return payload(
      ctx,
      await moveThread(ctx, {
        threadId: parseId(input.threadId, 'threadId'),
        categoryId: parseId(input.categoryId, 'categoryId'),
        reason: input.reason,
      }),
    );
  }

  @Mutation(() => MergeThreadPayload, {
    description: 'Staff merge a duplicate into another thread: its replies move there, and it becomes a pointer.',
  })
  async mergeThread(@Arg('input', () => MergeThreadInput) input: MergeThreadInput, @Ctx() ctx: Context) {
    const { thread, into } = await mergeThread(ctx, {
      threadId: parseId(input.threadId, 'threadId'),
      intoThreadId: parseId(input.intoThreadId, 'intoThreadId'),
      reason: input.reason,
    });
    payload(ctx, into);
    return { thread: payload(ctx, thread).thread, into };
  }

  @Mutation(() => ThreadPayload, {
    description: 'Staff pin a thread first in its category list, or on the home list too.',
  })
  async pinThread(@Arg('input', () => PinThreadInput) input: PinThreadInput, @Ctx() ctx: Context) {
    return payload(
      ctx,
      await pinThread(ctx, { threadId: parseId(input.threadId, 'threadId'), scope: input.scope, reason: input.reason }),
    );
  }

  @Mutation(() => ThreadPayload)
  async unpinThread(@Arg('threadId', () => ID) threadId: string, @Ctx() ctx: Context) {
    return payload(ctx, await unpinThread(ctx, parseId(threadId, 'threadId')));
  }
}
