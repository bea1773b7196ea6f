import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import DataLoader from 'dataloader';
import type { Context } from '../../graphql/context.js';
import { connectionType, pageSize, parseId } from '../../graphql/pagination.js';
import { isStaffViewer } from '../../platform/authz/guardian.js';
import { sql } from '../../platform/db/sql.js';
import { Member } from '../accounts/member.entity.js';
import { Category } from '../community/category.entity.js';
import { visibleThread } from '../community/community.queries.js';
import { isBotUserAgent, viewerKey } from '../community/thread-views.js';
import { Thread } from '../community/thread.entity.js';
import { Article, ArticleState, ContributorRole } from './article.entity.js';
import { articleVersions, listArticles, memberArticles, reviewQueue, versionDiff } from './article.queries.js';
import { readableArticle } from './article-visibility.js';
import { countArticleView } from './article-views.js';
import { archiveArticle, publishArticle, submitArticle, verifyArticle } from './commands/article-transitions.js';
import { createArticle } from './commands/create-article.js';
import { rateArticle } from './commands/rate-article.js';
import { updateArticle } from './commands/update-article.js';

const ArticleConnection = connectionType(Article, 'Article');

@ObjectType({ simpleResolvers: true })
class ArticleContributor {
  @Field(() => Member) member!: Member;
  @Field(() => ContributorRole) role!: ContributorRole;
}

@ObjectType({ description: 'One version of an article: who made it, when and what changed.', simpleResolvers: true })
class ArticleVersion {
  @Field(() => Int) number!: number;
  @Field(() => Member, { nullable: true, description: 'Null: drafted by the system from the source thread.' })
  author!: Member | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => [String], { description: 'Fields changed from the previous version.' }) changed!: string[];
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => String) title!: string;
  @Field(() => String) issue!: string;
  @Field(() => String) environment!: string;
  @Field(() => String) resolution!: string;
  @Field(() => String, { nullable: true }) cause!: string | null;
  @Field(() => [String]) tags!: string[];
  @Field(() => String, { description: 'The post revisions it was built from, as post:revision (role).' })
  sources!: string;
}

@ObjectType({ simpleResolvers: true })
class ArticleFieldDiff {
  @Field(() => String) field!: string;
  @Field(() => String, { description: 'A unified diff.' }) diff!: string;
}

@ObjectType({ simpleResolvers: true })
class ArticleViewerCan {
  @Field(() => Boolean) edit!: boolean;
  @Field(() => Boolean) submit!: boolean;
  @Field(() => Boolean) publish!: boolean;
  @Field(() => Boolean) archive!: boolean;
  @Field(() => Boolean) verify!: boolean;
  @Field(() => Boolean) rate!: boolean;
  @Field(() => Boolean, { description: 'See its versions, why it needs review, and compare versions (staff).' })
  review!: boolean;
}

@InputType()
class ArticleFilterInput {
  @Field(() => ID, { nullable: true }) categoryId?: string | null;
  @Field(() => String, { nullable: true }) tag?: string | null;
  @Field(() => ArticleState, { nullable: true, description: 'Default PUBLISHED; other states are for staff.' })
  state?: ArticleState | null;
  @Field(() => Boolean, { nullable: true }) needsReview?: boolean | null;
}

@InputType()
class CreateArticleInput {
  @Field(() => ID, { description: 'The answer to build it from.' }) postId!: string;
}

@InputType()
class UpdateArticleInput {
  @Field(() => ID) articleId!: string;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) issue?: string | null;
  @Field(() => String, { nullable: true }) environment?: string | null;
  @Field(() => String, { nullable: true }) resolution?: string | null;
  @Field(() => String, { nullable: true, description: 'An empty string clears it.' }) cause?: string | null;
  @Field(() => [String], { nullable: true }) tags?: string[] | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD (UTC), in the future.' }) reviewBy?: string | null;
  @Field(() => String, { nullable: true, description: 'Why, for the version history.' }) note?: string | null;
}

@InputType()
class ArchiveArticleInput {
  @Field(() => ID) articleId!: string;
  @Field(() => String) reason!: string;
}

@InputType()
class RateArticleInput {
  @Field(() => ID) articleId!: string;
  @Field(() => Boolean) helpful!: boolean;
  @Field(() => String, { nullable: true }) reason?: string | null;
}

