import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { isStaffViewer, type Decision } from '../../platform/authz/guardian.js';
import { pageSize, parseId } from '../../graphql/pagination.js';
import { NotFoundError } from '../../platform/errors.js';
import { Member } from '../accounts/member.entity.js';
import { deletePost, removePost } from './commands/delete-post.js';
import { hidePost, unhidePost } from './commands/hide-post.js';
import { editPost } from './commands/edit-post.js';
import { postReply } from './commands/post-reply.js';
import { restorePost } from './commands/restore-post.js';
import { setStaffPick } from './commands/staff-pick.js';
import { votePost, type VoteValue as VoteNumber } from './commands/vote-post.js';
import {
  EditPostInput,
  HidePostInput,
  PostReplyInput,
  RemovePostInput,
  UnhidePostInput,
  VoteInput,
  VoteValue,
} from './community.inputs.js';
import { listAcceptedAnswers, listRemovedPosts } from './community.queries.js';
import { PostRevision } from './post-revision.entity.js';
import { Post, RemovalReason } from './post.entity.js';
import { Thread } from './thread.entity.js';
import { PostConnection } from './thread.resolver.js';
import { HIDDEN_PLACEHOLDER, mayReadPostContent, readablePost } from './visibility.js';

const TO_NUMBER: Record<VoteValue, VoteNumber> = { UP: 1, DOWN: -1, NONE: 0 };
const FROM_NUMBER: Record<number, VoteValue> = { 1: VoteValue.UP, [-1]: VoteValue.DOWN, 0: VoteValue.NONE };

@ObjectType({ description: 'Whether the viewer may do something, and if not, why.', simpleResolvers: true })
class Permission {
  @Field(() => Boolean) allowed!: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'What is missing, e.g. "You need 15 reputation to upvote; you have 3."',
  })
  reason!: string | null;
}

const permission = (decision: Decision): Permission =>
  decision.allowed ? { allowed: true, reason: null } : { allowed: false, reason: decision.reason };

@ObjectType({ simpleResolvers: true })
class PostViewerCan {
  @Field(() => Boolean, { description: 'Vote at all (taking a vote back is always allowed).' }) vote!: boolean;
  @Field(() => Permission) upvote!: Permission;
  @Field(() => Permission) downvote!: Permission;
  @Field(() => Boolean) edit!: boolean;
  @Field(() => Boolean) delete!: boolean;
  @Field(() => Boolean, { description: 'Accept this reply as the solution.' }) accept!: boolean;
  @Field(() => Boolean, { description: 'Remove it for a reason (moderators).' }) remove!: boolean;
  @Field(() => Boolean, { description: 'Pick this answer, or withdraw the pick (moderators).' }) staffPick!: boolean;
  @Field(() => Permission, { description: 'Flag it for review (the flag privilege; not your own post).' })
  flag!: Permission;
  @Field(() => Boolean, { description: 'Hide it pending review, or show it again (moderators).' }) hide!: boolean;
}

@ObjectType({ description: 'Who deleted a post, when and why (moderators only).', simpleResolvers: true })
class PostRemoval {
  @Field(() => Date) at!: Date;
  @Field(() => Member, { nullable: true }) by!: Member | null;
  @Field(() => RemovalReason, {
    nullable: true,
    description: 'Null when the post was deleted (by its author or a moderator) rather than removed for a reason.',
  })
  reason!: RemovalReason | null;
}

/** A command's fresh row answers the rest of the request (commands know nothing of loaders). */
function primePost(ctx: Context, post: Post): Post {
  ctx.loaders.postById.clear(post.id).prime(post.id, post);
  return post;
}

@Resolver(() => Post)
export class PostResolver {
  @FieldResolver(() => Member)
  author(@Root() post: Post, @Ctx() ctx: Context) {
    return ctx.loaders.memberById.load(post.authorId);
  }

  /** Whether the viewer reads the post itself or its placeholder (hidden posts). */
  private async readsContent(post: Post, ctx: Context): Promise<boolean> {
    if (!post.hiddenAt) return true;
    const thread = (await ctx.loaders.threadById.load(post.threadId))!;
    return mayReadPostContent(ctx.viewer, post, thread, ctx.guardian.settings);
  }

  @FieldResolver(() => String)
  async body(@Root() post: Post, @Ctx() ctx: Context): Promise<string> {
    return (await this.readsContent(post, ctx)) ? post.body : HIDDEN_PLACEHOLDER;
  }

