import { raw } from '@mikro-orm/postgresql';
import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { connectionType, pageSize, parseId, type Connection } from '../../graphql/pagination.js';
import { Member } from '../accounts/member.entity.js';
import { Category } from './category.entity.js';
import { askQuestion } from './commands/ask-question.js';
import { acceptAnswer, unacceptAnswer } from './commands/accept-answer.js';
import { setThreadStatus } from './commands/set-thread-status.js';
import { AskQuestionInput, SetThreadStatusInput, ThreadFilterInput } from './community.inputs.js';
import { listReplies, listThreads, ThreadOrder, visibleThread, type ThreadFilter } from './community.queries.js';
import { Post } from './post.entity.js';
import { Thread } from './thread.entity.js';
import { countThreadView, isBotUserAgent, viewerKey } from './thread-views.js';
import { HIDDEN_TITLE, mayReadPostContent } from './visibility.js';

const ThreadConnection = connectionType(Thread, 'Thread');
const EMPTY: Connection<Thread> = { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
export const PostConnection = connectionType(Post, 'Post');

@ObjectType({
  description: 'What the viewer may do to this thread, so clients need not re-derive it.',
  simpleResolvers: true,
})
class ThreadViewerCan {
  @Field(() => Boolean) reply!: boolean;
  @Field(() => Boolean) accept!: boolean;
  @Field(() => Boolean, { description: 'Lock and unlock (staff).' }) moderate!: boolean;
  @Field(() => Boolean, { description: 'Close and reopen (staff, and the close/reopen privilege).' }) close!: boolean;
  @Field(() => Boolean, { description: 'Move to another category (staff).' }) move!: boolean;
  @Field(() => Boolean, { description: 'Merge into another thread (staff).' }) merge!: boolean;
  @Field(() => Boolean, { description: 'Pin and unpin (staff).' }) pin!: boolean;
}

/** A command's fresh row answers the rest of the request (commands know nothing of loaders). */
function primeThread(ctx: Context, thread: Thread): Thread {
  ctx.loaders.threadById.clear(thread.id).prime(thread.id, thread);
  return thread;
}

@Resolver(() => Thread)
export class ThreadResolver {
  @Query(() => Thread, { nullable: true })
  thread(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Thread> {
    return visibleThread(ctx.loaders, ctx.viewer, parseId(id));
  }

  @Query(() => ThreadConnection)
  async threads(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('filter', () => ThreadFilterInput, { nullable: true }) filter?: ThreadFilterInput,
    @Arg('order', () => ThreadOrder, { defaultValue: ThreadOrder.LATEST }) order: ThreadOrder = ThreadOrder.LATEST,
  ): Promise<Connection<Thread>> {
    const size = pageSize(first);
    const resolved: ThreadFilter = {};
    if (filter?.categoryId != null) resolved.categoryId = parseId(filter.categoryId, 'categoryId');
    if (filter?.categorySlug != null) {
      const category = await ctx.em.findOne(Category, { slug: filter.categorySlug.slice(0, 60) });
      if (!category || (resolved.categoryId !== undefined && resolved.categoryId !== category.id)) return EMPTY;
      resolved.categoryId = category.id;
    }
    if (filter?.tag != null) resolved.tag = filter.tag;
    if (filter?.authorHandle != null) {
      const author = await ctx.em.findOne(Member, { [raw('lower(handle)')]: filter.authorHandle.toLowerCase() });
      if (!author) return EMPTY;
      resolved.authorId = author.id;
    }
    return listThreads(ctx.em, ctx.viewer, { first: size, after, filter: resolved, order });
  }

  /** A thread whose question is hidden shows those who may not read it a placeholder title. */
  @FieldResolver(() => String)
  async title(@Root() thread: Thread, @Ctx() ctx: Context): Promise<string> {
    // Only a thread flagged as having its question hidden costs a look at the question.
    if (!thread.questionHidden) return thread.title;
    const question = thread.questionPostId ? await ctx.loaders.postById.load(thread.questionPostId) : null;
    if (!question?.hiddenAt || mayReadPostContent(ctx.viewer, question, thread, ctx.guardian.settings)) {
      return thread.title;
    }
    return HIDDEN_TITLE;
  }

  @FieldResolver(() => Member)
  async author(@Root() thread: Thread, @Ctx() ctx: Context) {
    return ctx.loaders.memberById.load(thread.authorId);
  }

  @FieldResolver(() => Category)
  async category(@Root() thread: Thread, @Ctx() ctx: Context) {
    return ctx.loaders.categoryById.load(thread.categoryId);
  }

  @FieldResolver(() => Post, { description: 'The opening post.' })
  async question(@Root() thread: Thread, @Ctx() ctx: Context) {
    return ctx.loaders.postById.load(thread.questionPostId!);
  }

  @FieldResolver(() => Post, { nullable: true })
  async acceptedAnswer(@Root() thread: Thread, @Ctx() ctx: Context) {
    if (!thread.acceptedPostId) return null;
    const post = await ctx.loaders.postById.load(thread.acceptedPostId);
    return post && !post.deletedAt ? post : null;
  }

  @FieldResolver(() => PostConnection, { description: 'Replies by score, then oldest first.' })
  async replies(
    @Root() thread: Thread,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    const connection = await listReplies(ctx.em, ctx.loaders, thread.id, { first: pageSize(first), after });
    for (const { node } of connection.edges) ctx.loaders.postById.prime(node.id, node);
    return connection;
  }

  @FieldResolver(() => ThreadViewerCan)
  viewerCan(@Root() thread: Thread, @Ctx() ctx: Context): ThreadViewerCan {
    return {
      reply: ctx.guardian.can('thread.reply', thread),
      accept: ctx.guardian.can('thread.accept', thread),
      moderate: ctx.guardian.can('thread.moderate', thread),
      close: ctx.guardian.can('thread.close', thread),
      move: ctx.guardian.can('thread.move', thread),
      merge: ctx.guardian.can('thread.merge', thread),
      pin: ctx.guardian.can('thread.pin', thread),
    };
  }

  @Mutation(() => Thread, { description: 'Starts a thread with a question.' })
  async askQuestion(@Arg('input', () => AskQuestionInput) input: AskQuestionInput, @Ctx() ctx: Context) {
    return primeThread(ctx, await askQuestion(ctx, { ...input, categoryId: parseId(input.categoryId, 'categoryId') }));
  }

  @Mutation(() => Thread, { description: 'The asker (or a moderator) marks a reply as the solution.' })
  async acceptAnswer(@Arg('postId', () => ID) postId: string, @Ctx() ctx: Context) {
    return primeThread(ctx, await acceptAnswer(ctx, parseId(postId, 'postId')));
  }

  @Mutation(() => Thread)
  async unacceptAnswer(@Arg('threadId', () => ID) threadId: string, @Ctx() ctx: Context) {
    return primeThread(ctx, await unacceptAnswer(ctx, parseId(threadId, 'threadId')));
  }

  @Mutation(() => Thread, { description: 'Moderators close, lock or re-open a thread.' })
  async setThreadStatus(@Arg('input', () => SetThreadStatusInput) input: SetThreadStatusInput, @Ctx() ctx: Context) {
    return primeThread(
      ctx,
      await setThreadStatus(ctx, { threadId: parseId(input.threadId, 'threadId'), status: input.status }),
    );
  }

  @Mutation(() => Int, {
    description:
      'Counts a page view, once per viewer (member, or client address and user agent) and UTC day; ' +
      'crawlers and other bots (by User-Agent) are not counted. Returns the view count.',
  })
  async recordThreadView(@Arg('threadId', () => ID) threadId: string, @Ctx() ctx: Context): Promise<number> {
    const thread = await visibleThread(ctx.loaders, ctx.viewer, parseId(threadId, 'threadId'));
    if (isBotUserAgent(ctx.userAgent)) return thread.viewCount;
    const key = viewerKey(ctx.viewer, ctx, ctx.services.config.SESSION_SECRET);
    return countThreadView(ctx.em, thread.id, key);
  }
}