@Resolver(() => Article)
export class ArticleResolver {
  @Query(() => Article, { nullable: true, description: 'An article the viewer may read; null otherwise.' })
  async article(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Article | null> {
    return readableArticle(ctx.em, ctx.viewer, parseId(id)).catch((e: unknown) => {
      if ((e as { code?: string }).code === 'NOT_FOUND') return null;
      throw e;
    });
  }

  @Query(() => ArticleConnection, { description: 'Published articles, newest first; staff may list other states.' })
  articles(
    @Ctx() ctx: Context,
    @Arg('filter', () => ArticleFilterInput, { nullable: true }) filter?: ArticleFilterInput | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return listArticles(
      ctx.em,
      ctx.viewer,
      {
        categoryId: filter?.categoryId != null ? parseId(filter.categoryId, 'categoryId') : null,
        tag: filter?.tag,
        state: filter?.state,
        needsReview: filter?.needsReview,
      },
      { first: pageSize(first), after },
    );
  }

  @Query(() => ArticleConnection, {
    description: 'Staff: drafts, articles in review, staged edits and flagged articles, oldest waiting first.',
  })
  articleReviewQueue(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    ctx.guardian.ensureCan('article.review', null);
    return reviewQueue(ctx.em, { first: pageSize(first), after });
  }

  @FieldResolver(() => Category, { nullable: true })
  category(@Root() a: Article, @Ctx() ctx: Context) {
    return a.categoryId === null ? null : ctx.loaders.categoryById.load(a.categoryId);
  }

  @FieldResolver(() => Thread, {
    nullable: true,
    description: 'The thread it was made from, when the viewer may read it.',
  })
  async sourceThread(@Root() a: Article, @Ctx() ctx: Context) {
    if (a.sourceThreadId === null) return null;
    return visibleThread(ctx.loaders, ctx.viewer, a.sourceThreadId).catch(() => null);
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The answer it was made from.' })
  sourcePostId(@Root() a: Article) {
    return a.sourcePostId;
  }

  @FieldResolver(() => [ArticleContributor], { description: 'The asker, the answerer and the editors of its source.' })
  async contributors(@Root() a: Article, @Ctx() ctx: Context) {
    const list = await ctx.loaders.articleContributors.load(a.id);
    const members = await ctx.loaders.memberById.loadMany(list.map((c) => c.memberId));
    return list.flatMap((c, i) => {
      const member = members[i];
      return member && !(member instanceof Error) ? [{ member, role: c.role }] : [];
    });
  }

  @FieldResolver(() => String, { nullable: true, description: 'Staff only.' })
  needsReviewReason(@Root() a: Article, @Ctx() ctx: Context) {
    return isStaffViewer(ctx.viewer) ? a.needsReviewReason : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Staff only: what changed in the source.' })
  needsReviewDiff(@Root() a: Article, @Ctx() ctx: Context) {
    return isStaffViewer(ctx.viewer) ? a.needsReviewDiff : null;
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'Staff: when it started waiting in the review queue (null: it waits for nothing).',
  })
  queuedAt(@Root() a: Article, @Ctx() ctx: Context) {
    return ctx.guardian.can('article.review', null) ? a.queuedAt : null;
  }

  @FieldResolver(() => Date, { nullable: true })
  verifiedAt(@Root() a: Article) {
    return a.verifiedAt;
  }

  @FieldResolver(() => Member, { nullable: true })
  verifiedBy(@Root() a: Article, @Ctx() ctx: Context) {
    return a.verifiedBy === null ? null : ctx.loaders.memberById.load(a.verifiedBy);
  }

  @FieldResolver(() => Boolean, { description: 'A newer version than the published one is waiting (staff edit).' })
  hasStagedVersion(@Root() a: Article) {
    return a.publishedVersion !== null && a.currentVersion > a.publishedVersion;
  }

  @FieldResolver(() => [ArticleVersion], { description: 'Staff: every version, newest first.' })
  async versions(@Root() a: Article, @Ctx() ctx: Context): Promise<ArticleVersion[]> {
    if (!ctx.guardian.can('article.review', null)) return [];
    const versions = await articleVersions(ctx.em, a.id);
    const authors = await ctx.loaders.memberById.loadMany(versions.flatMap((v) => (v.authorId ? [v.authorId] : [])));
    const byId = new Map(authors.flatMap((m) => (m && !(m instanceof Error) ? [[m.id, m] as const] : [])));
    return versions.map((v) => ({
      number: v.number,
      author: v.authorId ? (byId.get(v.authorId) ?? null) : null,
      createdAt: v.createdAt,
      changed: v.changed,
      note: v.note,
      ...v.content,
      sources: v.sources.map((s) => `post ${s.postId} revision ${s.revision} (${s.role.toLowerCase()})`).join(', '),
    }));
  }

  @FieldResolver(() => [ArticleFieldDiff], { description: 'Staff: what changed between two versions.' })
  async diff(
    @Root() a: Article,
    @Ctx() ctx: Context,
    @Arg('from', () => Int) from: number,
    @Arg('to', () => Int) to: number,
  ) {
    ctx.guardian.ensureCan('article.review', null);
    return versionDiff(ctx.em, a.id, from, to);
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: '"Was this helpful?" as the viewer answered it: true, false, or null before they vote.',
  })
  viewerRating(@Root() a: Article, @Ctx() ctx: Context): Promise<boolean | null> {
    return viewerRatings(ctx).load(a.id);
  }

  @FieldResolver(() => ArticleViewerCan)
  viewerCan(@Root() a: Article, @Ctx() ctx: Context): ArticleViewerCan {
    const g = ctx.guardian;
    return {
      edit: g.can('article.edit', a),
      submit: g.can('article.submit', a),
      publish: g.can('article.publish', a),
      archive: g.can('article.archive', a),
      verify: g.can('article.verify', a),
      rate: g.can('article.rate', a),
      review: g.can('article.review', null),
    };
  }

  @Mutation(() => Article, { description: 'Staff: start an article from an answer.' })
  createArticle(@Arg('input', () => CreateArticleInput) input: CreateArticleInput, @Ctx() ctx: Context) {
    return createArticle(ctx, { postId: parseId(input.postId, 'postId') });
  }

  @Mutation(() => Article, { description: 'Staff: a new version (staged, when the article is published).' })
  updateArticle(@Arg('input', () => UpdateArticleInput) input: UpdateArticleInput, @Ctx() ctx: Context) {
    return updateArticle(ctx, { ...input, articleId: parseId(input.articleId, 'articleId') });
  }

  @Mutation(() => Article)
  submitArticle(@Arg('articleId', () => ID) articleId: string, @Ctx() ctx: Context) {
    return submitArticle(ctx, parseId(articleId, 'articleId'));
  }

  @Mutation(() => Article, { description: 'Publishes the latest version (a draft, or a staged edit).' })
  publishArticle(@Arg('articleId', () => ID) articleId: string, @Ctx() ctx: Context) {
    return publishArticle(ctx, parseId(articleId, 'articleId'));
  }

  @Mutation(() => Article, { description: 'Withdraws a published article or rejects a draft.' })
  archiveArticle(@Arg('input', () => ArchiveArticleInput) input: ArchiveArticleInput, @Ctx() ctx: Context) {
    return archiveArticle(ctx, { articleId: parseId(input.articleId, 'articleId'), reason: input.reason });
  }

  @Mutation(() => Article, { description: 'Staff confirm the article is right: clears needs review.' })
  verifyArticle(@Arg('articleId', () => ID) articleId: string, @Ctx() ctx: Context) {
    return verifyArticle(ctx, parseId(articleId, 'articleId'));
  }

  @Mutation(() => Article, { description: '"Was this helpful?" One vote per reader, which they may change.' })
  rateArticle(@Arg('input', () => RateArticleInput) input: RateArticleInput, @Ctx() ctx: Context) {
    return rateArticle(ctx, {
      articleId: parseId(input.articleId, 'articleId'),
      helpful: input.helpful,
      reason: input.reason,
      raterKey: viewerKey(ctx.viewer, ctx, ctx.services.config.SESSION_SECRET),
    });
  }

  @Mutation(() => Int, { description: 'Counts a view once per viewer and UTC day (bots are not counted).' })
  async recordArticleView(@Arg('articleId', () => ID) articleId: string, @Ctx() ctx: Context): Promise<number> {
    const article = await readableArticle(ctx.em, ctx.viewer, parseId(articleId, 'articleId'));
    if (isBotUserAgent(ctx.userAgent) || article.state !== ArticleState.PUBLISHED) return article.viewCount;
    return countArticleView(ctx.em, article.id, viewerKey(ctx.viewer, ctx, ctx.services.config.SESSION_SECRET));
  }
}

/** The viewer's ratings of the articles on a page, in one query (the key is the request's: visitors have one too). */
const ratingLoaders = new WeakMap<Context, DataLoader<number, boolean | null>>();
function viewerRatings(ctx: Context): DataLoader<number, boolean | null> {
  let loader = ratingLoaders.get(ctx);
  if (!loader) {
    const key = viewerKey(ctx.viewer, ctx, ctx.services.config.SESSION_SECRET);
    loader = new DataLoader(async (ids) => {
      const rows = await sql<{ article_id: number; helpful: boolean }>(
        ctx.em,
        'select article_id, helpful from article_ratings where rater_key = ? and article_id = any(?::int[])',
        [key, `{${ids.join(',')}}`],
      );
      const byId = new Map(rows.map((r) => [r.article_id, r.helpful]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    ratingLoaders.set(ctx, loader);
  }
  return loader;
}

@Resolver(() => Member)
export class MemberArticlesResolver {
  @FieldResolver(() => ArticleConnection, {
    description: 'Published knowledge articles the member contributed to (asked, answered or edited), newest first.',
  })
  knowledgeArticles(
    @Root() member: Member,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return memberArticles(ctx.em, ctx.viewer, member.id, { first: pageSize(first), after });
  }
}

@Resolver(() => Thread)
export class ThreadArticleResolver {
  @FieldResolver(() => Article, { nullable: true, description: 'The knowledge article made from this thread.' })
  article(@Root() thread: Thread, @Ctx() ctx: Context) {
    return ctx.loaders.articleByThread.load(thread.id);
  }
}
