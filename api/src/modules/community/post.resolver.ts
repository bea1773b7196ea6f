import { Arg, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import type { Decision } from '../../platform/authz/guardian.js';
import { parseId } from '../../graphql/pagination.js';
import { Member } from '../accounts/member.entity.js';
import { deletePost } from './commands/delete-post.js';
import { editPost } from './commands/edit-post.js';
import { postReply } from './commands/post-reply.js';
import { votePost, type VoteValue as VoteNumber } from './commands/vote-post.js';
import { EditPostInput, PostReplyInput, VoteInput, VoteValue } from './community.inputs.js';
import './community.policy.js';
import { PostRevision } from './post-revision.entity.js';
import { Post } from './post.entity.js';
import { Thread } from './thread.entity.js';

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
}

@Resolver(() => Post)
export class PostResolver {
  @FieldResolver(() => Member)
  author(@Root() post: Post, @Ctx() ctx: Context) {
    return ctx.loaders.memberById.load(post.authorId);
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
  revisions(@Root() post: Post, @Ctx() ctx: Context) {
    return ctx.loaders.revisionsByPostId.load(post.id);
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
    };
  }

  @Mutation(() => Post)
  postReply(@Arg('input', () => PostReplyInput) input: PostReplyInput, @Ctx() ctx: Context) {
    return postReply(ctx, { threadId: parseId(input.threadId, 'threadId'), body: input.body });
  }

  @Mutation(() => Post, { description: 'Returns the post with its new score and viewerVote.' })
  vote(@Arg('input', () => VoteInput) input: VoteInput, @Ctx() ctx: Context) {
    return votePost(ctx, { postId: parseId(input.postId, 'postId'), value: TO_NUMBER[input.value] });
  }

  @Mutation(() => Post, { description: 'Edits a post; the previous version stays in revisions.' })
  editPost(@Arg('input', () => EditPostInput) input: EditPostInput, @Ctx() ctx: Context) {
    return editPost(ctx, { ...input, postId: parseId(input.postId, 'postId') });
  }

  @Mutation(() => Boolean, { description: 'Soft-deletes a post; deleting the question deletes the thread.' })
  deletePost(@Arg('postId', () => ID) postId: string, @Ctx() ctx: Context) {
    return deletePost(ctx, parseId(postId, 'postId'));
  }
}

@Resolver(() => PostRevision)
export class PostRevisionResolver {
  @FieldResolver(() => Member)
  editor(@Root() revision: PostRevision, @Ctx() ctx: Context) {
    return ctx.loaders.memberById.load(revision.editorId);
  }
}
