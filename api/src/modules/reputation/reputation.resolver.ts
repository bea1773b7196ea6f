import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  Float,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  registerEnumType,
} from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { connectionType, pageSize, parseId } from '../../graphql/pagination.js';
import { NotFoundError } from '../../platform/errors.js';
import { Member } from '../accounts/member.entity.js';
import { mayReadCategory } from '../community/visibility.js';
import { adjustMemberReputation } from './commands/adjust-member-reputation.js';
import { leaderboard, LeaderboardPeriod, LeaderboardRanking } from './leaderboard.queries.js';
import { privilegesOf } from './privileges.js';
import { levelFor } from './reputation.rules.js';
import { reputationHistory, reputationMismatches } from './reputation.queries.js';

registerEnumType(LeaderboardPeriod, {
  name: 'LeaderboardPeriod',
  description: 'UTC calendar week (from Monday), month, or all time.',
});
registerEnumType(LeaderboardRanking, { name: 'LeaderboardRanking' });

@ObjectType({ description: 'A reputation level and the way to the next.', simpleResolvers: true })
class Level {
  @Field(() => String) name!: string;
  @Field(() => Int, { description: 'Reputation at which this level starts.' }) min!: number;
  @Field(() => Int, { nullable: true, description: 'Reputation at which the next level starts; null at the top.' })
  next!: number | null;
  @Field(() => Float, { description: 'From 0 to 1: how far along to the next level.' }) progress!: number;
}

@ObjectType({ description: 'One immutable entry of a member’s reputation ledger.', simpleResolvers: true })
class ReputationEvent {
  @Field(() => ID) id!: string;
  @Field(() => String, {
    description:
      'QUESTION_UPVOTED, ANSWER_UPVOTED, DOWNVOTE_RECEIVED, DOWNVOTE_CAST, ANSWER_ACCEPTED, ACCEPTED_AN_ANSWER, STAFF_PICK, ARTICLE_PROMOTED, POST_REMOVED, ADJUSTMENT or REVERSAL.',
  })
  kind!: string;
  @Field(() => Int, { description: 'Points credited (after the daily vote cap).' }) points!: number;
  @Field(() => Int, { nullable: true, description: 'What a capped event would have been worth without the cap.' })
  uncappedPoints!: number | null;
  @Field(() => ID, { nullable: true }) postId!: number | null;
  @Field(() => ID, { nullable: true }) threadId!: number | null;
  @Field(() => String, { nullable: true, description: 'Why a reversal, removal penalty or adjustment happened.' })
  reason!: string | null;
  @Field(() => Date) createdAt!: Date;
}

const ReputationEventConnection = connectionType(ReputationEvent, 'ReputationEvent');

@ObjectType({ simpleResolvers: true })
class ReputationAudit {
  @Field(() => Int) membersChecked!: number;
  @Field(() => [ID], { description: 'Members whose cached total differs from their ledger sum.' })
  mismatchedMemberIds!: number[];
}

@ObjectType({ description: 'Something reputation unlocks.', simpleResolvers: true })
class Privilege {
  @Field(() => String, { description: 'upvote, flag, downvote, createTags, reviewQueue, editOthers, closeReopen.' })
  key!: string;
  @Field(() => String) label!: string;
  @Field(() => Int, { description: 'Reputation needed.' }) reputation!: number;
}

@ObjectType({ simpleResolvers: true })
class Privileges {
  @Field(() => [Privilege]) held!: Privilege[];
  @Field(() => [Privilege], { description: 'Not yet held, cheapest first.' }) next!: Privilege[];
}

@ObjectType({ simpleResolvers: true })
class LeaderboardEntry {
  @Field(() => Int) rank!: number;
  @Field(() => Int, { description: 'Reputation gained in the period (and category).' }) points!: number;
  @Field(() => Int, { description: 'Answers accepted as solutions in the period (and category).' }) accepted!: number;
  memberId!: number;
}

@InputType()
class AdjustReputationInput {
  @Field(() => ID) memberId!: string;
  @Field(() => Int, { description: 'Points to add (negative to take).' }) points!: number;
  @Field(() => String, { description: '3–500 characters; shown in the member’s history.' }) reason!: string;
  @Field(() => String, { nullable: true, description: 'A retry with the same key changes nothing more.' })
  idempotencyKey?: string | null;
}

@Resolver(() => LeaderboardEntry)
export class LeaderboardEntryResolver {
  @FieldResolver(() => Member)
  member(@Root() entry: LeaderboardEntry, @Ctx() ctx: Context) {
    return ctx.loaders.memberById.load(entry.memberId);
  }
}

@Resolver(() => Member)
export class ReputationResolver {
  @FieldResolver(() => Level)
  level(@Root() member: Member, @Ctx() ctx: Context): Level {
    return levelFor(ctx.settings.reputation, member.reputation);
  }

  @FieldResolver(() => Privileges, { description: 'Privileges held and the next ones to earn.' })
  privileges(@Root() member: Member, @Ctx() ctx: Context): Privileges {
    const all = privilegesOf(ctx.settings.reputation, member);
    return { held: all.filter((p) => p.held), next: all.filter((p) => !p.held) };
  }

  @FieldResolver(() => ReputationEventConnection, { description: 'The ledger, newest first.' })
  reputationHistory(
    @Root() member: Member,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return reputationHistory(ctx.em, ctx.viewer, member.id, { first: pageSize(first), after });
  }

  @Query(() => [LeaderboardEntry], {
    description: 'Top members by reputation gained (or solutions) in a period, overall or in one category.',
  })
  async leaderboard(
    @Ctx() ctx: Context,
    @Arg('period', () => LeaderboardPeriod, { defaultValue: LeaderboardPeriod.WEEK }) period: LeaderboardPeriod,
    @Arg('categoryId', () => ID, { nullable: true }) categoryId?: string | null,
    @Arg('ranking', () => LeaderboardRanking, { defaultValue: LeaderboardRanking.REPUTATION })
    ranking: LeaderboardRanking = LeaderboardRanking.REPUTATION,
    @Arg('first', () => Int, { nullable: true }) first?: number,
  ) {
    let category = 0;
    if (categoryId != null) {
      category = parseId(categoryId, 'categoryId');
      const found = await ctx.loaders.categoryById.load(category);
      if (!found || !mayReadCategory(ctx.viewer, found)) throw new NotFoundError('Category');
    }
    return leaderboard(ctx.em, { period, categoryId: category, ranking, first: pageSize(first) });
  }

  @Query(() => ReputationAudit, { description: 'Admins: proves every cached total equals its ledger sum.' })
  async reputationAudit(@Ctx() ctx: Context): Promise<ReputationAudit> {
    ctx.guardian.ensureCan('reputation.audit', null);
    const { members, mismatched } = await reputationMismatches(ctx.em);
    return { membersChecked: members, mismatchedMemberIds: mismatched };
  }

  @Mutation(() => Member, { description: 'Admins: add or take reputation with a reason (an ADJUSTMENT event).' })
  adjustReputation(@Arg('input', () => AdjustReputationInput) input: AdjustReputationInput, @Ctx() ctx: Context) {
    return adjustMemberReputation(ctx, { ...input, memberId: parseId(input.memberId, 'memberId') });
  }
}