  @FieldResolver(() => String)
  async bodyHtml(@Root() post: Post, @Ctx() ctx: Context): Promise<string> {
    return (await this.readsContent(post, ctx)) ? post.bodyHtml : `<p>${HIDDEN_PLACEHOLDER}</p>`;
  }

  @FieldResolver(() => Boolean, { description: 'Hidden pending review (flags or a moderator).' })
  isHidden(@Root() post: Post): boolean {
    return post.hiddenAt !== null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'For those who still read a hidden post (its author, reviewers, staff): why and what next.',
  })
  async hiddenNotice(@Root() post: Post, @Ctx() ctx: Context): Promise<string | null> {
    if (!post.hiddenAt || !(await this.readsContent(post, ctx))) return null;
    const why =
      post.hiddenBy === null ? 'members flagged it' : `a moderator hid it: ${post.hiddenReason ?? 'no reason given'}`;
    return `This post is hidden pending review (${why}). Others see a placeholder; editing it sends it back for review.`;
  }

  @FieldResolver(() => Thread)
  thread(@Root() post: Post, @Ctx() ctx: Context) {
    return ctx.loaders.threadById.load(post.threadId);
  }

  @FieldResolver(() => VoteValue, { description: "The viewer's vote; NONE for visitors." })
  async viewerVote(@Root() post: Post, @Ctx() ctx: Context): Promise<VoteValue> {
    return FROM_NUMBER[await ctx.loaders.viewerVoteByPostId.load(post.id)]!;
  }

  @FieldResolver(() => Boolean)
  async isAccepted(@Root() post: Post, @Ctx() ctx: Context): Promise<boolean> {
    if (post.isQuestion) return false;
    const thread = await ctx.loaders.threadById.load(post.threadId);
    return thread?.acceptedPostId === post.id;
  }

  @FieldResolver(() => [PostRevision], { description: 'Newest first; revision 1 is the original.' })
  async revisions(@Root() post: Post, @Ctx() ctx: Context) {
    if (!(await this.readsContent(post, ctx))) return [];
    return ctx.loaders.revisionsByPostId.load(post.id);
  }

  @FieldResolver(() => PostRemoval, { nullable: true, description: 'Set on deleted posts, for moderators.' })
  async removal(@Root() post: Post, @Ctx() ctx: Context): Promise<PostRemoval | null> {
    if (!post.deletedAt || !isStaffViewer(ctx.viewer)) return null;
    return {
      at: post.deletedAt,
      by: post.deletedBy === null ? null : await ctx.loaders.memberById.load(post.deletedBy),
      reason: post.removalReason,
    };
  }

  @FieldResolver(() => PostViewerCan)
  async viewerCan(@Root() post: Post, @Ctx() ctx: Context): Promise<PostViewerCan> {
    const thread = (await ctx.loaders.threadById.load(post.threadId))!;
    return {
      vote: ctx.guardian.can('post.vote', { post, thread, value: 0 }),
      upvote: permission(ctx.guardian.check('post.vote', { post, thread, value: 1 })),
      downvote: permission(ctx.guardian.check('post.vote', { post, thread, value: -1 })),
      edit: ctx.guardian.can('post.edit', { post, thread }),
      delete: ctx.guardian.can('post.delete', { post, thread }),
      accept: !post.isQuestion && thread.acceptedPostId !== post.id && ctx.guardian.can('thread.accept', thread),
      remove: ctx.guardian.can('post.remove', { post, thread }),
      staffPick: !post.isQuestion && ctx.guardian.can('post.staffPick', { post, thread }),
      flag: permission(ctx.guardian.check('post.flag', { post, thread })),
      hide: ctx.guardian.can('post.hide', { post, thread }),
    };
  }

  @Query(() => Post, {
    nullable: true,
    description:
      'One post (its edit history, a link to it): NOT_FOUND when it is deleted, in a thread the viewer may not read, or hidden from them.',
  })
  async post(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Post> {
    const { post, thread } = await readablePost(ctx.em, ctx.viewer, parseId(id, 'id'));
    if (!mayReadPostContent(ctx.viewer, post, thread, ctx.guardian.settings)) throw new NotFoundError('Post');
    ctx.loaders.threadById.prime(thread.id, thread);
    return primePost(ctx, post);
  }

  @Query(() => PostConnection, { description: 'Deleted and removed posts, newest first (moderators).' })
  removedPosts(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    ctx.guardian.ensureCan('post.listRemoved', null);
    return listRemovedPosts(ctx.em, { first: pageSize(first), after });
  }

  @Mutation(() => Post)
  async postReply(@Arg('input', () => PostReplyInput) input: PostReplyInput, @Ctx() ctx: Context) {
    return primePost(ctx, await postReply(ctx, { threadId: parseId(input.threadId, 'threadId'), body: input.body }));
  }

  @Mutation(() => Post, { description: 'Returns the post with its new score and viewerVote.' })
  async vote(@Arg('input', () => VoteInput) input: VoteInput, @Ctx() ctx: Context) {
    const value = TO_NUMBER[input.value];
    const post = await votePost(ctx, { postId: parseId(input.postId, 'postId'), value });
    ctx.loaders.viewerVoteByPostId.clear(post.id).prime(post.id, value);
    return primePost(ctx, post);
  }

  @Mutation(() => Post, { description: 'Edits a post; the previous version stays in revisions.' })
  async editPost(@Arg('input', () => EditPostInput) input: EditPostInput, @Ctx() ctx: Context) {
    return primePost(ctx, await editPost(ctx, { ...input, postId: parseId(input.postId, 'postId') }));
  }

  @Mutation(() => Boolean, { description: 'Soft-deletes a post; deleting the question deletes the thread.' })
  deletePost(@Arg('postId', () => ID) postId: string, @Ctx() ctx: Context) {
    return deletePost(ctx, parseId(postId, 'postId'));
  }

  @Mutation(() => Boolean, {
    description: 'Moderators remove a post for a reason; SPAM and ABUSE cost the author reputation until restored.',
  })
  removePost(@Arg('input', () => RemovePostInput) input: RemovePostInput, @Ctx() ctx: Context) {
    return removePost(ctx, { postId: parseId(input.postId, 'postId'), reason: input.reason });
  }

  @Mutation(() => Post, { description: 'Moderators bring back a deleted post; a removal penalty is reversed.' })
  async restorePost(@Arg('postId', () => ID) postId: string, @Ctx() ctx: Context) {
    return primePost(ctx, await restorePost(ctx, parseId(postId, 'postId')));
  }

  @Mutation(() => Post, {
    description: 'Moderators hide a post pending review; its author still reads it, with the reason.',
  })
  async hidePost(@Arg('input', () => HidePostInput) input: HidePostInput, @Ctx() ctx: Context) {
    return primePost(ctx, await hidePost(ctx, { postId: parseId(input.postId, 'postId'), reason: input.reason }));
  }

  @Mutation(() => Post, { description: 'Moderators show a hidden post again.' })
  async unhidePost(@Arg('input', () => UnhidePostInput) input: UnhidePostInput, @Ctx() ctx: Context) {
    return primePost(
      ctx,
      await unhidePost(ctx, { postId: parseId(input.postId, 'postId'), reason: input.reason ?? null }),
    );
  }

  @Mutation(() => Post, { description: 'Moderators pick an answer as exemplary; its author earns reputation.' })
  async staffPick(@Arg('postId', () => ID) postId: string, @Ctx() ctx: Context) {
    return primePost(ctx, await setStaffPick(ctx, { postId: parseId(postId, 'postId'), picked: true }));
  }

  @Mutation(() => Post, { description: 'Withdraws a staff pick; the reputation it gave is reversed.' })
  async withdrawStaffPick(@Arg('postId', () => ID) postId: string, @Ctx() ctx: Context) {
    return primePost(ctx, await setStaffPick(ctx, { postId: parseId(postId, 'postId'), picked: false }));
  }
}

@Resolver(() => PostRevision)
export class PostRevisionResolver {
  @FieldResolver(() => Member)
  editor(@Root() revision: PostRevision, @Ctx() ctx: Context) {
    return ctx.loaders.memberById.load(revision.editorId);
  }
}

@Resolver(() => Member)
export class MemberAnswersResolver {
  @FieldResolver(() => PostConnection, {
    description: "The member's answers that are their thread's solution, most recently accepted first.",
  })
  acceptedAnswers(
    @Root() member: Member,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return listAcceptedAnswers(ctx.em, ctx.viewer, { authorId: member.id, first: pageSize(first), after });
  }
}
