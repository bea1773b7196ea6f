import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { parseId } from '../../graphql/pagination.js';
import { Category } from '../community/category.entity.js';
import { Thread } from '../community/thread.entity.js';
import { setCategoryWatch, setThreadWatch } from './commands/set-watch.js';
import { CategoryWatchPayload, ThreadWatchPayload, WatchLevel } from './notification.types.js';

const watchThread = async (ctx: Context, threadId: string, level: WatchLevel | null) => ({
  thread: await setThreadWatch(ctx, parseId(threadId, 'threadId'), level),
});
const watchCategory = async (ctx: Context, categoryId: string, level: WatchLevel | null) => ({
  category: await setCategoryWatch(ctx, parseId(categoryId, 'categoryId'), level),
});

@Resolver(() => Thread)
export class ThreadWatchResolver {
  @FieldResolver(() => WatchLevel, {
    nullable: true,
    description: 'The viewer’s choice for this thread (askers and repliers follow by default); null: none.',
  })
  viewerWatch(@Root() thread: Thread, @Ctx() ctx: Context) {
    return ctx.viewer ? ctx.loaders.viewerWatchByThreadId.load(thread.id) : null;
  }

  @Mutation(() => ThreadWatchPayload, { description: 'Be told of every reply in this thread.' })
  followThread(@Arg('threadId', () => ID) threadId: string, @Ctx() ctx: Context) {
    return watchThread(ctx, threadId, WatchLevel.FOLLOWING);
  }

  @Mutation(() => ThreadWatchPayload, { description: 'Be told of nothing in this thread, mentions included.' })
  muteThread(@Arg('threadId', () => ID) threadId: string, @Ctx() ctx: Context) {
    return watchThread(ctx, threadId, WatchLevel.MUTED);
  }

  @Mutation(() => ThreadWatchPayload, { description: 'Drop the choice for this thread (its category’s applies).' })
  unwatchThread(@Arg('threadId', () => ID) threadId: string, @Ctx() ctx: Context) {
    return watchThread(ctx, threadId, null);
  }
}

@Resolver(() => Category)
export class CategoryWatchResolver {
  @FieldResolver(() => WatchLevel, {
    nullable: true,
    description: 'The viewer’s choice for this category; null: none.',
  })
  viewerWatch(@Root() category: Category, @Ctx() ctx: Context) {
    return ctx.viewer ? ctx.loaders.viewerWatchByCategoryId.load(category.id) : null;
  }

  @Mutation(() => CategoryWatchPayload, { description: 'Be told of every new thread and reply in this category.' })
  followCategory(@Arg('categoryId', () => ID) categoryId: string, @Ctx() ctx: Context) {
    return watchCategory(ctx, categoryId, WatchLevel.FOLLOWING);
  }

  @Mutation(() => CategoryWatchPayload, {
    description: 'Be told of nothing in this category unless you follow a thread.',
  })
  muteCategory(@Arg('categoryId', () => ID) categoryId: string, @Ctx() ctx: Context) {
    return watchCategory(ctx, categoryId, WatchLevel.MUTED);
  }

  @Mutation(() => CategoryWatchPayload, { description: 'Drop the choice for this category.' })
  unwatchCategory(@Arg('categoryId', () => ID) categoryId: string, @Ctx() ctx: Context) {
    return watchCategory(ctx, categoryId, null);
  }
}
