import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { pageSize, parseId } from '../../graphql/pagination.js';
import { Member } from '../accounts/member.entity.js';
import { Post } from '../community/post.entity.js';
import { Article, ArticleState } from '../knowledge/article.entity.js';
import { MemberSanction, toMemberSanction } from '../sanctions/sanction.types.js';
import { claimReviewItem } from './commands/claim-review-item.js';
import { flagPost } from './commands/flag-post.js';
import { reportArticle } from './commands/report-article.js';
import { resolveReviewItem } from './commands/resolve-review-item.js';
import {
  ArticleReport,
  AuthorHistory,
  Flag,
  FlagPostInput,
  FlagPostPayload,
  ReportArticleInput,
  ReportArticlePayload,
  ResolveReviewItemInput,
  ReviewerCount,
  ReviewItem,
  ReviewItemKind,
  ReviewItemConnection,
  ReviewQueueFilterInput,
  ReviewQueueStats,
} from './moderation.types.js';
import { listReviewQueue, reviewQueueStats } from './review-queue.queries.js';

/** The threshold of the review-queue privilege, as the guardian has it. */
const reviewQueue = (ctx: Context) => ctx.guardian.settings.privileges.reviewQueue;

@Resolver(() => Post)
export class PostFlagResolver {
  @FieldResolver(() => Flag, { nullable: true, description: "The viewer's flag on this post, if they flagged it." })
  viewerFlag(@Root() post: Post, @Ctx() ctx: Context) {
    return ctx.loaders.viewerFlagByPostId.load(post.id);
  }

  @Mutation(() => FlagPostPayload, {
    description: 'Flags a post for review (the flag privilege, once per post, 20 a day); enough weight hides it.',
  })
  async flagPost(@Arg('input', () => FlagPostInput) input: FlagPostInput, @Ctx() ctx: Context) {
    const { post, flag } = await flagPost(ctx, {
      postId: parseId(input.postId, 'postId'),
      reason: input.reason,
      note: input.note ?? null,
    });
    ctx.loaders.postById.clear(post.id).prime(post.id, post);
    const mine = { ...flag, status: 'OPEN', flaggerId: ctx.viewer!.id };
    ctx.loaders.viewerFlagByPostId.clear(post.id).prime(post.id, { ...mine, postId: post.id, reviewItemId: 0 });
    return { post, flag: mine };
  }
}

@Resolver(() => ArticleReport)
export class ArticleReportResolver {
  @FieldResolver(() => Member)
  reporter(@Root() report: ArticleReport, @Ctx() ctx: Context) {
    return ctx.loaders.memberById.load(report.reporterId);
  }

  @Mutation(() => ReportArticlePayload, {
    description:
      'Reports a published article to reviewers (the flag privilege, once per article, counted in the daily flags cap).',
  })
  async reportArticle(@Arg('input', () => ReportArticleInput) input: ReportArticleInput, @Ctx() ctx: Context) {
    const { article, report } = await reportArticle(ctx, {
      articleId: parseId(input.articleId, 'articleId'),
      reason: input.reason,
      note: input.note ?? null,
    });
    return { article, report };
  }
}

@Resolver(() => Article)
export class ArticleViewerReportResolver {
  @FieldResolver(() => ArticleReport, { nullable: true, description: "The viewer's report of this article, if any." })
  viewerReport(@Root() article: Article, @Ctx() ctx: Context) {
    return ctx.loaders.viewerReportByArticleId.load(article.id);
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether the viewer may report this article now (published, flag privilege, not reported yet).',
  })
  async viewerCanReport(@Root() article: Article, @Ctx() ctx: Context): Promise<boolean> {
    if (article.state !== ArticleState.PUBLISHED || !ctx.guardian.can('article.report', null)) return false;
    return (await ctx.loaders.viewerReportByArticleId.load(article.id)) === null;
  }
}

@Resolver(() => Flag)
export class FlagResolver {
  @FieldResolver(() => Member)
  flagger(@Root() flag: Flag, @Ctx() ctx: Context) {
    return ctx.loaders.memberById.load(flag.flaggerId);
  }
}

@Resolver(() => ReviewItem)
export class ReviewItemResolver {
  @Query(() => ReviewItemConnection, { description: 'The review queue, oldest waiting first (reviewers).' })
  reviewQueue(
    @Ctx() ctx: Context,
    @Arg('filter', () => ReviewQueueFilterInput, { nullable: true }) filter?: ReviewQueueFilterInput | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    ctx.guardian.ensureCan('review.list', null);
    return listReviewQueue(ctx.em, ctx.guardian.requireViewer(), reviewQueue(ctx), {
      first: pageSize(first),
      after,
      filter: {
        ...(filter?.kinds?.length ? { kinds: filter.kinds } : {}),
        ...(filter?.status ? { status: filter.status } : {}),
        ...(filter?.categoryId != null ? { categoryId: parseId(filter.categoryId, 'categoryId') } : {}),
      },
    });
  }

  @Query(() => ReviewQueueStats, { description: 'How the review queue is keeping up (reviewers).' })
  reviewQueueStats(@Ctx() ctx: Context) {
    ctx.guardian.ensureCan('review.list', null);
    return reviewQueueStats(ctx.em, ctx.guardian.requireViewer(), reviewQueue(ctx));
  }

