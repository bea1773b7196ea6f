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
  registerEnumType,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { parseId } from '../../graphql/pagination.js';
import { visibleThread } from '../community/community.queries.js';
import { Thread } from '../community/thread.entity.js';
import { Article } from './article.entity.js';
import {
  deflectionStats,
  recordQuestionAsked,
  recordSuggestionClicked,
  recordSuggestionsShown,
  SETTLE_MINUTES,
  type SuggestionKind,
} from './deflection.js';

enum SuggestionKindEnum {
  THREAD = 'THREAD',
  ARTICLE = 'ARTICLE',
}
registerEnumType(SuggestionKindEnum, { name: 'SuggestionKind' });

@InputType()
class SuggestionInput {
  @Field(() => SuggestionKindEnum) kind!: SuggestionKind;
  @Field(() => ID) id!: string;
}

const toRef = (s: SuggestionInput) => ({ kind: s.kind, id: parseId(s.id, 'suggestions') });

@ObjectType({ simpleResolvers: true })
class DeflectionCounts {
  @Field(() => Int, { description: 'Suggestions shown (once per ask session).' }) shown!: number;
  @Field(() => Int) clicked!: number;
  @Field(() => Int, { description: `Clicked, and no question was posted (after ${SETTLE_MINUTES} minutes).` })
  deflected!: number;
  @Field(() => Int, { description: 'Clicked, and the question was posted anyway.' }) failed!: number;
  @Field(() => Int, { description: 'Shown and not clicked.' }) potential!: number;
  @Field(() => Int, { description: 'Clicked recently; not decided yet.' }) pending!: number;
}

@ObjectType({ simpleResolvers: true })
class DeflectionTarget extends DeflectionCounts {
  @Field(() => SuggestionKindEnum) kind!: SuggestionKind;
  id!: number;
}

@ObjectType({ simpleResolvers: true })
export class DeflectionStats extends DeflectionCounts {
  @Field(() => Int, { description: 'Visits to the ask form that reported suggestions.' }) sessions!: number;
  @Field(() => Int, { description: 'Sessions that posted a question.' }) asked!: number;
  @Field(() => Int, { description: 'Sessions that opened a suggestion and did not ask.' }) deflectedSessions!: number;
  @Field(() => [DeflectionTarget], { description: 'The articles and threads that deflect most.' })
  targets!: DeflectionTarget[];
}

@Resolver(() => DeflectionTarget)
export class DeflectionResolver {
  @Mutation(() => Boolean, { description: 'Suggestions shown beside the ask form in this session.' })
  async recordSuggestionsShown(
    @Arg('sessionId', () => String) sessionId: string,
    @Arg('suggestions', () => [SuggestionInput]) suggestions: SuggestionInput[],
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    await recordSuggestionsShown(ctx.em, ctx.guardian.requireViewer(), sessionId, suggestions.map(toRef));
    return true;
  }

  @Mutation(() => Boolean, { description: 'The member opened a suggestion from the ask form.' })
  async recordSuggestionClicked(
    @Arg('sessionId', () => String) sessionId: string,
    @Arg('suggestion', () => SuggestionInput) suggestion: SuggestionInput,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    await recordSuggestionClicked(ctx.em, ctx.guardian.requireViewer(), sessionId, toRef(suggestion));
    return true;
  }

  @Mutation(() => Boolean, { description: 'The member posted the question this ask session was for.' })
  async recordQuestionAsked(
    @Arg('sessionId', () => String) sessionId: string,
    @Arg('threadId', () => ID) threadId: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    await recordQuestionAsked(ctx.em, ctx.guardian.requireViewer(), sessionId, parseId(threadId, 'threadId'));
    return true;
  }

  @Query(() => DeflectionStats, { description: 'Staff: how suggestions while asking deflected questions.' })
  async deflectionStats(
    @Ctx() ctx: Context,
    @Arg('days', () => Int, { defaultValue: 30 }) days: number,
    @Arg('top', () => Int, { defaultValue: 20 }) top: number,
  ) {
    ctx.guardian.ensureCan('deflection.read', null);
    return deflectionStats(ctx.em, days, Math.min(Math.max(top, 1), 100));
  }

  @FieldResolver(() => Article, { nullable: true })
  article(@Root() t: DeflectionTarget, @Ctx() ctx: Context) {
    return t.kind === 'ARTICLE' ? ctx.loaders.articleById.load(t.id) : null;
  }

  @FieldResolver(() => Thread, { nullable: true })
  thread(@Root() t: DeflectionTarget, @Ctx() ctx: Context) {
    return t.kind === 'THREAD' ? visibleThread(ctx.loaders, ctx.viewer, t.id).catch(() => null) : null;
  }
}
