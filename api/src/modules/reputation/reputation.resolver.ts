import { Arg, Ctx, Field, FieldResolver, Float, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { connectionType, pageSize } from '../../graphql/pagination.js';
import { ForbiddenError } from '../../platform/errors.js';
import { Member } from '../accounts/member.entity.js';
import { levelFor } from './reputation.rules.js';
import { reputationHistory, reputationMismatches } from './reputation.queries.js';

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
      'QUESTION_UPVOTED, ANSWER_UPVOTED, DOWNVOTE_RECEIVED, DOWNVOTE_CAST, ANSWER_ACCEPTED, ACCEPTED_AN_ANSWER or REVERSAL.',
  })
  kind!: string;
  @Field(() => Int, { description: 'Points credited (after the daily vote cap).' }) points!: number;
  @Field(() => Int, { nullable: true, description: 'What a capped event would have been worth without the cap.' })
  uncappedPoints!: number | null;
  @Field(() => ID, { nullable: true }) postId!: number | null;
  @Field(() => ID, { nullable: true }) threadId!: number | null;
  @Field(() => String, { nullable: true, description: 'Why a reversal happened.' }) reason!: string | null;
  @Field(() => Date) createdAt!: Date;
}

const ReputationEventConnection = connectionType(ReputationEvent, 'ReputationEvent');

@ObjectType({ simpleResolvers: true })
class ReputationAudit {
  @Field(() => Int) membersChecked!: number;
  @Field(() => [ID], { description: 'Members whose cached total differs from their ledger sum.' })
  mismatchedMemberIds!: number[];
}

@Resolver(() => Member)
export class ReputationResolver {
  @FieldResolver(() => Level)
  level(@Root() member: Member, @Ctx() ctx: Context): Level {
    return levelFor(ctx.services.config.reputation, member.reputation);
  }

  @FieldResolver(() => ReputationEventConnection, { description: 'The ledger, newest first.' })
  reputationHistory(
    @Root() member: Member,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return reputationHistory(ctx.em, member.id, { first: pageSize(first), after });
  }

  @Query(() => ReputationAudit, { description: 'Admins: proves every cached total equals its ledger sum.' })
  async reputationAudit(@Ctx() ctx: Context): Promise<ReputationAudit> {
    if (ctx.guardian.requireViewer().role !== 'ADMIN') {
      throw new ForbiddenError('Only administrators can audit reputation.');
    }
    const { members, mismatched } = await reputationMismatches(ctx.em);
    return { membersChecked: members, mismatchedMemberIds: mismatched };
  }
}