  @Mutation(() => ReviewItem, { description: 'Claims an item for a few minutes so no one else acts on it meanwhile.' })
  claimReviewItem(@Arg('itemId', () => ID) itemId: string, @Ctx() ctx: Context) {
    return claimReviewItem(ctx, parseId(itemId, 'itemId'));
  }

  @Mutation(() => ReviewItem, { description: 'Decides an item (AGREE, DISAGREE, IGNORE) or hands it to staff.' })
  resolveReviewItem(@Arg('input', () => ResolveReviewItemInput) input: ResolveReviewItemInput, @Ctx() ctx: Context) {
    return resolveReviewItem(ctx, {
      itemId: parseId(input.itemId, 'itemId'),
      decision: input.decision,
      reason: input.reason ?? null,
    });
  }

  @FieldResolver(() => Post, {
    nullable: true,
    description: 'The post in full (reviewers read hidden posts); null for held sign-ups and article reports.',
  })
  post(@Root() item: ReviewItem, @Ctx() ctx: Context) {
    return item.postId === null ? null : ctx.loaders.postById.load(item.postId);
  }

  @FieldResolver(() => Member, {
    nullable: true,
    description: "The post's author, or the held member; null for article reports.",
  })
  author(@Root() item: ReviewItem, @Ctx() ctx: Context) {
    return item.authorId === null ? null : ctx.loaders.memberById.load(item.authorId);
  }

  @FieldResolver(() => Article, { nullable: true, description: 'The reported article (ARTICLE_REPORT).' })
  article(@Root() item: ReviewItem, @Ctx() ctx: Context) {
    return item.articleId === null ? null : ctx.loaders.articleById.load(item.articleId);
  }

  @FieldResolver(() => [ArticleReport], { description: "The article's reports (ARTICLE_REPORT); empty otherwise." })
  reports(@Root() item: ReviewItem, @Ctx() ctx: Context) {
    return item.kind === ReviewItemKind.ARTICLE_REPORT ? ctx.loaders.reportsByReviewItemId.load(item.id) : [];
  }

  @FieldResolver(() => Member, {
    nullable: true,
    description: 'The member reviewer whose AGREE on spam or abuse handed the item to staff.',
  })
  agreedBy(@Root() item: ReviewItem, @Ctx() ctx: Context) {
    return item.agreedBy === null ? null : ctx.loaders.memberById.load(item.agreedBy);
  }

  @FieldResolver(() => [Flag])
  flags(@Root() item: ReviewItem, @Ctx() ctx: Context) {
    return ctx.loaders.flagsByReviewItemId.load(item.id);
  }

  @FieldResolver(() => Member, { nullable: true, description: 'Who holds an unexpired claim on it.' })
  claimedBy(@Root() item: ReviewItem, @Ctx() ctx: Context) {
    if (item.claimedBy === null || !item.claimExpiresAt || item.claimExpiresAt <= new Date()) return null;
    return ctx.loaders.memberById.load(item.claimedBy);
  }

  @FieldResolver(() => Member, { nullable: true })
  decidedBy(@Root() item: ReviewItem, @Ctx() ctx: Context) {
    return item.decidedBy === null ? null : ctx.loaders.memberById.load(item.decidedBy);
  }

  @FieldResolver(() => AuthorHistory, {
    nullable: true,
    description: "The author's (or held member's) account age, flag record and, for staff, sanctions.",
  })
  async history(@Root() item: ReviewItem, @Ctx() ctx: Context): Promise<AuthorHistory | null> {
    if (item.authorId === null) return null;
    const history = await ctx.loaders.authorHistoryByMemberId.load(item.authorId);
    if (!history) return null;
    return {
      ...history,
      memberId: item.authorId,
      accountAge: Math.floor((Date.now() - history.accountCreatedAt.getTime()) / 1000),
    };
  }
}

/** How many past sanctions a review card shows (newest first). */
const HISTORY_SANCTIONS = 10;

@Resolver(() => AuthorHistory)
export class AuthorHistoryResolver {
  @FieldResolver(() => [MemberSanction], {
    nullable: true,
    description:
      "The author's sanctions, newest first (the last 10, lifted and expired ones included). Staff only: " +
      'sanction history is not shown to member reviewers and advocates, for whom it is null.',
  })
  async sanctions(@Root() history: AuthorHistory, @Ctx() ctx: Context): Promise<MemberSanction[] | null> {
    // Null rather than FORBIDDEN: every reviewer loads the same card, and an error on one field
    // would fail the whole queue page for member reviewers.
    if (!ctx.guardian.can('member.readSanctionHistory', null)) return null;
    const rows = await ctx.loaders.sanctionHistoryPage(HISTORY_SANCTIONS, null).load(history.memberId);
    return rows.map(toMemberSanction);
  }
}

@Resolver(() => ReviewerCount)
export class ReviewerCountResolver {
  @FieldResolver(() => Member)
  reviewer(@Root() row: ReviewerCount, @Ctx() ctx: Context) {
    return ctx.loaders.memberById.load(row.reviewerId);
  }
}
